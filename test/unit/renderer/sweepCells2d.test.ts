import { describe, expect, it } from 'vitest';
import { cellSteps, gridCells, locatedCellSteps } from '../../../src-renderer/charts/sweepCells2d';
import { expandSweep, sweepCells, type SweepResultSummary } from '../../../src-shared/sweep';
import { exitBase2d, lab2dOf, longBase2d } from './sweep2dFixtures';
import { exponentInput, heatmapInput, shareCells } from '../../../src-renderer/charts/sweepChartData';
import { cellQuantity } from '../../../src-renderer/charts/sweepQuantities';

describe('2-D sweep cells for the grid charts', () => {
  it('present a 2-D exit-time arm as the exponent chart reads it (fit, predicted exponent and l*, no exit times)', () => {
    const arm = {
      label: 'iso',
      clip: 0.5,
      home: 1,
      points: [{ eta: 0.1, samples: 2, censored: 0, mean: 10, stderr: 1, exitTimes: [9, 11], exitTo: { 2: 2 } }],
      fit: { slope: 1.5, slopeStderr: 0.1, intercept: 0, r2: 1, points: 2 },
      theory: { basin: 1, lStar: 3, jumpsByRadius: 3, exponent: 1.6 },
    };
    const result = { kind: 'sweep', baseKind: 'exit-time-2d', cells: [{ values: { clip: 0.5 }, arms: [arm] }] } as unknown as SweepResultSummary;
    const grid = gridCells(result);
    expect(grid.kind).toBe('exit-time');
    const shown = grid.cells[0].arms[0] as unknown as Record<string, unknown>;
    expect(shown.theory).toEqual({ field: 1, lStar: 3, exponent: 1.6 });
    expect(shown.fit).toEqual(arm.fit);
    expect((shown.points as Record<string, unknown>[])[0]).not.toHaveProperty('exitTimes');
  });

  it('present a 2-D long-run arm as shares per basin, its iterations the histogram total', () => {
    const arm = { label: 'iso', clip: null, share: [0.75, 0.25], histogram: { xEdges: [], yEdges: [], counts: [[1, 2], [3, 6]] }, moves: [], sojourns: [], trajectories: [] };
    const result = { kind: 'sweep', baseKind: 'long-run-2d', cells: [{ values: { clip: null }, arms: [arm] }] } as unknown as SweepResultSummary;
    const grid = gridCells(result);
    expect(grid.kind).toBe('long-run');
    expect(grid.cells[0].arms[0]).toMatchObject({ occupancy: [0.75, 0.25], iterations: 12 });
  });

  it('draw the per-cell predictions as steps reaching halfway to the neighbours, cells without one left out', () => {
    const steps = cellSteps(
      [
        { x: 0.8, predicted: 1.4 },
        { x: 0.5, predicted: 1.6 },
        { x: 0.6, predicted: 1.6 },
        { x: 1, predicted: null },
      ],
      [2, 3, 3, null],
    );
    expect(steps.map((s) => [s.from, s.to, s.lStar, s.exponent].map((v) => Number(v.toFixed(6))))).toEqual([
      [0.5, 0.55, 3, 1.6],
      [0.55, 0.7, 3, 1.6],
      [0.7, 0.8, 2, 1.4],
    ]);
  });
});

describe('a 2-D long-run grid\'s share in M^large', () => {

  const sweep = expandSweep({ kind: 'sweep', base: longBase2d, over: [{ field: 'clip', values: [0.3, null] }] });
  const arm = (share: number[]) => ({ label: 'iso', clip: 0.3, share, histogram: { xEdges: [], yEdges: [], counts: [[4]] }, moves: [], sojourns: [] });
  const result = { kind: 'sweep', baseKind: 'long-run-2d', cells: [{ values: { clip: 0.3 }, arms: [arm([0.7, 0.2, 0.1])] }, { values: { clip: null }, arms: [arm([0.5, 0.3, 0.2])] }] } as unknown as SweepResultSummary;
  const grid = gridCells(result);
  if (grid.kind !== 'long-run') throw new Error('a long-run grid');
  const lab2d = lab2dOf(sweep);
  const reports = lab2d.reports;

  it('sums each cell\'s shares over the basins its own graph calls large', () => {
    expect(reports.map((r) => r.arms[0].largeMinima)).toEqual([[1], [1, 2, 3]]);
    expect(shareCells(sweep, grid.cells, 0, lab2d).map((c) => c.largeMinima)).toEqual([[1], [1, 2, 3]]);
    const quantity = { kind: 'largeShare' } as const;
    expect(cellQuantity(grid.cells[0], 0, quantity, reports[0].arms[0].largeMinima)).toBeCloseTo(0.7, 12);
    expect(cellQuantity(grid.cells[1], 0, quantity, reports[1].arms[0].largeMinima)).toBeCloseTo(1, 12);
  });

  it('has none before the lab\'s reports arrive, rather than a guess', () => {
    expect(shareCells(sweep, grid.cells, 0).map((c) => c.largeMinima)).toEqual([undefined, undefined]);
  });
});

