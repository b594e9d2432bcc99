import { describe, expect, it } from 'vitest';
import type { RunDetail } from '../../../src-shared/api';
import type { ExitTimeArmSummary } from '../../../src-shared/model';
import { expandSweep, sweepCells, type SweepConfig, type SweepResultSummary } from '../../../src-shared/sweep';
import { rendererKindNamed } from '../../../src-renderer/kinds/registry';
import { exitBase2d, lab2dOf, longBase2d } from './sweep2dFixtures';
import { compareHeatmaps, gridsDiffer, runQuantity, sharedEtas, type ComparedSweep } from '../../../src-renderer/charts/sweepCompare';
import { sweepHeatmapOption } from '../../../src-renderer/charts/sweepHeatmapOption';
import { lightStyle } from '../../../src-renderer/charts/style';

/** Two-axis sweeps on the Compare page: one quantity, the same η, one colour scale for every map. */
const arm = { label: 'heavy', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.5 };
const exitBase = (etas: number[]) => ({ kind: 'exit-time', landscape: { preset: 'paper' }, x0: -0.7, arms: [arm], etas, samples: 10 });

/** An exit-time arm whose fitted slope is `slope` and whose mean at η is `scale`/η. */
function exitArm(sweep: SweepConfig, cell: number, slope: number, scale: number): ExitTimeArmSummary {
  const config = sweepCells(sweep)[cell].config;
  if (config.kind !== 'exit-time') throw new Error('exit-time cells only');
  return {
    label: 'heavy',
    clip: config.arms[0].clip,
    points: config.etas.map((eta) => ({ eta, samples: 10, censored: 0, mean: scale / eta, stderr: 1, exitTo: { 1: 10 } })),
    fit: { slope, slopeStderr: 0.05, intercept: 0, r2: 1, points: 2 },
    theory: null,
  };
}

function compared(runId: number, etas: number[], clips: number[], slopeAt: (k: number) => number, scale = 10): ComparedSweep {
  const config = expandSweep({ kind: 'sweep', base: exitBase(etas), over: [{ field: 'clip', values: clips }, { field: 'alpha', values: [1.2, 1.5] }] });
  const cells = sweepCells(config).map((c, k) => ({ values: c.values, arms: [exitArm(config, k, slopeAt(k), scale)] }));
  return { runId, name: `run ${runId}`, config, result: { kind: 'sweep', baseKind: 'exit-time', cells } };
}

describe('two-axis sweeps compared', () => {
  const a = compared(1, [0.03, 0.01], [0.3, 0.5], (k) => 1 + 0.1 * k);
  const b = compared(2, [0.01, 0.003], [0.3, 0.5], (k) => 2 + 0.5 * k, 1000);

  it('colours every map on one scale spanning both runs\' values', () => {
    const { inputs, missing } = compareHeatmaps([a, b], { kind: 'slope' }, 0);
    expect(missing).toEqual([]);
    expect(inputs[0].values).toEqual([1, 1.1, 1.2, expect.closeTo(1.3, 12)]);
    expect(inputs[1].values).toEqual([2, 2.5, 3, 3.5]);
    // a's own scale would be 1 … 1.3; shared, both span 1 … 3.5, so a slope of 3 is one colour in both.
    for (const input of inputs) expect(input.range).toEqual({ min: 1, max: 3.5 });
    const scales = inputs.map((i) => sweepHeatmapOption(i, lightStyle).visualMap as { min: number; max: number });
    expect(scales.map((s) => [s.min, s.max])).toEqual([[1, 3.5], [1, 3.5]]);
  });

  it('centres a difference on 0 over both runs', () => {
    const withTheory = (s: ComparedSweep, beta: number): ComparedSweep => ({
      ...s,
      result: {
        kind: 'sweep',
        baseKind: 'exit-time',
        cells: (s.result.cells as { values: Record<string, number | null>; arms: ExitTimeArmSummary[] }[]).map((c) => ({
          ...c,
          arms: c.arms.map((r) => ({ ...r, theory: { field: 2, lStar: 1, exponent: beta } })),
        })),
      },
    });
    const { inputs } = compareHeatmaps([withTheory(a, 1.2), withTheory(b, 2)], { kind: 'slopeMinusPredicted' }, 0);
    // Differences: a −0.2 … 0.1, b 0 … 1.5; the scale is ±1.5 for both.
    expect(inputs[0].range).toEqual({ min: -1.5, max: 1.5 });
    expect(inputs[1].range).toEqual({ min: -1.5, max: 1.5 });
  });

  it('compares mean exit times at the same η, whatever its index in each run', () => {
    expect(sharedEtas([a, b])).toEqual([0.03, 0.01, 0.003]);
    expect(runQuantity(a.config, { kind: 'meanExit', eta: 0.01 })).toEqual({ kind: 'meanExit', etaIndex: 1 });
    expect(runQuantity(b.config, { kind: 'meanExit', eta: 0.01 })).toEqual({ kind: 'meanExit', etaIndex: 0 });
    const at001 = compareHeatmaps([a, b], { kind: 'meanExit', eta: 0.01 }, 0);
    expect(at001.inputs[0].values[0]).toBeCloseTo(Math.log10(10 / 0.01), 12);
    expect(at001.inputs[1].values[0]).toBeCloseTo(Math.log10(1000 / 0.01), 12);
    // Run a never ran η = 0.003: its map is empty, not another η's numbers, and the page is told.
    const at0003 = compareHeatmaps([a, b], { kind: 'meanExit', eta: 0.003 }, 0);
    expect(at0003.missing).toEqual([1]);
    expect(at0003.inputs[0].values.every((v) => v === null)).toBe(true);
    expect(at0003.inputs[1].values[0]).toBeCloseTo(Math.log10(1000 / 0.003), 12);
  });

  it('says when the grids differ, and keeps each map\'s own axes', () => {
    expect(gridsDiffer([a, b])).toBe(false);
    const c = compared(3, [0.03, 0.01], [0.3, 0.4, 0.6], () => 1);
    expect(gridsDiffer([a, c])).toBe(true);
    const { inputs } = compareHeatmaps([a, c], { kind: 'slope' }, 0);
    expect(inputs.map((i) => i.x.labels)).toEqual([['0.3', '0.5'], ['0.3', '0.4', '0.6']]);
    expect(inputs[1].values).toHaveLength(6);
  });
});

