import type { ExportedFile, ExportFormat, RunRecord } from '../../src-shared/api';
import type { KernelChunkResult } from '../engine/tasks';
import { runDocument } from './runDocument';
import { runCsv } from './runCsv';

/**
 * A run as a downloadable file: JSON is the `lab show --json` document, CSV the tidy table.
 * `chunks` reads the committed chunks; it is called only when the file needs them (exit-time CSV).
 */
export function exportRun(run: RunRecord, format: ExportFormat, chunks: () => ReadonlyMap<string, KernelChunkResult>): ExportedFile {
  const base = `run-${run.id}-${slug(run.name)}`;
  if (format === 'json') {
    return { filename: `${base}.json`, mimeType: 'application/json', content: `${JSON.stringify(runDocument(run), null, 2)}\n` };
  }
  return { filename: `${base}.csv`, mimeType: 'text/csv', content: runCsv(run, chunks) };
}

function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60)
    .replace(/-$/, '');
  return s || 'run';
}
