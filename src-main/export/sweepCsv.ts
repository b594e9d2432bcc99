import type { RunRecord } from '../../src-shared/api';
import type { ExperimentConfig } from '../../src-shared/model/config';
import type { RunResult } from '../../src-shared/model/results';
import type { SweepConfig, SweepValues } from '../../src-shared/sweep/expandSweep';
import type { SweepBaseConfig } from '../../src-shared/sweep/sweepFields';
import type { KernelChunkResult } from '../engine/tasks';
import { engineKind } from '../engine/kinds/engineKinds';
import { sweepColumns } from '../engine/kinds/sweepEngine';
import type { CsvCell } from '../engine/kinds/engineKind';
import { csvTable } from './csv';

/** One cell as the export reads it: its standalone config, its result and its committed chunks (under the cell's own keys). */
export interface SweepCsvCell {
  values: SweepValues;
  config: ExperimentConfig | SweepBaseConfig;
  result: RunResult | null;
  chunks: ReadonlyMap<string, KernelChunkResult>;
}

/**
 * A sweep's tidy CSV: the axis fields (`clip`, `alpha`, …) as leading columns, then exactly the
 * base kind's columns and rows for each cell, cells in grid order (a base column named like an
 * axis is left out, see sweepColumns). An unclipped `clip` is the
 * text `null`, so it is not mistaken for a missing value.
 */
export function sweepCsv(sweep: SweepConfig, cells: readonly SweepCsvCell[]): string {
  const fields = sweep.over.map((a) => a.field);
  const csv = engineKind(sweep.base.kind).csv;
  const columns = sweepColumns(fields, typeof csv.header === 'function' ? csv.header(sweep.base) : csv.header);
  return csvTable(columns.header, sweepRows(fields, cells, csv.rows, columns.row));
}

function* sweepRows(
  fields: readonly (keyof SweepValues)[],
  cells: readonly SweepCsvCell[],
  rows: (run: RunRecord, chunks: () => ReadonlyMap<string, KernelChunkResult>) => Iterable<CsvCell[]>,
  joined: (lead: CsvCell[], row: CsvCell[]) => CsvCell[],
): Generator<CsvCell[]> {
  for (const cell of cells) {
    const lead = fields.map((f) => (cell.values[f] === null ? 'null' : (cell.values[f] ?? null)));
    // A kind's rows read only the run's config and result: the cell is that standalone run.
    const run = { config: cell.config, result: cell.result } as unknown as RunRecord;
    for (const row of rows(run, () => cell.chunks)) yield joined(lead, row);
  }
}
