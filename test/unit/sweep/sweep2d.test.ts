import { describe, expect, it } from 'vitest';
import { expandConfig } from '../../../src-shared/model/expandConfig';
import { ConfigError } from '../../../src-shared/model/validation';
import { expandSweep, sweepBoundaries, sweepCells, sweepTheory, type ClipStep2D } from '../../../src-shared/sweep';
import { theoryReport2d } from '../../../src-shared/theory2d/report';
import type { TheoryReport2D } from '../../../src-shared/theory2d/types';
import type { ExitTime2DConfig } from '../../../src-shared/model/config2d';

const base = {
  kind: 'exit-time',
  landscape: { dimension: 2, preset: 'wide-and-sharp' },
  x0: [-0.8, -0.2],
  seed: 3,
  arms: [
    { label: 'iso', noise: { family: 'pareto', alpha: 1.2, scale: 1, direction: 'isotropic' }, clip: 0.5 },
    { label: 'gauss', noise: { family: 'gaussian', sigma: 0.5 }, clip: null },
  ],
  etas: [0.1, 0.05],
  samples: 4,
};
const { etas: _etas, samples: _samples, ...shared } = base;
const longRun = { ...shared, kind: 'long-run', eta: 0.01, paths: 1, iterations: 1000, thin: 10 };

function issuesOf(input: unknown): Record<string, string> {
  try {
    expandSweep(input);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return Object.fromEntries(e.issues.map((i) => [i.path, i.message]));
  }
  throw new Error('the sweep was accepted');
}

