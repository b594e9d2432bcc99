import type { QueueWorkers } from '../../src-shared/api';
import type { NoiseAssets } from '../../src-shared/model/noiseAsset';
import type { KernelChunkResult, KernelTask } from './tasks';
import type { TaskTiming } from './kernelSpeed';

export interface ChunkRunOptions {
  /** Aborted when the run stops: the chunk should end soon and resolve to null. */
  signal: AbortSignal;
  /** Iterations this chunk has done so far, reported now and then while it runs. */
  onProgress?: (iterationsDone: number) => void;
  /**
   * Which run and chunk this is: a runner that hands chunks to other processes names its jobs
   * after them (`run` is unique across databases, `key` is the chunk's checkpoint key).
   */
  chunk?: { run: string; key: string };
  /**
   * The samples of the measured noise the run's arms name. A task carries only the asset's name;
   * the runner delivers the samples to where the task runs, once per worker, not once per chunk.
   */
  assets?: NoiseAssets;
}

/** What a runner whose workers live elsewhere can say about them (shown with a run's progress). */
export interface RunnerStatus {
  workers?: QueueWorkers;
  waiting?: 'no-workers' | 'redis-unreachable' | null;
}

/**
 * Where chunks run: local worker threads today, other machines through a queue tomorrow. The
 * scheduler hands a runner at most `capacity` chunks at once and knows nothing else about it;
 * cancellation and progress cross this seam as an AbortSignal and a callback, never as shared
 * memory, so a runner in another process can honour them too.
 */
export interface ChunkRunner {
  /** Chunks it can run at once right now (may change, e.g. as remote workers come and go). */
  readonly capacity: number;
  /** Resolves with the chunk's result, or null when it stopped because `signal` was aborted. */
  run(task: KernelTask, options: ChunkRunOptions): Promise<KernelChunkResult | null>;
  close(): Promise<void>;
  /** Remote workers and why chunks may be held up; absent for runners that need no such report. */
  status?(): RunnerStatus;
  /** Run a whole task on one worker, timed there (kernel-speed calibration); local runners only. */
  time?(task: KernelTask): Promise<TaskTiming>;
}
