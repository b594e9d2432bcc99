import type { ExperimentConfig } from '../../src-shared/model/config';
import type { RunResult, RunResultSummary } from '../../src-shared/model/results';
import type { RunProgress } from '../../src-shared/api';
import type { NoiseAssets } from '../../src-shared/model/noiseAsset';
import type { KernelChunkResult } from './tasks';

/**
 * What the executor needs from the store to make a run durable. Chunk keys are stable
 * strings (e.g. "a0/e2/s40-59" or "a1/p3/c7") so a resumed run finds what is done.
 */
export interface ChunkCheckpoints {
  /** Chunks already committed for this run, by key. */
  completed(runId: number): Map<string, KernelChunkResult>;
  /** Commit one finished chunk (one SQLite transaction). */
  save(runId: number, key: string, result: KernelChunkResult): void;
  /** A cancel request recorded for this run (possibly by another process). */
  cancelRequested(runId: number): boolean;
}

export interface RunExecution {
  /** Resolves when the run ends; never rejects (failures come back as `failed`). */
  done: Promise<RunOutcome>;
  /** Ask the run to stop; in-flight chunks are discarded, committed ones kept. */
  cancel(): void;
  /** Aggregates of the chunks completed so far (null before the first). */
  partial(): RunResult | null;
  /** The same without heavy series, maintained chunk by chunk (cheap to call on every progress tick). */
  partialSummary(): RunResultSummary | null;
  progress(): RunProgress;
}

export type RunOutcome =
  | { status: 'completed'; result: RunResult }
  | { status: 'cancelled' }
  | { status: 'interrupted' }
  | { status: 'failed'; error: string };

export interface RunExecutorOptions {
  runId: number;
  /** Names the run across databases and resumes (job ids on a queue); default a fresh UUID per execution. */
  runUuid?: string;
  config: ExperimentConfig;
  checkpoints: ChunkCheckpoints;
  onProgress?: (progress: RunProgress) => void;
  /** The samples of every asset the config's empirical arms name (the caller loads them once). */
  assets?: NoiseAssets;
}
