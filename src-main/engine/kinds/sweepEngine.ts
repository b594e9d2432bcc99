import type { ExperimentConfig } from '../../../src-shared/model/config';
import type { RunResult, RunResultSummary } from '../../../src-shared/model/results';
import { experimentKind } from '../../../src-shared/kinds/registry';
import { sweepCells, type SweepCell, type SweepConfig } from '../../../src-shared/sweep/expandSweep';
import type { SweepResult, SweepResultSummary } from '../../../src-shared/sweep/sweepResult';
import type { KernelChunkResult } from '../tasks';
import { chunksByCell, parseSweepChunkKey, SweepPlan } from '../executor/sweepPlan';
import type { RunRecord } from '../../../src-shared/api';
import type { AnyChunk, AnyTask, CsvCell, EngineKind, RunningKindAggregate } from './engineKind';
import { engineKind } from './engineKinds';
import { emptyResult2d } from '../kinds2d/empty2d';
import { isTwoDimensionalBase } from '../../../src-shared/sweep/sweepFields';

/** A cell's result before any of its chunks is committed: the base kind's result of nothing (points with 0 samples). */
function emptyCellResult(cell: SweepCell): RunResult {
  if (isTwoDimensionalBase(cell.config)) return emptyResult2d(cell.config) as unknown as RunResult;
  const summary = engineKind(cell.config.kind).running(cell.config).summary() as RunResultSummary;
  return experimentKind(cell.config.kind).withSeries(summary, { exitTimes: () => [], trajectories: () => [] }, cell.config) as RunResult;
}

function cellResults(config: SweepConfig, chunks: ReadonlyMap<string, AnyChunk>): { cells: SweepCell[]; results: RunResult[]; chunks: Map<string, AnyChunk>[] } {
  const cells = sweepCells(config);
  const byCell = chunksByCell(chunks, cells.length);
  const results = cells.map((cell, c) => (engineKind(cell.config.kind).aggregate(cell.config, byCell[c]) as RunResult | null) ?? emptyCellResult(cell));
  return { cells, results, chunks: byCell };
}

/**
 * A sweep: each cell planned, run and aggregated by its base kind exactly as its standalone
 * config would be, under keys "c{cell}/{the cell's own key}". Tasks keep the base kind, so the
 * worker runs the base kernel and never sees a sweep.
 */
export const sweepEngine: EngineKind<SweepConfig, AnyTask, AnyChunk, SweepResult, SweepResultSummary> = {
  kind: 'sweep',
  plan: (config, completed, options) => {
    const cells = sweepCells(config);
    const byCell = chunksByCell(completed, cells.length);
    // Every chunk costs a round trip to a worker and a commit, and a sweep has many cells, so
    // each cell cuts fewer, larger chunks than it would alone (how samples are cut never changes
    // a number): the cells keep the workers busy together, so a cell need not split its samples
    // across them, and a cell's first chunk is sized by the theory rather than one sample.
    const perCell = { ...options, parallelism: Math.max(1, Math.ceil(options.parallelism / cells.length)), firstChunkFromTheory: true };
    return new SweepPlan(cells.map((cell, c) => engineKind(cell.config.kind).plan(cell.config, byCell[c], perCell)));
  },
  kernel: (task, tick) => engineKind(task.kind).kernel(task, tick),
  aggregate(config, chunks) {
    if (chunks.size === 0) return null;
    const { cells, results } = cellResults(config, chunks);
    return { kind: 'sweep', baseKind: config.base.kind, cells: cells.map((cell, c) => ({ values: cell.values, arms: results[c].arms })) } as SweepResult;
  },
  running: (config) => new SweepRunning(config),
  csv: {
    header: (config) => sweepColumns(config.over.map((a) => a.field), baseHeader(config)).header,
    rows: (run, chunks) => sweepCsvRows(run.config as unknown as SweepConfig, chunks()),
  },
};

/** Each cell's own running aggregate, fed the cell's chunks under the cell's own keys. */
class SweepRunning implements RunningKindAggregate<SweepResultSummary> {
  private readonly cells: SweepCell[];
  private readonly impls: RunningKindAggregate[];

  constructor(private readonly config: SweepConfig) {
    this.cells = sweepCells(config);
    this.impls = this.cells.map((cell) => engineKind(cell.config.kind).running(cell.config));
  }

  add(key: string, result: KernelChunkResult): boolean {
    const k = parseSweepChunkKey(key);
    const impl = k ? this.impls[k.cell] : undefined;
    return impl && k ? impl.add(k.key, result) : false;
  }

  summary(): SweepResultSummary {
    const cells = this.cells.map((cell, c) => ({ values: cell.values, arms: ((this.impls[c].summary() as RunResultSummary | null) ?? emptyCellResult(cell)).arms }));
    return { kind: 'sweep', baseKind: this.config.base.kind, cells } as SweepResultSummary;
  }
}

/**
 * The axis fields (`clip`, `alpha`, …) as leading columns, then exactly the base kind's rows of
 * each cell as its standalone run, cells in grid order. An unclipped `clip` is the text `null`,
 * so it is not mistaken for a missing value.
 */
function* sweepCsvRows(config: SweepConfig, chunks: ReadonlyMap<string, AnyChunk>): Generator<CsvCell[]> {
  const { cells, results, chunks: byCell } = cellResults(config, chunks);
  const fields = config.over.map((a) => a.field);
  const { row: joined } = sweepColumns(fields, baseHeader(config));
  for (const [c, cell] of cells.entries()) {
    const lead = fields.map((f) => (cell.values[f] === null ? 'null' : (cell.values[f] ?? null)));
    const run = { config: cell.config as ExperimentConfig, result: results[c] } as RunRecord;
    for (const row of engineKind(cell.config.kind).csv.rows(run, () => byCell[c])) yield joined(lead, row);
  }
}

/**
 * The axis fields lead, then the base kind's columns; a base column named like an axis (the
 * 2-D kinds' own `clip`) is left out, since the axis column already holds the cell's value
 * (and says `null` for unclipped rather than leaving the cell empty).
 */
export function sweepColumns(fields: readonly string[], base: readonly string[]): { header: string[]; row: (lead: CsvCell[], row: CsvCell[]) => CsvCell[] } {
  const keep = base.map((name, k) => (fields.includes(name) ? -1 : k)).filter((k) => k >= 0);
  return {
    header: [...fields, ...keep.map((k) => base[k])],
    row: (lead, row) => [...lead, ...keep.map((k) => row[k])],
  };
}

function baseHeader(config: SweepConfig): readonly string[] {
  const header = engineKind(config.base.kind).csv.header;
  return typeof header === 'function' ? header(config.base) : header;
}
