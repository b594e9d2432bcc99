import { describe, expect, it } from 'vitest';
import { expandConfig } from '../../../src-shared/model';
import { theoryReport } from '../../../src-shared/theory';
import { estimateTime, estimateWork } from '../../../src-renderer/design/estimate';
import type { KernelSpeeds } from '../../../src-shared/api';

const base = {
  kind: 'exit-time', landscape: { preset: 'paper' }, x0: -0.7, etas: [0.1, 0.01], samples: 4, maxIterations: 1000,
  arms: [{ label: 'b', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.5 }],
};

describe('the work estimate', () => {
  it('is exact for a long run', () => {
    const { etas: _e, samples: _s, maxIterations: _m, ...common } = base;
    const c = expandConfig({ ...common, kind: 'long-run', eta: 0.01, paths: 3, iterations: 500 });
    expect(estimateWork(c)).toEqual({ iterations: 1500, upperBound: 1500, fromTheory: true, perArm: [1500] });
  });

  it('uses the predicted mean exit, capped by the censoring bound, for an exit-time run', () => {
    const c = expandConfig({ ...base, maxIterations: 1e12 });
    if (c.kind !== 'exit-time') throw new Error('kind');
    const reports = c.etas.map((eta) => theoryReport(c, eta));
    const predicted = c.etas.map((_, e) => reports[e].arms[0].fields[1].predictedMeanExit!);
    const est = estimateWork(c, reports);
    expect(est.fromTheory).toBe(true);
    expect(est.iterations).toBeCloseTo(4 * (predicted[0] + predicted[1]), 6);
    const capped = estimateWork({ ...c, maxIterations: 10 }, reports);
    expect(capped.iterations).toBe(4 * 10 * 2);
    expect(estimateWork(c).fromTheory).toBe(false);
  });
});

describe('the time estimate', () => {
  const speeds: KernelSpeeds = {
    workers: 2,
    perWorker: [
      { kind: 'exit-time', family: 'pareto', iterationsPerSecond: 5e7 },
      { kind: 'exit-time', family: 'gaussian', iterationsPerSecond: 6e7 },
      { kind: 'long-run', family: 'pareto', iterationsPerSecond: 2.5e7 },
      { kind: 'long-run', family: 'gaussian', iterationsPerSecond: 4e7 },
    ],
  };

  it('divides each arm\'s work by its own kernel\'s measured speed, over the workers', () => {
    const { etas: _e, samples: _s, maxIterations: _m, ...common } = base;
    const c = expandConfig({
      ...common,
      kind: 'long-run', eta: 0.001, paths: 20, iterations: 3_000_000,
      arms: [base.arms[0], { label: 'light', noise: { family: 'gaussian', sigma: 1 }, clip: null }],
    });
    const t = estimateTime(c, estimateWork(c), speeds)!;
    expect(t.workers).toBe(2);
    expect(t.seconds).toBeCloseTo((6e7 / 2.5e7 + 6e7 / 4e7) / 2, 12);
    expect(t.iterationsPerSecond).toBeCloseTo(1.2e8 / t.seconds, 6);
  });

  it('uses no more workers than there are samples to share, and none for an unmeasured kind', () => {
    const c = expandConfig({ ...base, etas: [0.1], samples: 1, maxIterations: 1e9 });
    const work = estimateWork(c);
    expect(estimateTime(c, work, speeds)).toMatchObject({ workers: 1, seconds: 1e9 / 5e7 });
    expect(estimateTime(c, work, { workers: 2, perWorker: [] })).toBeNull();
  });

  it('estimates the Figure 4 preset at a few seconds to a minute on two workers, not twenty minutes', () => {
    // The preset (7 η × 20 samples × 2 arms, ≈ 1.2e9 iterations) ran in 12–21 s on this machine.
    const c = expandConfig({ ...base, etas: [0.1, 0.03, 0.01, 0.003, 0.001, 0.0003, 0.0001], samples: 20, maxIterations: 1e9,
      arms: [base.arms[0], { ...base.arms[0], label: 'no clipping', clip: null }] });
    if (c.kind !== 'exit-time') throw new Error('kind');
    const work = estimateWork(c, c.etas.map((eta) => theoryReport(c, eta)));
    const t = estimateTime(c, work, speeds)!;
    expect(t.seconds).toBeGreaterThan(3);
    expect(t.seconds).toBeLessThan(60);
  });
});
