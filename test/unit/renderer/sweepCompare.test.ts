import { describe, expect, it } from 'vitest';
import type { ExitTimeArmSummary } from '../../../src-shared/model';
import { expandSweep, sweepCells, type SweepConfig } from '../../../src-shared/sweep';
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
