import { describe, expect, it } from 'vitest';
import { theoryReport } from '../../../src-shared/theory/report';
import type { TheoryReport } from '../../../src-shared/theory/types';
import type { ExperimentConfig } from '../../../src-shared/model/config';
import { clipStaircase, expandSweep, sweepBoundaries, sweepCells, sweepTheory } from '../../../src-shared/sweep';

const base = {
  kind: 'exit-time',
  landscape: { preset: 'paper' },
  x0: -0.7,
  arms: [{ label: 'heavy', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.5 }],
  etas: [0.03, 0.01],
  samples: 10,
};
// Paper landscape radii: r1 = 0.21, r2 = 0.64 (x0 = −0.7 lies in Ω2), r3 = 0.21, r4 = 0.62.
const clipSweep = (values: (number | null)[]) => expandSweep({ kind: 'sweep', base, over: [{ field: 'clip', values }] });

describe('the boundaries of a clip axis', () => {
  it('are b = r_i/k for every field within the axis range, largest first', () => {
    const [axis] = sweepBoundaries(clipSweep([0.15, 0.3, 0.7]));
    if (axis.field !== 'clip' || !('clip' in axis)) throw new Error('expected a 1-D clip axis');
    const start = axis.clip.filter((c) => c.startField);
    expect(start.map((c) => c.k)).toEqual([1, 2, 3, 4]);
    start.forEach((c) => expect(c.b).toBeCloseTo(0.64 / c.k, 12));
    expect(axis.clip.filter((c) => c.field === 4).map((c) => c.b)).toEqual([0.62, 0.31, 0.62 / 3, 0.155].map((b) => expect.closeTo(b, 12)));
    expect(axis.clip.filter((c) => c.field === 1).map((c) => c.k)).toEqual([1]);
    for (let k = 1; k < axis.clip.length; k++) expect(axis.clip[k].b).toBeLessThanOrEqual(axis.clip[k - 1].b);
    expect(axis.clip.every((c) => c.b >= 0.15 && c.b <= 0.7)).toBe(true);
  });

  it('ignore the unclipped value and are empty for a range that crosses none', () => {
    const [axis] = sweepBoundaries(clipSweep([null, 0.4, 0.5]));
    expect(axis).toEqual({ axis: 0, field: 'clip', clip: [] });
  });

  it('split the predicted exponent into the staircase β = α + (α−1)(l*−1)', () => {
    const steps = clipStaircase(clipSweep([0.18, 0.7]), 0, [0.18, 0.7]);
    expect(steps.map((s) => s.lStar)).toEqual([4, 3, 2, 1]);
    expect(steps.map((s) => s.exponent)).toEqual([1.8, 1.6, 1.4, 1.2].map((b) => expect.closeTo(b, 12)));
    expect(steps[0].from).toBe(0.18);
    expect(steps[0].to).toBeCloseTo(0.16 * 4 / 3, 12);
    expect(steps[3].to).toBe(0.7);
    // Each step agrees with the theory report of a cell inside it.
    const sweep = clipSweep([0.2, 0.3, 0.5, 0.68]);
    for (const cell of sweepTheory(sweep).cells) {
      const b = cell.values.clip as number;
      const step = clipStaircase(sweep, 0, [0.18, 0.7]).find((s) => b > s.from && b <= s.to)!;
      expect(cell.report.arms[0].fields[1].lStar).toBe(step.lStar);
    }
  });
});

describe('the theory of a sweep', () => {
  it('gives each cell the base kind\'s report for the cell\'s config', () => {
    const sweep = clipSweep([0.3, 0.45, 0.7]);
    const theory = sweepTheory(sweep, 0.01);
    const cells = sweepCells(sweep);
    expect(theory.cells.map((c) => c.values)).toEqual(cells.map((c) => c.values));
    theory.cells.forEach((c, k) => expect(c.report).toEqual(theoryReport(cells[k].config as ExperimentConfig, 0.01)));
    expect(theory.cells.map((c) => c.report.arms[0].fields[1].lStar)).toEqual([3, 2, 1]);
    expect((theory.cells[0].report as TheoryReport).eta).toBe(0.01);
    expect(theory.boundaries).toHaveLength(1);
  });

  it('uses each cell\'s own η on an η axis of a long-run base', () => {
    const sweep = expandSweep({
      kind: 'sweep',
      base: { kind: 'long-run', landscape: { preset: 'paper' }, x0: 0.3, eta: 0.001, paths: 1, iterations: 100, arms: base.arms },
      over: [{ field: 'eta', values: [0.01, 0.001] }],
    });
    const theory = sweepTheory(sweep);
    expect(theory.cells.map((c) => (c.report as TheoryReport).eta)).toEqual([0.01, 0.001]);
    expect(theory.boundaries).toEqual([{ axis: 0, field: 'eta' }]);
  });

  it('draws the exponent lines of an α axis for each l* the start field takes', () => {
    const sweep = expandSweep({
      kind: 'sweep',
      base,
      over: [
        { field: 'alpha', values: [1.2, 1.5, 1.8] },
        { field: 'clip', values: [0.3, 0.7] },
      ],
    });
    const [alpha, clip] = sweepBoundaries(sweep);
    if (alpha.field !== 'alpha') throw new Error('expected an α axis first');
    expect(alpha.exponentLines.map((l) => l.lStar)).toEqual([1, 3]);
    const l3 = alpha.exponentLines[1];
    expect(l3.ends[0][1]).toBeCloseTo(1.2 + 0.2 * 2, 12);
    expect(l3.ends[1][1]).toBeCloseTo(1.8 + 0.8 * 2, 12);
    expect(l3.slope * 1.5 + l3.intercept).toBeCloseTo(1.5 + 0.5 * 2, 12);
    expect(clip.field).toBe('clip');
  });
});
