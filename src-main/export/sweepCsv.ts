import type { ExperimentConfig } from '../../src-shared/model/config';
import type { LongRunResult } from '../../src-shared/model/results';
import type { SweepConfig, SweepValues } from '../../src-shared/sweep/expandSweep';
import type { KernelChunkResult } from '../engine/tasks';
import { csvTable } from './csv';
import { exitHeader, exitRows, longHeader, longRows, type CsvCell } from './runCsv';

/** One cell as the export reads it: its standalone config, its committed chunks (own keys) and, for a long run, its result. */
export interface SweepCsvCell {
  values: SweepValues;
  config: ExperimentConfig;
  chunks: ReadonlyMap<string, KernelChunkResult>;
  result?: LongRunResult | null;
}

/**
 * A sweep's tidy CSV: the axis fields (`clip`, `alpha`, …) as leading columns, then exactly the
 * base kind's columns and rows for each cell, cells in grid order. An unclipped `clip` is the
 * text `null`, so it is not mistaken for a missing value.
 */
export function sweepCsv(sweep: SweepConfig, cells: readonly SweepCsvCell[]): string {
  const fields = sweep.over.map((a) => a.field);
  const header = [...fields, ...(sweep.base.kind === 'exit-time' ? exitHeader : longHeader)];
  return csvTable(header, sweepRows(fields, cells));
}

function* sweepRows(fields: readonly (keyof SweepValues)[], cells: readonly SweepCsvCell[]): Generator<CsvCell[]> {
  for (const cell of cells) {
    const lead = fields.map((f) => (cell.values[f] === null ? 'null' : (cell.values[f] ?? null)));
    const rows =
      cell.config.kind === 'exit-time' ? exitRows(cell.config, cell.chunks) : cell.result ? longRows({ config: cell.config }, cell.result) : [];
    for (const row of rows) yield [...lead, ...row];
  }
}
