import type { KernelChunkResult, KernelTask } from '../tasks';

/** One chunk ready to run: its checkpoint key and the task a worker executes. */
export interface ChunkJob {
  key: string;
  task: KernelTask;
  /**
   * A job that computes several chunks in one task (a group of long paths): the chunks' keys and
   * results, each committed as if it had run alone. Absent: the job is the chunk `key`.
   */
  parts?: (result: KernelChunkResult) => { key: string; result: KernelChunkResult }[];
}

/**
 * A run's chunks as the executor hands them out. Which chunks exist may depend on what has
 * finished (a path's next piece needs the state its previous piece ended in; exit-time chunks
 * are sized from the σ seen so far), but never what a chunk computes.
 */
export interface ChunkSource {
  /** A chunk that can start now, or null (everything claimed, or waiting for a path's previous piece). */
  next(): ChunkJob | null;
  /** Record a finished chunk (after it was committed). */
  complete(job: ChunkJob, result: KernelChunkResult): void;
  /** Every chunk of the run is done. */
  finished(): boolean;
  /** Iterations of the finished chunks, and the run's total (an estimate when `estimated`). */
  work(): { done: number; total: number; estimated: boolean };
}
