import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../src-shared/api';
import type { LongRunResult } from '../../../src-shared/model/results';
import { runText } from '../../../src-main/cli/format/runText';
import { exitTimeConfig, longRunConfig } from '../store/helpers';

function longRun(sojourns: LongRunResult['arms'][number]['sojourns']): RunRecord {
  const config = longRunConfig({ landscape: { preset: 'three-wells' }, x0: 0 });
  return {
    id: 1,
    name: config.name,
    kind: 'long-run',
    status: 'completed',
    createdAt: '2026-01-01T00:00:00.000Z',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:10.000Z',
    tags: [],
    notes: '',
    error: null,
    progress: null,
    headline: null,
    config,
    result: {
      kind: 'long-run',
      arms: [
        {
          label: 'heavy',
          clip: null,
          iterations: 2000,
          occupancy: [0.2, 0.5, 0.3],
          histogram: { edges: [-1, 1], counts: [2000] },
          trajectories: [],
          transitions: [
            [0, 1, 0],
            [0, 0, 3],
            [0, 0, 0],
          ],
          sojourns,
        },
      ],
    },
  };
}

/** The table row for Ω_i, split into its cells. */
const row = (text: string, i: number) => text.split('\n').find((l) => l.trim().startsWith(`Ω${i} `))?.trim().split(/\s{2,}/);

describe('lab show: sojourns', () => {
  it('says "none" where there was no sojourn and gives no standard error for a single one', () => {
    const text = runText(
      longRun([
        { minimum: 1, count: 1, mean: 420, stderr: null },
        { minimum: 2, count: 3, mean: 100, stderr: 10 },
        { minimum: 3, count: 0, mean: null, stderr: null },
      ]),
    );
    expect(row(text, 1)).toEqual(['Ω1', '20.0%', '1', '420', '— (one sojourn)']);
    expect(row(text, 2)).toEqual(['Ω2', '50.0%', '3', '100', '10']);
    expect(row(text, 3)).toEqual(['Ω3', '30.0%', '0', 'none', 'none']);
  });

  it('reads runs stored when "no sojourn" was written as 0 the same way', () => {
    const text = runText(longRun([
      { minimum: 1, count: 1, mean: 420, stderr: 0 },
      { minimum: 2, count: 3, mean: 100, stderr: 10 },
      { minimum: 3, count: 0, mean: 0, stderr: 0 },
    ]));
    expect(row(text, 1)?.slice(3)).toEqual(['420', '— (one sojourn)']);
    expect(row(text, 3)?.slice(3)).toEqual(['none', 'none']);
  });
});

describe('lab show: a running exit-time run', () => {
  it('shows dashes, not a mean of 0, for the η whose samples have not arrived yet', () => {
    const config = exitTimeConfig({ etas: [0.1, 0.05] });
    const point = (eta: number, samples: number, mean: number, stderr: number) => ({ eta, samples, censored: 0, mean, stderr, exitTimes: [], exitTo: (samples ? { 1: samples } : {}) as Record<string, number> });
    const run: RunRecord = {
      id: 2, name: config.name, kind: 'exit-time', status: 'running', createdAt: '2026-01-01T00:00:00.000Z', startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: null, tags: [], notes: '', error: null, progress: null, headline: null, config,
      result: { kind: 'exit-time', arms: [{ label: 'heavy', clip: 0.5, points: [point(0.1, 20, 1910, 487.1), point(0.05, 0, 0, 0)], fit: null, theory: null }] },
    };
    const rows = runText(run).split('\n').filter((l) => /^\s*0\.(1|05)\s/.test(l)).map((l) => l.trim().split(/\s{2,}/));
    expect(rows[0].slice(0, 5)).toEqual(['0.1', '20', '0', '1,910', '487.1']);
    expect(rows[1]).toEqual(['0.05', '0', '0', '—', '—']);
  });
});
