import type { RunRecord, RunSummary } from '../../../src-shared/api';
import { experimentKind } from '../../../src-shared/kinds/registry';
import { clock, si, table } from './table';

export function durationSeconds(run: RunSummary): number | null {
  if (!run.startedAt) return null;
  const end = run.finishedAt ? Date.parse(run.finishedAt) : Date.now();
  return (end - Date.parse(run.startedAt)) / 1000;
}

/** `lab show` for people: what the run is, how it went, and its result tables. */
export function runText(run: RunRecord): string {
  const out: string[] = [];
  out.push(`Run ${run.id}: ${run.name}`);
  out.push(`  kind ${run.kind} · status ${run.status}${run.error ? ` · error: ${run.error}` : ''}`);
  out.push(`  created ${run.createdAt}${run.startedAt ? ` · started ${run.startedAt}` : ''}${run.finishedAt ? ` · finished ${run.finishedAt}` : ''}${run.startedAt ? ` · ${clock(durationSeconds(run))}` : ''}`);
  if (run.tags.length) out.push(`  tags ${run.tags.join(', ')}`);
  if (run.notes) out.push(`  notes ${run.notes}`);
  const c = run.config;
  // A composite kind (a sweep) shares its base's start, seed and arms with every cell.
  const one = 'arms' in c ? c : (c as { base: typeof c }).base;
  const common = `x0 = ${Array.isArray(one.x0) ? `(${one.x0.join(', ')})` : one.x0}, seed ${one.seed}, arms: ${one.arms.map((a) => a.label).join(' | ')}`;
  const kind = experimentKind(c.kind);
  out.push(`  ${kind.describe(c)}, ${common}`);
  if (run.progress && run.status !== 'completed') {
    const p = run.progress;
    out.push(`  progress ${si(p.done)} / ${si(p.total)}${p.estimated ? ' (estimated total)' : ''} iterations`);
  }
  if (!run.result) {
    out.push('', 'No results yet.');
    return out.join('\n');
  }
  if (run.status !== 'completed') out.push('', `Partial results (status ${run.status}):`);
  out.push('', experimentKind(run.result.kind).resultText(run.result));
  return out.join('\n');
}

/** `lab list` for people. */
export function runsTable(runs: RunSummary[], total: number, offset: number): string {
  if (runs.length === 0) return total === 0 ? 'No runs.' : `No runs on this page (${total} in all).`;
  const rows = runs.map((r) => [
    r.id,
    r.status,
    r.kind,
    r.name.length > 48 ? `${r.name.slice(0, 47)}…` : r.name,
    r.createdAt.replace('T', ' ').slice(0, 19),
    r.startedAt ? clock(durationSeconds(r)) : '',
    r.progress && r.status !== 'completed' ? `${Math.min(100, (100 * r.progress.done) / Math.max(1, r.progress.total)).toFixed(1)}%${r.progress.estimated ? '~' : ''}` : '',
    r.tags.join(','),
  ]);
  const shown = `${offset + 1}–${offset + runs.length} of ${total}`;
  return `${table(['id', 'status', 'kind', 'name', 'created (UTC)', 'duration', 'progress', 'tags'], rows)}\n${shown}${runs.some((r) => r.progress?.estimated && r.status !== 'completed') ? ' (~ estimated total)' : ''}`;
}