describe('a 2-D clip axis\'s steps where the lab located them', () => {
  const points = [
    { x: 0.4, predicted: 1.8 },
    { x: 1, predicted: 1.4 },
  ];
  // Between b = 0.4 (l* = 4) and 1 (l* = 2) the lab found two changes: 4 → 3 and 3 → 2.
  const step = (located: [number, number], lStar: [number, number]) => ({ arm: 0, basin: 1, radius: 1.32, between: [0.4, 1] as [number, number], located, lStar, startBasin: true });

  it('break the staircase at each located change, the l* no cell has given its exponent from α', () => {
    const steps = locatedCellSteps(points, [4, 2], [step([0.66, 0.662], [3, 2]), step([0.44, 0.442], [4, 3])]);
    expect(steps.map((s) => [s.from, s.to, s.lStar, Number(s.exponent.toFixed(9))])).toEqual([
      [0.4, 0.441, 4, 1.8],
      [0.441, 0.661, 3, 1.6],
      [0.661, 1, 2, 1.4],
    ]);
  });

  it('are drawn on the exponent chart as lines labelled with the change, replacing the halfway steps', () => {
    const sweep = expandSweep({ kind: 'sweep', base: exitBase2d, over: [{ field: 'clip', values: [0.4, 1] }] });
    const arm = (clip: number, lStar: number, exponent: number) => ({
      label: 'iso', clip, points: [], fit: { slope: exponent, slopeStderr: 0.1, intercept: 0, r2: 1, points: 2 }, theory: { field: 1, lStar, exponent },
    });
    const cells = [{ values: { clip: 0.4 }, arms: [arm(0.4, 4, 1.8)] }, { values: { clip: 1 }, arms: [arm(1, 2, 1.4)] }];
    const halfway = exponentInput(sweep, cells);
    expect(halfway.arms[0].staircase.map((s) => s.lStar)).toEqual([4, 2]);
    expect(halfway.boundaries).toEqual([]);
    const steps = [step([0.44, 0.442], [4, 3]), step([0.66, 0.662], [3, 2])];
    const located = exponentInput(sweep, cells, { reports: [], boundaries: [{ axis: 0, field: 'clip', dimension: 2, steps }] });
    expect(located.arms[0].staircase.map((s) => s.lStar)).toEqual([4, 3, 2]);
    expect(located.boundaries).toEqual([
      { x: 0.441, label: 'l*₁ 4→3', emphasis: true },
      { x: 0.661, label: 'l*₁ 3→2', emphasis: true },
    ]);
  });
});

describe('a two-axis 2-D long-run grid with a clip axis', () => {
  it('draws each basin\'s located l* steps of the chosen arm between the cells they separate', () => {
    const sweep = expandSweep({ kind: 'sweep', base: longBase2d, over: [{ field: 'clip', values: [0.5, 0.8] }, { field: 'alpha', values: [1.2, 1.6] }] });
    const lab2d = lab2dOf(sweep);
    const [axis] = lab2d.boundaries;
    if (axis.field !== 'clip' || !('steps' in axis)) throw new Error('expected the 2-D clip steps');
    const arm = { label: 'iso', clip: 0.5, share: [1, 0, 0], histogram: { xEdges: [], yEdges: [], counts: [[4]] }, moves: [], sojourns: [] };
    const result = { kind: 'sweep', baseKind: 'long-run-2d', cells: sweepCells(sweep).map((c) => ({ values: c.values, arms: [arm] })) } as unknown as SweepResultSummary;
    const input = heatmapInput(sweep, gridCells(result), { kind: 'occupancy', field: 1 }, 0, lab2d);
    // Every basin's step (a long run visits them all), each between the two clip columns.
    expect(input.boundaries.map((b) => b.label).sort()).toEqual(axis.steps.map((st) => `l*${'₀₁₂₃'[st.basin]} ${st.lStar[0]}→${st.lStar[1]}`).sort());
    expect(input.boundaries.some((b) => b.label === 'l*₁ 3→2')).toBe(true);
    expect(input.boundaries.every((b) => b.axis === 'x' && b.position > 0 && b.position < 1)).toBe(true);
    // Before the lab answers, no lines.
    expect(heatmapInput(sweep, gridCells(result), { kind: 'occupancy', field: 1 }, 0).boundaries).toEqual([]);
  });
});
