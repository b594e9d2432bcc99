import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ChunkRunner, ChunkRunOptions } from './chunkRunner';
import { STOP_FLAG, newControl, newProgress, type ChunkRequest } from './executor/chunkRequest';
import type { KernelChunkResult, KernelTask } from './tasks';
import type { TaskTiming } from './kernelSpeed';
import type { NoiseAssets } from '../../src-shared/model/noiseAsset';

export interface LocalChunkRunnerOptions {
  /** Worker threads; default os.availableParallelism(). */
  workers?: number;
  /** The worker entry; default the bundled worker.js next to the running bundle. */
  workerUrl?: URL | string;
}

/** How often the counters that in-flight kernels write are read back into onProgress. */
const PROGRESS_READ_MS = 200;

/**
 * The bundled worker next to the running bundle (out/node/worker.js beside out/node/lab.js).
 * Resolved only when asked for: the Electron main passes its own ?modulePath instead.
 */
function defaultWorkerUrl(): URL {
  return new URL('./worker.js', import.meta.url);
}

function workerPath(url: URL | string): string {
  if (url instanceof URL) return fileURLToPath(url);
  return url.startsWith('file:') ? fileURLToPath(url) : url;
}

interface InFlight {
  counter: Float64Array;
  last: number;
  onProgress: (iterationsDone: number) => void;
}

/**
 * Chunks on this machine's worker threads (piscina). Threads are started up front and never
 * retire when idle, so a run does not pay for thread start-up between chunks; a worker that dies
 * is replaced by piscina and only its chunk fails. Inside, each chunk gets a shared stop flag
 * (set when its signal aborts; the kernel sees it at its next tick) and a shared iteration
 * counter, read back every PROGRESS_READ_MS: the cheapest way for a kernel to talk while it runs.
 */
export class LocalChunkRunner implements ChunkRunner {
  readonly capacity: number;
  private readonly piscina: Piscina<ChunkRequest, KernelChunkResult | null>;
  private readonly inFlight = new Set<InFlight>();
  private timer: ReturnType<typeof setInterval> | null = null;
  /** Measured noise copied into shared memory once, by asset name, for every chunk that names it. */
  private readonly shared = new Map<string, SharedArrayBuffer>();

  constructor(options: LocalChunkRunnerOptions = {}) {
    const size = options.workers ?? availableParallelism();
    if (!Number.isInteger(size) || size < 1) throw new Error(`workers must be a whole number ≥ 1, got ${size}`);
    this.capacity = size;
    this.piscina = new Piscina({
      filename: workerPath(options.workerUrl ?? defaultWorkerUrl()),
      minThreads: size,
      maxThreads: size,
      idleTimeout: Number.MAX_SAFE_INTEGER,
      concurrentTasksPerWorker: 1,
    });
    // A worker failing with no task in hand (e.g. while starting) is reported here; the chunk
    // that hits a dead worker is rejected on its own, so nothing is lost by not rethrowing.
    this.piscina.on('error', () => {});
  }

  async run(task: KernelTask, { signal, onProgress, assets }: ChunkRunOptions): Promise<KernelChunkResult | null> {
    if (signal.aborted) return null;
    const control = newControl();
    const progress = newProgress();
    const stop = () => Atomics.store(new Int32Array(control), STOP_FLAG, 1);
    signal.addEventListener('abort', stop, { once: true });
    const watch = onProgress ? { counter: new Float64Array(progress), last: 0, onProgress } : null;
    if (watch) this.watch(watch);
    try {
      const request: ChunkRequest = { task, control, progress };
      const named = this.assetsOf(task, assets);
      if (named) request.assets = named;
      return await this.piscina.run(request);
    } finally {
      signal.removeEventListener('abort', stop);
      if (watch) this.unwatch(watch);
    }
  }

  /** Run a whole task on a worker, timed there (the worker's `timeTask` export). */
  time(task: KernelTask): Promise<TaskTiming> {
    // The same threads serve a second export; piscina types one task shape per pool.
    return (this.piscina as unknown as Piscina<KernelTask, TaskTiming>).run(task, { name: 'timeTask' });
  }

  close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    return this.piscina.destroy();
  }

  /** The shared copy of the asset the task's noise names, if it names one. */
  private assetsOf(task: KernelTask, assets: NoiseAssets | undefined): Record<string, SharedArrayBuffer> | undefined {
    const noise = task.params.noise;
    if (noise.family !== 'empirical') return undefined;
    let buffer = this.shared.get(noise.asset);
    if (!buffer) {
      const samples = assets?.get(noise.asset);
      if (!samples) throw new Error(`the measured noise ${noise.asset} was not handed to the runner`);
      buffer = new SharedArrayBuffer(samples.byteLength);
      new Float64Array(buffer).set(samples);
      this.shared.set(noise.asset, buffer);
    }
    return { [noise.asset]: buffer };
  }

  private watch(entry: InFlight): void {
    this.inFlight.add(entry);
    if (this.timer) return;
    this.timer = setInterval(() => {
      for (const e of this.inFlight) {
        const done = e.counter[0];
        if (done !== e.last) e.onProgress((e.last = done));
      }
    }, PROGRESS_READ_MS);
    this.timer.unref();
  }

  private unwatch(entry: InFlight): void {
    this.inFlight.delete(entry);
    if (this.inFlight.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }
}
