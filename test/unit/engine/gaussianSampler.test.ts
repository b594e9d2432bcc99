import { describe, expect, it } from 'vitest';
import { exitTimeStream } from '../../../src-main/engine/random/streamKey';
import { GaussianNoiseSampler } from '../../../src-main/engine/samplers/gaussianNoise';
import { gaussianPolar } from '../../../src-main/engine/samplers/gaussianPolar';
import { gaussianDensity, gaussianZiggurat, gaussianZigguratTable } from '../../../src-main/engine/samplers/gaussianZiggurat';
import { zigguratTable } from '../../../src-main/engine/samplers/zigguratTable';
import { fillWholeAndInPieces } from './fixtures';
import { binomialZ, chiSquare, chiSquareCritical, KS_CRITICAL_0_001, ksStatistic, normalCdf, normalTail } from './statistics';

function blockDraws(count: number, seed: number, sigma = 1): Float64Array {
  const out = new Float64Array(count);
  new GaussianNoiseSampler({ family: 'gaussian', sigma }, 1).fill(exitTimeStream(seed, 0, 0, 0), out, 0, count);
  return out;
}

describe('Gaussian samplers against the exact CDF', () => {
  it('ziggurat: Kolmogorov–Smirnov on 10^6 draws', () => {
    const t = gaussianZigguratTable();
    const s = exitTimeStream(21, 0, 0, 0);
    const z = new Float64Array(1_000_000);
    for (let k = 0; k < z.length; k++) z[k] = gaussianZiggurat(s, t);
    expect(ksStatistic(z.sort(), normalCdf)).toBeLessThan(KS_CRITICAL_0_001);
  });

  it('polar method: Kolmogorov–Smirnov on 10^6 draws', () => {
    const s = exitTimeStream(22, 0, 0, 0);
    const z = new Float64Array(1_000_000);
    for (let k = 0; k < z.length; k++) z[k] = gaussianPolar(s);
    expect(ksStatistic(z.sort(), normalCdf)).toBeLessThan(KS_CRITICAL_0_001);
  });

  it('builds tables whose layers have equal area v and cover the density', () => {
    // With 256 layers the construction must give Marsaglia and Tsang's published r.
    expect(zigguratTable(gaussianDensity, 256, 2, 6).r).toBeCloseTo(3.6541528853610088, 12);
    const t = gaussianZigguratTable();
    for (let i = 1; i < t.layers; i++) {
      expect(t.x[i] * (t.fx[i + 1] - t.fx[i])).toBeCloseTo(t.v, 15);
      if (i + 1 === t.layers) break; // the top layer has no fast-accept part
      expect(t.xIn[i + 1]).toBeLessThanOrEqual(t.x[i + 1]);
      expect(Math.exp(-0.5 * t.xIn[i + 1] ** 2)).toBeGreaterThanOrEqual(t.fx[i + 1]);
      expect(Math.exp(-0.5 * t.x[i + 1] ** 2)).toBeLessThanOrEqual(t.fx[i + 1]);
    }
    expect(t.fx[t.layers]).toBeGreaterThanOrEqual(1); // the top layer reaches f(0) = 1
    expect(t.fx[t.layers] - 1).toBeLessThan(1e-9);
  });

  it('the block sampler gives the same values however the blocks are cut', () => {
    const { whole, pieces } = fillWholeAndInPieces(new GaussianNoiseSampler({ family: 'gaussian', sigma: 2.5 }, 0.01), 23);
    expect(pieces).toEqual(whole);
  });

  it('block sampler, 10^7 draws: χ² over 60 bins and tail frequencies beyond r, 4.5 and 5', () => {
    const n = 10_000_000;
    const z = blockDraws(n, 24);
    // 60 equal bins on [−6, 6] plus the two outer tails.
    const bins = 60;
    const observed = new Array<number>(bins + 2).fill(0);
    const r = gaussianZigguratTable().r;
    let beyondR = 0;
    let beyond45 = 0;
    let beyond5 = 0;
    for (let k = 0; k < n; k++) {
      const v = z[k];
      const b = v < -6 ? 0 : v >= 6 ? bins + 1 : 1 + Math.min(bins - 1, Math.floor((v + 6) / 0.2));
      observed[b]++;
      const a = Math.abs(v);
      if (a > r) beyondR++;
      if (a > 4.5) beyond45++;
      if (a > 5) beyond5++;
    }
    const edges = [-Infinity, ...Array.from({ length: bins + 1 }, (_, k) => -6 + 0.2 * k), Infinity];
    const cdf = (x: number) => (x === -Infinity ? 0 : x === Infinity ? 1 : normalCdf(x));
    const expected = observed.map((_, k) => n * (cdf(edges[k + 1]) - cdf(edges[k])));
    // The outer tails expect ~10 draws each: pool them with their neighbours.
    const o = [observed[0] + observed[1], ...observed.slice(2, bins), observed[bins] + observed[bins + 1]];
    const e = [expected[0] + expected[1], ...expected.slice(2, bins), expected[bins] + expected[bins + 1]];
    expect(chiSquare(o, e)).toBeLessThan(chiSquareCritical(o.length - 1));
    // Within 4 binomial standard errors: P(|Z| > r) ≈ 2.6e−4, P(|Z| > 4.5) ≈ 6.8e−6 (68 draws),
    // P(|Z| > 5) ≈ 5.7e−7 (5.7 draws).
    expect(binomialZ(beyondR, n, 2 * normalTail(r))).toBeLessThan(4);
    expect(binomialZ(beyond45, n, 2 * normalTail(4.5))).toBeLessThan(4);
    expect(binomialZ(beyond5, n, 2 * normalTail(5))).toBeLessThan(4);
  });
});
