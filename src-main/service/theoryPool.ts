import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ExperimentConfig } from '../../src-shared/model/config';
import type { LabTheoryReport } from '../../src-shared/api';
import type { LandscapeMapRequest, PreviewRequest, TheoryRequest, preview } from '../engine/worker';
import type { LandscapeMap } from '../../src-shared/theory2d/landscapeMap';
import type { NoiseAssets } from '../../src-shared/model/noiseAsset';

export interface TheoryPoolOptions {
  /** The worker entry (the same file the engine runs chunks in; its `theory` export). */
  workerUrl: URL | string;
  /** Reports kept, most recently used first. */
  cacheSize?: number;
}

/** Threads for theory: one answers the interactive case; a second keeps one slow report from queueing the rest. */
const THEORY_THREADS = 2;
/** An idle theory thread exits after this long; the next request starts one again (~50 ms). */
const IDLE_MS = 60_000;

/**
 * The theory report computed on worker threads, never on the thread that answers requests: a
 * large landscape (or the heavier integrals some l* need) costs seconds, and the server and the
 * Electron main process must keep answering meanwhile. Reports are cached by (expanded config,
 * η); a request equal to one in flight shares its answer.
 */
export class TheoryPool {
  private readonly piscina: Piscina<TheoryRequest, LabTheoryReport>;
  private readonly cache = new Map<string, Promise<LabTheoryReport>>();
  private readonly maps = new Map<string, Promise<LandscapeMap>>();
  private readonly cacheSize: number;

  constructor(options: TheoryPoolOptions) {
    const url = options.workerUrl;
    this.piscina = new Piscina({
      filename: url instanceof URL || url.startsWith('file:') ? fileURLToPath(url) : url,
      name: 'theory',
      minThreads: 0,
      maxThreads: THEORY_THREADS,
      idleTimeout: IDLE_MS,
    });
    this.piscina.on('error', () => {});
    this.cacheSize = options.cacheSize ?? 64;
  }

  /** `assets`: the samples of the measured noise the config names (sent along; the thread keeps them). */
  report(config: ExperimentConfig, eta: number | undefined, assets?: NoiseAssets): Promise<LabTheoryReport> {
    // Only what the theory reads: renaming a run or changing its samples reuses the report.
    // A composite kind (a sweep) has no landscape of its own: its whole config is the key.
    const key = JSON.stringify('landscape' in config ? [config.landscape, config.arms, eta ?? null] : [config, eta ?? null]);
    const request: TheoryRequest = { config, eta };
    if (assets && assets.size > 0) request.assets = Object.fromEntries(assets);
    return this.cached(this.cache, key, () => this.piscina.run(request));
  }

  /** A 2-D landscape's contour-plot data, cached by (landscape, grid): dragging x0 or editing an arm reuses it. */
  landscapeMap(request: LandscapeMapRequest): Promise<LandscapeMap> {
    const run = this.piscina.run.bind(this.piscina) as unknown as (r: LandscapeMapRequest, o: { name: string }) => Promise<LandscapeMap>;
    return this.cached(this.maps, JSON.stringify([request.landscape, request.nodes]), () => run(request, { name: 'landscapeMap' }));
  }

  /** Most recently used first; a request equal to one in flight shares its answer. */
  private cached<T>(cache: Map<string, Promise<T>>, key: string, compute: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const pending = compute();
    // A failure is not remembered: the next request tries again.
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
    while (cache.size > this.cacheSize) cache.delete(cache.keys().next().value as string);
    return pending;
  }

  /** The preview of imported noise, computed on a theory thread (it sorts and fits every sample). */
  preview(samples: Float64Array, threshold: number | undefined): Promise<ReturnType<typeof preview>> {
    const run = this.piscina.run.bind(this.piscina) as unknown as (r: PreviewRequest, o: { name: string }) => Promise<ReturnType<typeof preview>>;
    return run({ samples, threshold }, { name: 'preview' });
  }

  destroy(): Promise<void> {
    return this.piscina.destroy();
  }
}
