import { describe, expect, it } from 'vitest';
import { expandConfig } from '../../../src-shared/model/expandConfig';
import { theoryReport } from '../../../src-shared/theory';
import { theoryAtEachEta } from '../../../src-renderer/runTheory';

describe('theoryAtEachEta', () => {
  it('equals a full report at every η while computing the limit constants once', () => {
    const config = expandConfig({
      kind: 'exit-time',
      landscape: { preset: 'paper' },
      x0: -0.7,
      arms: [
        { label: 'b=0.5', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.5 },
        { label: 'unclipped', noise: { family: 'pareto', alpha: 1.4, scale: 0.1, pPlus: 0.7 }, clip: null },
        { label: 'light', noise: { family: 'gaussian', sigma: 1 }, clip: 0.5 },
      ],
      etas: [0.1, 0.03, 0.01, 0.003, 0.001],
      samples: 1,
    });
    if (config.kind !== 'exit-time') throw new Error('expected an exit-time config');
    const reports = theoryAtEachEta(config);
    expect(reports).toHaveLength(5);
    reports.forEach((report, k) => expect(report).toEqual(theoryReport(config, config.etas[k])));
    expect(reports[4].arms[0].fields[1].predictedMeanExit).toBeGreaterThan(reports[0].arms[0].fields[1].predictedMeanExit!);
  });
});
