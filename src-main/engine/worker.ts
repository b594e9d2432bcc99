/**
 * The worker-thread entry (piscina calls the default export once per chunk). Bundled to
 * out/node/worker.js for the CLI and server, and by electron-vite (?modulePath) for the app.
 * Kernels run only here, never on the main thread; so does the theory report (`theory`), which
 * can cost seconds for a large landscape.
 */
import { runTask } from './runTask';
import type { KernelChunkResult, KernelTask } from './tasks';
import type { TaskTiming } from './kernelSpeed';
import { STOP_FLAG, type ChunkRequest } from './executor/chunkRequest';
import type { ExperimentConfig } from '../../src-shared/model/config';
import type { TheoryReport } from '../../src-shared/theory/types';
import { theoryReport } from '../../src-shared/theory/report';
import { experimentKind } from '../../src-shared/kinds/registry';
import { provideNoiseAsset } from '../../src-shared/model/noiseAsset';
import { noisePreview, type NoisePreview } from '../../src-shared/stats/noisePreview';
import { SplicedLawError } from '../../src-shared/stats/splicedLaw';
import { landscapeMap as mapOfLandscape, type LandscapeMap, type LandscapeMapNodes } from '../../src-shared/theory2d/landscapeMap';
import type { Landscape2DConfig } from '../../src-shared/theory2d/landscape';

export interface TheoryRequest {
  /** Already validated and expanded by the caller. */
  config: ExperimentConfig;
  eta: number | undefined;
  /** The samples of the measured noise the config names, by asset name (float64). */
  assets?: Record<string, SharedArrayBuffer | Float64Array>;
}

/** Keep the request's measured noise in this thread: later chunks and reports find it by name. */
function provide(assets: Record<string, SharedArrayBuffer | Float64Array> | undefined): void {
  for (const [name, data] of Object.entries(assets ?? {})) {
    provideNoiseAsset(name, data instanceof Float64Array ? data : new Float64Array(data));
  }
}

export function theory(request: TheoryRequest): TheoryReport {
  provide(request.assets);
  const own = experimentKind(request.config.kind).theory;
  return (own ? own(request.config, request.eta) : theoryReport(request.config, request.eta)) as TheoryReport;
}

export interface LandscapeMapRequest {
  /** Already validated by the caller. */
  landscape: Landscape2DConfig;
  nodes: LandscapeMapNodes;
}

/** A 2-D landscape's contour-plot data: the basin map behind it costs about a second. */
export function landscapeMap(request: LandscapeMapRequest): LandscapeMap {
  return mapOfLandscape(request.landscape, request.nodes);
}

export interface PreviewRequest {
  samples: Float64Array;
  threshold: number | undefined;
}

/** An import's preview (sorting and fitting all the samples); a law the model refuses is an answer, not a crash. */
export function preview(request: PreviewRequest): { preview: NoisePreview } | { refused: string } {
  try {
    return { preview: noisePreview(request.samples, request.threshold) };
  } catch (error) {
    if (error instanceof SplicedLawError) return { refused: error.message };
    throw error;
  }
}

/**
 * A whole task timed inside the worker, so the time excludes waiting in the pool's queue: the
 * kernel-speed calibration behind the designer's time estimate.
 */
export function timeTask(task: KernelTask): TaskTiming {
  const t0 = performance.now();
  const result = runTask(task);
  return { iterations: result?.iterations ?? 0, seconds: (performance.now() - t0) / 1000 };
}

export default function runChunk(request: ChunkRequest): KernelChunkResult | null {
  const control = new Int32Array(request.control);
  const progress = new Float64Array(request.progress);
  provide(request.assets);
  return runTask(request.task, (done) => {
    progress[0] = done;
    return Atomics.load(control, STOP_FLAG) === 0;
  });
}
