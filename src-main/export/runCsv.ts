import type { RunRecord } from '../../src-shared/api';
import type { KernelChunkResult } from '../engine/tasks';
import { engineKind } from '../engine/kinds/engineKinds';
import { csvTable } from './csv';

/**
 * Tidy CSV of a run's result: one observation per row, one variable per column. Each kind
 * says its columns and rows (its engine module's `csv`, where the columns are documented).
 */
export function runCsv(run: RunRecord, chunks: () => ReadonlyMap<string, KernelChunkResult>): string {
  const { header, rows } = engineKind(run.config.kind).csv;
  return csvTable(typeof header === 'function' ? header(run.config) : header, rows(run, chunks));
}
