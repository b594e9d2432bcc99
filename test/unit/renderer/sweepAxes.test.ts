import { describe, expect, it } from 'vitest';
import { axisValues, axisValuesText, clipStepsText, estimateSweep } from '../../../src-renderer/design/sweepAxes';
import { estimateTime, estimateWork } from '../../../src-renderer/design/estimate';
import { theoryAtEachEta } from '../../../src-renderer/runTheory';
import { expandSweep, sweepCells } from '../../../src-shared/sweep';
import { exitBase2d, lab2dOf } from './sweep2dFixtures';
import type { ExperimentConfig } from '../../../src-shared/model';

describe('axis value helpers', () => {
  it('reads a typed list, with "unclipped" for a clip axis only', () => {
    expect(axisValues({ mode: 'list', text: '0.3, 0.45 0.7; unclipped' }, 'clip')).toEqual([0.3, 0.45, 0.7, null]);
    const alpha = axisValues({ mode: 'list', text: '1.2, unclipped, x' }, 'alpha');
    expect(alpha[0]).toBe(1.2);
    expect(alpha.slice(1).every((v) => Number.isNaN(v))).toBe(true);
    expect(axisValuesText([0.3, null, Number.NaN])).toBe('0.3, unclipped, ?');
  });

  it('spaces n points linearly or logarithmically, both ends included', () => {
    expect(axisValues({ mode: 'linear', from: 0.2, to: 0.7, n: 6 }, 'clip')).toEqual([0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
    expect(axisValues({ mode: 'log', from: 0.001, to: 0.1, n: 3 }, 'eta')).toEqual([0.001, 0.01, 0.1]);
    expect(axisValues({ mode: 'linear', from: 1.5, to: 9, n: 1 }, 'alpha')).toEqual([1.5]);
    expect(axisValues({ mode: 'log', from: -1, to: 1, n: 3 }, 'clip')[0]).toBeNaN();
    expect(axisValues({ mode: 'linear', from: 0, to: 1, n: 0 }, 'clip')[0]).toBeNaN();
  });
});

describe('a sweep\'s work estimate', () => {
  it('is the sum of its cells\' single-run estimates', () => {
    const sweep = expandSweep({
      kind: 'sweep',
      base: {
        kind: 'exit-time',
        landscape: { preset: 'paper' },
        x0: -0.7,
        arms: [{ label: 'h', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.5 }],
        etas: [0.1, 0.01],
        samples: 10,
      },
      over: [{ field: 'clip', values: [0.4, 0.7] }],
    });
    const speeds = { workers: 2, perWorker: [{ kind: 'exit-time' as const, family: 'pareto' as const, iterationsPerSecond: 5e7 }] };
    const configs = sweepCells(sweep).map((c) => c.config as ExperimentConfig);
    const cells = configs.map((c) => estimateWork(c, theoryAtEachEta(c)));
    const estimate = estimateSweep(sweep, speeds);
    expect(estimate.cells).toBe(2);
    expect(estimate.iterations).toBeCloseTo(cells[0].iterations + cells[1].iterations, 6);
    const seconds = configs.reduce((s, c, k) => s + estimateTime(c, cells[k], speeds)!.seconds, 0);
    expect(estimate.seconds).toBeCloseTo(seconds, 9);
    expect(estimateSweep(sweep, null).seconds).toBeNull();
  });
});

describe('where l* changes along a clip axis, as the designer lists it', () => {
  const arm = { label: 'heavy', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.5 };
  const exitBase = { kind: 'exit-time', landscape: { preset: 'paper' }, x0: -0.7, arms: [arm], etas: [0.1], samples: 4 };

  it('gives b = r_i/k inside the axis for a 1-D base: the field of x0 for exit time, every field for a long run', () => {
    const over = [{ field: 'clip', values: [0.23, 0.5, 0.9, null] }];
    const exit = expandSweep({ kind: 'sweep', base: exitBase, over });
    expect(clipStepsText(exit, 0)).toEqual(['Ω₂: l* 3 → 2 at b = r₂/2 = 0.32', 'Ω₂: l* 2 → 1 at b = r₂/1 = 0.64']);
    const { etas: _e, samples: _s, ...shared } = exitBase;
    const long = expandSweep({ kind: 'sweep', base: { ...shared, kind: 'long-run', eta: 0.01, paths: 1, iterations: 1000, thin: 10 }, over });
    const lines = clipStepsText(long, 0);
    expect(lines).toEqual(expect.arrayContaining(['Ω₂: l* 3 → 2 at b = r₂/2 = 0.32', 'Ω₂: l* 2 → 1 at b = r₂/1 = 0.64']));
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.every((l) => /^Ω\S: l\* (\d+) → \d+ at b = r\S\/\d+ = [\d.]+$/.test(l))).toBe(true);
  });

  it('gives the lab\'s located steps for a 2-D base, and none before it answers', () => {
    const sweep = expandSweep({ kind: 'sweep', base: exitBase2d, over: [{ field: 'clip', values: [0.5, 0.8] }] });
    expect(clipStepsText(sweep, 0)).toEqual([]);
    expect(clipStepsText(sweep, 0, lab2dOf(sweep))).toEqual([expect.stringMatching(/^basin 1: l\* 3 → 2 at b ≈ 0\.66\d* \(between 0\.5 and 0\.8\)$/)]);
  });
});