describe('a sweep over a 2-D base', () => {
  it('expands the base as the 2-D kind, each cell exactly the standalone config with the axis set', () => {
    const sweep = expandSweep({ kind: 'sweep', base, over: [{ field: 'clip', values: [0.4, null] }, { field: 'alpha', values: [1.2, 1.5] }] });
    expect(sweep.base.kind).toBe('exit-time-2d');
    const cells = sweepCells(sweep);
    expect(cells.map((c) => c.values)).toEqual([
      { clip: 0.4, alpha: 1.2 },
      { clip: 0.4, alpha: 1.5 },
      { clip: null, alpha: 1.2 },
      { clip: null, alpha: 1.5 },
    ]);
    const last = cells[3].config as ExitTime2DConfig;
    const alone = expandConfig({
      ...base,
      name: last.name,
      arms: [{ ...base.arms[0], noise: { ...base.arms[0].noise, alpha: 1.5 }, clip: null }, { ...base.arms[1], clip: null }],
    });
    expect(last).toEqual(alone);
    // The axis leaves the noise's shape alone.
    expect(last.arms[0].noise).toMatchObject({ family: 'pareto', direction: 'isotropic', alpha: 1.5 });
  });

  it('takes η on a 2-D long-run base, σ, scale and ν where an arm has them', () => {
    expect(expandSweep({ kind: 'sweep', base: longRun, over: [{ field: 'eta', values: [0.01, 0.02] }] }).base.kind).toBe('long-run-2d');
    expect(sweepCells(expandSweep({ kind: 'sweep', base, over: [{ field: 'sigma', values: [0.3, 0.6] }] }))[1].config.arms[1].noise).toEqual({ family: 'gaussian', sigma: 0.6 });
    expect(sweepCells(expandSweep({ kind: 'sweep', base, over: [{ field: 'scale', values: [0.5, 2] }] }))[0].config.arms[0].noise).toMatchObject({ scale: 0.5 });
    const student = { ...base, arms: [{ label: 't', noise: { family: 'student', nu: 3, scale: 1 }, clip: 1 }] };
    const cell = sweepCells(expandSweep({ kind: 'sweep', base: student, over: [{ field: 'nu', values: [2, 4] }] }))[1];
    expect(cell.config.arms[0].noise).toMatchObject({ family: 'student', nu: 4, direction: 'axes' });
  });

  it('reports an invalid value at over[k].values[i] with the cell\'s own reason', () => {
    const issues = issuesOf({ kind: 'sweep', base, over: [{ field: 'alpha', values: [1.5, 0.9] }] });
    expect(issues).toEqual({ 'over[0].values[1]': expect.stringMatching(/^0\.9: α must be > 1.*arms\[0\]\.noise\.alpha of the cell's config/) });
    expect(issuesOf({ kind: 'sweep', base, over: [{ field: 'clip', values: [0.5, -1] }] })).toHaveProperty(['over[0].values[1]']);
  });

  it('refuses fields that do not apply, at over[k].field, with why', () => {
    expect(issuesOf({ kind: 'sweep', base, over: [{ field: 'eta', values: [0.1] }] })).toEqual({ 'over[0].field': expect.stringMatching(/η is an axis only for a long-run base/) });
    expect(issuesOf({ kind: 'sweep', base, over: [{ field: 'nu', values: [3] }] })).toEqual({ 'over[0].field': expect.stringMatching(/no arm of the base has a degrees of freedom ν/) });
    expect(issuesOf({ kind: 'sweep', base: longRun, over: [{ field: 'eta', values: [0.1, null] }] })).toHaveProperty(['over[0].values[1]']);
  });

  it('names a bad 2-D base at its path inside base', () => {
    const wells = { dimension: 2, L: 2, confinement: 0.5, wells: [{ center: [0, 'x'], depth: 1, width: 0.5 }] };
    expect(issuesOf({ kind: 'sweep', base: { ...base, landscape: wells }, over: [{ field: 'clip', values: [0.5] }] })).toHaveProperty(['base.landscape.wells[0].center[1]']);
    const isoStudent = { ...base, arms: [{ label: 't', noise: { family: 'student', nu: 3, direction: 'isotropic' }, clip: 1 }] };
    expect(issuesOf({ kind: 'sweep', base: isoStudent, over: [{ field: 'nu', values: [3] }] })).toEqual({ 'base.arms[0].noise.direction': expect.stringMatching(/only as "axes"/) });
    expect(issuesOf({ kind: 'sweep', base: { ...base, x0: [0.5] }, over: [{ field: 'clip', values: [0.5] }] })).toHaveProperty(['base.x0']);
  });
});

describe('the theory of a 2-D sweep', () => {
  // Wide-and-sharp, isotropic noise from the wide basin 1 (r₁ ≈ 1.32): l*₁ = 3 for b = 0.5, 0.6 and
  // 2 for b = 0.8, by reachability (⌈r₁/b⌉ agrees there).
  const sweep = expandSweep({ kind: 'sweep', base, over: [{ field: 'clip', values: [0.5, 0.6, 0.8] }] });
  const theory = sweepTheory(sweep);

  it('gives each cell the R^2 report of its own config', () => {
    const cells = sweepCells(sweep);
    expect(theory.cells.map((c) => c.values)).toEqual(cells.map((c) => c.values));
    const reports = theory.cells.map((c) => c.report as TheoryReport2D);
    expect(reports.every((r) => r.dimension === 2)).toBe(true);
    expect(reports[2]).toEqual(theoryReport2d((cells[2].config as ExitTime2DConfig).landscape, cells[2].config.arms as ExitTime2DConfig['arms']));
    expect(reports.map((r) => r.arms[0].fields[0].lStar)).toEqual([3, 3, 2]);
    expect(reports.every((r) => !r.arms[1].applicable)).toBe(true);
  });

  it('finds the l* steps of a clip axis between neighbouring cells, by reachability', () => {
    const [axis] = theory.boundaries;
    if (axis.field !== 'clip' || !('steps' in axis)) throw new Error('expected the 2-D clip steps');
    const start = axis.steps.filter((s: ClipStep2D) => s.startBasin);
    expect(start).toEqual([{ arm: 0, basin: 1, radius: expect.closeTo(1.3234, 3), between: [0.6, 0.8], located: [expect.any(Number), expect.any(Number)], lStar: [3, 2], startBasin: true }]);
    // Narrowed by bisection to a quarter of the map's spacing, where isotropic jumps need
    // ⌈r₁/b⌉ = 3 below r₁/2 and 2 above it (the node sets place it within about a spacing).
    const [below, above] = start[0].located;
    const first = theory.cells[0].report;
    const h = 'dimension' in first ? first.basinMap.spacing : NaN;
    expect(above - below).toBeLessThanOrEqual(h / 4);
    expect(Math.abs((below + above) / 2 - start[0].radius / 2)).toBeLessThan(1.5 * h);
    // Each located step is a true change: l* on either side of it, asked directly.
    const base = sweep.base as ExitTime2DConfig;
    const lAt = (clip: number) => theoryReport2d(base.landscape, [{ ...base.arms[0], clip }]).arms[0].fields[0].lStar;
    expect([lAt(below), lAt(above)]).toEqual([3, 2]);
  });

  it('gives each change its own located step when l* falls by two between neighbouring cells', () => {
    // b = 0.4 … 1: ⌈r₁/b⌉ goes 4 → 3 near r₁/3 ≈ 0.44 and 3 → 2 near r₁/2 ≈ 0.66.
    const wide = expandSweep({ kind: 'sweep', base, over: [{ field: 'clip', values: [0.4, 1] }] });
    const analysed = sweepTheory(wide);
    const [axis] = analysed.boundaries;
    if (axis.field !== 'clip' || !('steps' in axis)) throw new Error('expected the 2-D clip steps');
    const start = axis.steps.filter((s: ClipStep2D) => s.startBasin).sort((p, q) => p.located[0] - q.located[0]);
    expect(start.map((s) => [s.between, s.lStar])).toEqual([[[0.4, 1], [4, 3]], [[0.4, 1], [3, 2]]]);
    const report = analysed.cells[0].report;
    const h = 'dimension' in report ? report.basinMap.spacing : NaN;
    start.forEach((s, k) => expect(Math.abs((s.located[0] + s.located[1]) / 2 - s.radius / [3, 2][k])).toBeLessThan(1.5 * h));
    // Without the basin map (per edit in the designer) a 2-D axis has no boundaries.
    expect(sweepBoundaries(sweep)).toEqual([{ axis: 0, field: 'clip' }]);
  });
});
