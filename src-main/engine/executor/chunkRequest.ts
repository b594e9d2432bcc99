import type { KernelTask } from '../tasks';

/**
 * What crosses to a local worker thread for one chunk. The two SharedArrayBuffers are shared, not
 * copied: the runner writes the stop flag into `control` and the kernel's tick sees it within one
 * tick interval; the tick writes the chunk's iteration count into `progress`.
 */
export interface ChunkRequest {
  task: KernelTask;
  /** Int32Array(1): STOP_FLAG index set to 1 asks the chunk to stop. */
  control: SharedArrayBuffer;
  /** Float64Array(1): iterations this chunk has done so far. */
  progress: SharedArrayBuffer;
  /**
   * The measured noise the task names: float64 samples by asset name, in shared memory, so every
   * chunk hands the worker the same buffer instead of a copy (the worker builds the law once).
   */
  assets?: Record<string, SharedArrayBuffer>;
}

export const STOP_FLAG = 0;

export function newControl(): SharedArrayBuffer {
  return new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
}

export function newProgress(): SharedArrayBuffer {
  return new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT);
}
