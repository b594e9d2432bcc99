import type { ExitTimeConfig, ExperimentConfig, LongRunConfig } from './config';
import { experimentKind } from '../kinds/registry';
import type { FieldIssue } from './validation';

/**
 * What a run will hold in memory, computed from its config before it starts, so that a config
 * whose results cannot fit is refused up front instead of failing (or exhausting the machine)
 * hours later.
 *
 * Sizes are counted in numbers. A number of a result is held several times at its peak: in the
 * committed chunks kept for aggregation, in the aggregate, and as JSON text in SQLite and on the
 * wire (about 18 characters); `BYTES_PER_VALUE` is that peak cost, measured loosely on purpose.
 */
export const BYTES_PER_VALUE = 48;

/** Default budget per run; `--memory-budget MB` (CLI, serve) and LAB_MEMORY_BUDGET_MB raise it. */
export const DEFAULT_MEMORY_BUDGET_MB = 1024;

/**
 * Whatever the budget: a result or a chunk is stored and sent as one JSON text, and a JavaScript
 * string holds at most 2^29 − 24 characters (V8). 20 million numbers at ≤ 24 characters stay below.
 */
export const MAX_VALUES_PER_DOCUMENT = 20_000_000;

/**
 * Most trajectory points one long-run chunk returns. Each chunk is serialised on the main thread
 * when it is committed; this keeps that under ~20 ms, so the doors keep answering whatever `thin` is.
 */
export const MAX_POINTS_PER_CHUNK = 1 << 16;

/** Iterations in one long-run chunk: the engine's size, cut so a chunk holds at most MAX_POINTS_PER_CHUNK points. */
export function longRunChunkIterations(thin: number, chunkIterations: number): number {
  return Math.max(1, Math.min(chunkIterations, thin * MAX_POINTS_PER_CHUNK));
}

export interface BudgetContext {
  /** The budget in megabytes (2^20 bytes). */
  budgetMB: number;
  /** Iterations per chunk of the engine that will run it. */
  chunkIterations: number;
  /** Chunks in flight at once (worker threads). */
  workers: number;
}

/** One quantity of the run: how many numbers it holds and which config field sizes it. */
export interface Footprint {
  field: string;
  what: string;
  values: number;
}

export interface RunFootprint {
  /** Numbers held by the result and the committed chunks it is aggregated from. */
  result: Footprint[];
  /** Numbers one chunk returns (each worker holds one). */
  chunk: Footprint[];
}

/** What a run of this config holds, per quantity; each kind says (ExperimentKind.footprint). */
export function runFootprint(config: ExperimentConfig, chunkIterations: number): RunFootprint {
  return experimentKind(config.kind).footprint(config, chunkIterations);
}

export function exitTimeFootprint(config: ExitTimeConfig, chunkIterations: number): RunFootprint {
  const arms = config.arms.length;
  const samples = arms * config.etas.length * config.samples;
  return {
    // σ and the field exited to, per sample.
    result: [{ field: 'samples', what: `exit-time samples (arms × η × samples = ${fmt(samples)}), 2 numbers each`, values: 2 * samples }],
    chunk: [{ field: 'samples', what: 'exit times of one chunk', values: 2 * Math.min(config.samples, chunkIterations) }],
  };
}

export function longRunFootprint(config: LongRunConfig, chunkIterations: number): RunFootprint {
  const arms = config.arms.length;
  const n = (config.landscape.criticalPoints.length + 1) / 2;
  const perPath = Math.floor(config.iterations / config.thin) + 1;
  const points = arms * config.paths * perPath;
  const chunkSize = longRunChunkIterations(config.thin, chunkIterations);
  const chunksPerPath = Math.ceil(config.iterations / chunkSize);
  const chunks = arms * config.paths * chunksPerPath;
  // Per chunk: the histogram, per-field counts, n×n transitions, three sojourn sums, the state.
  const perChunk = config.bins + n * n + 4 * n + 16;
  const chunkPoints = Math.floor(Math.min(chunkSize, config.iterations) / config.thin) + 1;
  return {
    result: [
      {
        field: 'thin',
        what: `stored trajectory points (arms × paths × iterations / thin = ${fmt(points)})`,
        values: points,
      },
      {
        // Many chunks per path make `iterations` the cause; a few huge histograms make it `bins`.
        field: chunksPerPath > config.bins ? 'iterations' : 'bins',
        what: `histograms and counts kept per committed chunk (${fmt(chunks)} chunks × ${fmt(perChunk)} numbers)`,
        values: chunks * perChunk + arms * perChunk,
      },
    ],
    chunk: [
      { field: 'bins', what: `histogram bins of one chunk (${fmt(config.bins)})`, values: config.bins },
      { field: 'thin', what: `trajectory points of one chunk (${fmt(chunkPoints)})`, values: chunkPoints },
    ],
  };
}

/**
 * Issues for a config over the budget, each naming the field that sizes the largest part and
 * the limit it broke; empty when the run fits.
 */
export function budgetIssues(config: ExperimentConfig, context: BudgetContext): FieldIssue[] {
  const { result, chunk } = runFootprint(config, context.chunkIterations);
  const budgetBytes = context.budgetMB * 2 ** 20;
  const issues: FieldIssue[] = [];
  const resultValues = sum(result);
  const chunkValues = sum(chunk);
  const peakBytes = (resultValues + chunkValues * context.workers) * BYTES_PER_VALUE;
  if (peakBytes > budgetBytes) {
    const worst = largest([...result, ...chunk.map((c) => ({ ...c, values: c.values * context.workers }))]);
    issues.push({
      path: worst.field,
      message:
        `the run would hold about ${mb(peakBytes)} MB, over the memory budget of ${fmt(context.budgetMB)} MB; ` +
        `the largest part is ${worst.what}. Lower it, or raise the budget (--memory-budget MB)`,
    });
  }
  if (resultValues > MAX_VALUES_PER_DOCUMENT) {
    const worst = largest(result);
    issues.push({
      path: worst.field,
      message: `the result would hold ${fmt(resultValues)} numbers, over the store's limit of ${fmt(MAX_VALUES_PER_DOCUMENT)} per run (${worst.what})`,
    });
  } else if (chunkValues > MAX_VALUES_PER_DOCUMENT) {
    const worst = largest(chunk);
    issues.push({
      path: worst.field,
      message: `one chunk would hold ${fmt(chunkValues)} numbers, over the store's limit of ${fmt(MAX_VALUES_PER_DOCUMENT)} (${worst.what})`,
    });
  }
  return issues;
}

function sum(parts: Footprint[]): number {
  return parts.reduce((s, p) => s + p.values, 0);
}

function largest(parts: Footprint[]): Footprint {
  return parts.reduce((a, b) => (b.values > a.values ? b : a));
}

function fmt(v: number): string {
  return v < 1e12 ? Math.round(v).toLocaleString('en-US') : v.toExponential(2);
}

function mb(bytes: number): string {
  return fmt(Math.ceil(bytes / 2 ** 20));
}
