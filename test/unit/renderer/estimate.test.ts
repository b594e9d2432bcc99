import { describe, expect, it } from 'vitest';
import { expandConfig } from '../../../src-shared/model';
import { theoryReport } from '../../../src-shared/theory';
import { estimateWork } from '../../../src-renderer/design/estimate';

const base = {
  kind: 'exit-time', landscape: { preset: 'paper' }, x0: -0.7, etas: [0.1, 0.01], samples: 4, maxIterations: 1000,
  arms: [{ label: 'b', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.5 }],
};

describe('the work estimate', () => {
  it('is exact for a long run', () => {
    const { etas: _e, samples: _s, maxIterations: _m, ...common } = base;
    const c = expandConfig({ ...common, kind: 'long-run', eta: 0.01, paths: 3, iterations: 500 });
    expect(estimateWork(c)).toEqual({ iterations: 1500, upperBound: 1500, fromTheory: true });
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
