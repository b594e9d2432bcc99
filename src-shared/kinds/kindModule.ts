import type { z } from 'zod';
import type { Footprint } from '../model/memoryBudget';

/** The heavy series a result summary leaves out, read back on demand (see withSeries). */
export interface ResultSeries {
  exitTimes(arm: number, etaIndex: number): number[];
  trajectories(arm: number): number[][];
}

/**
 * The pure half of an experiment kind: everything the renderer, the CLI and the service need to
 * know about a kind without running it. The engine half (plan, task, kernel, aggregate, CSV) is
 * an `EngineKind` in src-main/engine/kinds/. docs/architecture.md ("Experiment kinds") lists the
 * files a kind is made of.
 *
 * `Config` is the kind's expanded config (what a run stores), `Result` its full result and
 * `Summary` the result without heavy series. Every result and summary carries `kind`.
 */
export interface ExperimentKindModule<Config extends { kind: string } = { kind: string }, Result extends { kind: string } = { kind: string }, Summary extends { kind: string } = { kind: string }> {
  readonly kind: Config['kind'];
  /** The config as a user writes it: a strict object whose `kind` is this kind's literal. */
  readonly input: z.ZodType;
  /** The expanded config as a run stores it; its output type is `Config` (checked at compile time). */
  readonly stored: z.ZodType<Config>;
  /** Name of a run whose config gives none. */
  readonly defaultName: string;
  /** Name of the renderer component that shows a result of this kind (its view; see docs/architecture.md). */
  readonly resultView: string;
  /**
   * The parsed input (the output of `input`) expanded into the config a run stores: presets
   * resolved, defaults filled, checks beyond the schema. Throws ConfigError with JSON paths.
   * A run on one landscape uses `expandSingleRun` (model/expandConfig.ts); a composite kind
   * expands its own fields and each cell with it.
   */
  expand(parsed: unknown): Config;
  /** Total iterations a run does at most. */
  workUpperBound(config: Config): number;
  /** What a run of this config holds in memory, per quantity (the memory budget reads it). */
  footprint(config: Config, chunkIterations: number): { result: Footprint[]; chunk: Footprint[] };
  /** The result without its heavy series. */
  summarize(result: Result): Summary;
  /** A summary made whole again from series read back from the chunks. */
  withSeries(summary: Summary, series: ResultSeries, config: Config): Result;
  /** One line for `lab show`: the kind's own settings. */
  describe(config: Config): string;
  /** The result (full or summary) as plain-text tables, for `lab show`. */
  resultText(result: Summary): string;
  /**
   * A composite kind keeps its series under its cells' chunk keys, which the store's series
   * readers do not walk: its whole result is always aggregated from its committed chunks.
   */
  readonly wholeFromChunks?: boolean;
  /** The kind's own `lab theory` answer; kinds without one get the landscape's theory report. */
  theory?(config: Config, eta: number | undefined): unknown;
}

/** Any kind, as the registry holds it; a kind's own module keeps the precise types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyExperimentKindModule = ExperimentKindModule<any, any, any>;
