import type { RunRecord, RunSummary } from '../../../src-shared/api';
import type { ExitTimeResult, LongRunResult } from '../../../src-shared/model/results';
import { clock, num, percent, si, table } from './table';

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
  const common = `x0 = ${c.x0}, seed ${c.seed}, arms: ${c.arms.map((a) => (a.noise.family === 'empirical' ? `${a.label} (measured noise ${a.noise.asset})` : a.label)).join(' | ')}`;
  out.push(
    c.kind === 'exit-time'
      ? `  η ∈ {${c.etas.join(', ')}}, ${c.samples} samples, maxIterations ${si(c.maxIterations)}, ${common}`
      : `  η = ${c.eta}, ${c.paths} paths × ${si(c.iterations)} iterations, ${common}`,
  );
  if (run.progress && run.status !== 'completed') {
    const p = run.progress;
    out.push(`  progress ${si(p.done)} / ${si(p.total)}${p.estimated ? ' (estimated total)' : ''} iterations`);
  }
  if (!run.result) {
    out.push('', 'No results yet.');
    return out.join('\n');
  }
  if (run.status !== 'completed') out.push('', `Partial results (status ${run.status}):`);
  out.push('', run.result.kind === 'exit-time' ? exitTimeText(run.result) : longRunText(run.result));
  return out.join('\n');
}

function exitTimeText(result: ExitTimeResult): string {
  const out: string[] = [];
  for (const arm of result.arms) {
    out.push(`Arm "${arm.label}" — ${arm.clip === null ? 'unclipped' : `b = ${arm.clip}`}`);
    out.push(
      table(
        ['η', 'samples', 'censored', 'mean σ', 'stderr', 'exits to'],
        arm.points.map((p) => [p.eta, p.samples, p.censored, p.mean, p.stderr, Object.entries(p.exitTo).map(([j, n]) => `Ω${j}: ${n}`).join(', ')]),
      ),
    );
    const fit = arm.fit ? `fitted exponent ${num(arm.fit.slope)} (r² ${num(arm.fit.r2)}, ${arm.fit.points} points)` : 'no fit (fewer than 2 distinct η with uncensored points)';
    const theory = arm.theory ? `predicted β_${arm.theory.field} = ${num(arm.theory.exponent)} (l* = ${arm.theory.lStar})` : 'no prediction (Theorem 1 does not apply)';
    out.push(`  ${fit}; ${theory}`, '');
  }
  return out.join('\n').trimEnd();
}

function longRunText(result: LongRunResult): string {
  const out: string[] = [];
  for (const arm of result.arms) {
    const n = arm.occupancy.length;
    out.push(`Arm "${arm.label}" — ${arm.clip === null ? 'unclipped' : `b = ${arm.clip}`} · ${si(arm.iterations)} iterations`);
    out.push(
      table(
        ['field', 'time in Ω_i', 'sojourns', 'mean sojourn', 'stderr'],
        arm.occupancy.map((o, i) => {
          // Runs stored before these were null hold 0 for them; the count decides what exists.
          const s = arm.sojourns[i];
          const count = s?.count ?? 0;
          const mean = count > 0 && s?.mean != null ? s.mean : 'none';
          const stderr = count > 1 && s?.stderr != null ? s.stderr : count === 1 ? '— (one sojourn)' : 'none';
          return [`Ω${i + 1}`, percent(o), count, mean, stderr];
        }),
      ),
    );
    out.push('  transitions m_i → m_j:');
    out.push(
      table(
        ['from \\ to', ...Array.from({ length: n }, (_, j) => `m${j + 1}`)],
        arm.transitions.map((row, i) => [`m${i + 1}`, ...row]),
      )
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n'),
    );
    out.push('');
  }
  return out.join('\n').trimEnd();
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
