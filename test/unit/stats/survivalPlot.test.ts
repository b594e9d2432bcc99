import { describe, expect, it } from 'vitest';
import { exitTimeStream } from '../../../src-main/engine/random/streamKey';
import { studentPolar } from '../../../src-main/engine/samplers/studentPolar';
import { buildSplicedLaw } from '../../../src-shared/stats/splicedLaw';
import { survivalPlot } from '../../../src-shared/stats/survivalPlot';

describe('log-log survival plot of measured noise against the fitted tail', () => {
  const s = exitTimeStream(81, 0, 0, 0).subarray(0, 4);
  const z = Float64Array.from({ length: 20_000 }, () => studentPolar(s, 2));
  const law = buildSplicedLaw(z);
  const plot = survivalPlot(z, law, 80);

  it('data: the order statistics with survival i/n, decreasing, from the largest sample down', () => {
    expect(plot.data[0]).toEqual({ x: Math.max(...z.map(Math.abs)), survival: 1 / z.length });
    for (let j = 1; j < plot.data.length; j++) {
      expect(plot.data[j].x).toBeLessThanOrEqual(plot.data[j - 1].x);
      expect(plot.data[j].survival).toBeGreaterThan(plot.data[j - 1].survival);
    }
  });

  it('fitted: starts at u with the exceedance share and runs to ten times the largest sample', () => {
    expect(plot.fitted[0].x).toBeCloseTo(law.threshold, 12);
    expect(plot.fitted[0].survival).toBeCloseTo(law.tailCount / law.sampleCount, 12);
    expect(plot.fitted[plot.fitted.length - 1].x).toBeCloseTo(10 * plot.data[0].x, 9);
  });

  it('the fitted tail follows the data above u within 4 binomial standard errors where 30+ samples remain', () => {
    const n = z.length;
    const u = law.threshold;
    const { xi, sigma } = law.gpd;
    for (const p of plot.data.filter((d) => d.x > u && d.survival * n >= 30)) {
      const fit = (law.tailCount / n) * Math.pow(1 + (xi * (p.x - u)) / sigma, -1 / xi);
      expect(Math.abs(p.survival - fit)).toBeLessThan(4 * Math.sqrt((fit * (1 - fit)) / n) + 1 / n);
    }
  });
});