/** Sweeps over a 2-D base on the Compare page: read as on their own page, basins for fields. */
describe('2-D sweeps compared', () => {

  /** A 2-D exit-time arm as the engine stores it: exit times per η, the fit, the theory of the basin of x0. */
  const exitArm2d = (slope: number, lStar: number, mean: number) => ({
    label: 'iso',
    clip: 0.5,
    home: 1,
    points: [0.1, 0.05].map((eta) => ({ eta, samples: 2, censored: 0, mean: mean / eta, stderr: 1, exitTimes: [1, 2], exitTo: { 2: 2 } })),
    fit: { slope, slopeStderr: 0.1, intercept: 0, r2: 1, points: 2 },
    theory: { basin: 1, lStar, jumpsByRadius: lStar, exponent: 1.2 + 0.2 * (lStar - 1) },
  });
  const run = (id: number, config: unknown, result: unknown) => ({ id, name: `run ${id}`, config, result }) as unknown as RunDetail;

  it('draws a one-axis 2-D exit-time sweep on the staircase chart, its steps the cells\' own predictions', () => {
    const config = expandSweep({ kind: 'sweep', base: exitBase2d, over: [{ field: 'clip', values: [0.5, 0.8] }] });
    const result = { kind: 'sweep', baseKind: 'exit-time-2d', cells: [{ values: { clip: 0.5 }, arms: [exitArm2d(1.55, 3, 10)] }, { values: { clip: 0.8 }, arms: [exitArm2d(1.35, 2, 10)] }] };
    const series = rendererKindNamed('sweep').compareSeries(run(7, config, result), []);
    expect(series.sweepGrid).toBeUndefined();
    const arm = series.sweepExponents?.input.arms[0];
    expect(arm?.label).toBe('#7 iso');
    expect(arm?.points.map((p) => [p.x, p.slope, p.predicted])).toEqual([[0.5, 1.55, 1.6], [0.8, 1.35, expect.closeTo(1.4, 12)]]);
    expect(arm?.staircase.map((s) => [s.from, s.to, s.lStar])).toEqual([[0.5, 0.65, 3], [0.65, 0.8, 2]]);
  });

  it('compares two-axis 2-D exit-time sweeps at a shared η and 2-D long-run ones by a basin\'s share', () => {
    const over = [{ field: 'clip', values: [0.5, null] }, { field: 'alpha', values: [1.2, 1.5] }];
    const exitConfig = expandSweep({ kind: 'sweep', base: exitBase2d, over });
    const exitResult = { kind: 'sweep', baseKind: 'exit-time-2d', cells: sweepCells(exitConfig).map((c, k) => ({ values: c.values, arms: [exitArm2d(1 + k, 2, 10 ** k)] })) } as unknown as SweepResultSummary;
    const exits: ComparedSweep = { runId: 1, name: 'a', config: exitConfig, result: exitResult };
    expect(sharedEtas([exits])).toEqual([0.1, 0.05]);
    const mean = compareHeatmaps([exits], { kind: 'meanExit', eta: 0.05 }, 0);
    expect(mean.missing).toEqual([]);
    expect(mean.inputs[0].values.map((v) => Number(v?.toFixed(9)))).toEqual([0, 1, 2, 3].map((k) => Number(Math.log10(10 ** k / 0.05).toFixed(9))));
    expect(compareHeatmaps([exits], { kind: 'slope' }, 0).inputs[0].values).toEqual([1, 2, 3, 4]);

    const longConfig = expandSweep({ kind: 'sweep', base: longBase2d, over });
    const longArm = (share: number[]) => ({ label: 'iso', clip: 0.5, share, histogram: { xEdges: [], yEdges: [], counts: [[5, 5]] }, moves: [], sojourns: [] });
    const longResult = { kind: 'sweep', baseKind: 'long-run-2d', cells: [[0.9, 0.1], [0.6, 0.4], [0.5, 0.5], [0.2, 0.8]].map((share, k) => ({ values: sweepCells(longConfig)[k].values, arms: [longArm(share)] })) } as unknown as SweepResultSummary;
    const shares = compareHeatmaps([{ runId: 2, name: 'b', config: longConfig, result: longResult }], { kind: 'occupancy', field: 2 }, 0);
    expect(shares.inputs[0].values).toEqual([0.1, 0.4, 0.5, 0.8]);
    expect(shares.inputs[0].unit).toBe('fraction of time in basin 2');
    // M^large from the lab's theory of that sweep (by run id): basin 1 for b = 0.5, every basin unclipped.
    const long2d: ComparedSweep = { runId: 2, name: 'b', config: longConfig, result: longResult };
    expect(compareHeatmaps([long2d], { kind: 'largeShare' }, 0).inputs[0].values).toEqual([null, null, null, null]);
    const large = compareHeatmaps([long2d], { kind: 'largeShare' }, 0, new Map([[2, lab2dOf(longConfig)]]));
    expect(large.inputs[0].values).toEqual([0.9, 0.6, 1, 1]);
    expect(shares.inputs[0].notes?.[0]).toBe('10 iterations');
  });
});
