import type { RunRecord } from '../../../src-shared/api';
import type { KernelChunkResult, KernelTask, KernelTick } from '../tasks';
import type { ChunkSource } from '../executor/chunkSource';

/** How a plan may size its chunks; results never depend on it. */
export interface PlanOptions {
  /** Iterations a chunk should hold (about a second of work). */
  chunkIterations: number;
  /** Chunks that run at once (the runner's capacity). */
  parallelism: number;
  /**
   * Size an exit-time group's first chunks from the theory's mean exit time (a quarter of a
   * chunk's work by it) rather than from one sample: for a sweep, whose hundreds of groups all
   * start at once and would each pay a round of tiny chunks.
   */
  firstChunkFromTheory?: boolean;
}

/** A live run's summary, updated chunk by chunk (see RunningAggregate). */
export interface RunningKindAggregate<Summary = unknown> {
  /** Take in a committed chunk; false when the key or result is not this run's (it is ignored). */
  add(key: string, result: KernelChunkResult): boolean;
  summary(): Summary;
}

/** One CSV cell. */
export type CsvCell = string | number | null;

/**
 * The engine half of an experiment kind (the pure half is its `ExperimentKindModule` in
 * src-shared/kinds/). Everything here is a function of the expanded config and the committed
 * chunks, keyed by the kind's own chunk keys, so the same module serves a fresh run, a resumed
 * one and a composite kind that nests it (which hands it only the chunks under its namespace,
 * see `chunkNamespace.ts`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface EngineKind<Config extends { kind: string } = any, Task extends { kind: string } = any, Chunk extends { kind: string } = any, Result = any, Summary = any> {
  readonly kind: Config['kind'];
  /**
   * The run's chunks, given those already committed (a resume plans only what is missing).
   * Every task the plan hands out has `kind` equal to the kind whose `kernel` runs it.
   */
  plan(config: Config, completed: ReadonlyMap<string, Chunk>, options: PlanOptions): ChunkSource;
  /** Run one task (in a worker). Null when `tick` returned false: the chunk was stopped. */
  kernel(task: Task, tick?: KernelTick): Chunk | null;
  /** The result from the committed chunks alone; null when none is done yet. Foreign keys are ignored. */
  aggregate(config: Config, chunks: ReadonlyMap<string, Chunk>): Result | null;
  /** A running aggregate for the live view (cheap per chunk). */
  running(config: Config): RunningKindAggregate<Summary>;
  /** The tidy CSV of a result: its header and rows (`chunks` read only when asked for). */
  csv: {
    /** The columns; a kind whose columns depend on the config (a sweep's axes) gives a function. */
    header: readonly string[] | ((config: Config) => readonly string[]);
    rows(run: RunRecord, chunks: () => ReadonlyMap<string, Chunk>): Iterable<CsvCell[]>;
  };
}

/** Any engine kind as the registry holds it. */
export type AnyEngineKind = EngineKind;

/** The registry's view of tasks and chunks: the built-in kinds' types, or another kind's plain data. */
export type AnyTask = KernelTask | { kind: string };
export type AnyChunk = KernelChunkResult | { kind: string };
