import { describe, expect, it } from 'vitest';
import { exitTimeStream } from '../../../src-main/engine/random/streamKey';
import { stableCms } from '../../../src-main/engine/samplers/stableCms';
import { StableNoiseSampler } from '../../../src-main/engine/samplers/stableNoise';
import { stableTail } from '../../../src-shared/theory/tails/stableTail';
import { stableAbsQuantile } from '../theory/stableSeries';
import { fillWholeAndInPieces } from './fixtures';
import { chiSquare, chiSquareCritical, KS_CRITICAL_0_001, ksStatistic, normalCdf } from './statistics';

function draws(alpha: number, scale: number, n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  new StableNoiseSampler({ family: 'stable', alpha, scale }, 1).fill(exitTimeStream(seed, 0, 0, 0), out, 0, n);
  return out;
}

/** CDF of scale·S from the tail H (Nolan's integral, itself checked against two series in heavyTails.test.ts). */
const stableCdf = (alpha: number, scale: number) => (x: number) => {
  const h = stableTail({ family: 'stable', alpha, scale }, Math.abs(x)) / 2;
  return x >= 0 ? 1 - h : h;
};

describe('symmetric α-stable sampler (Chambers–Mallows–Stuck)', () => {
  // χ² over 50 bins with edges ±sinh(k/4)·scale, 3·10^5 draws, at the 0.1% level: a probability
  // error of 2·10^−3 in one of the central bins (≈ 7 binomial standard errors) is caught.
  it.each([1.2, 1.7])('α = %s: χ² against the CDF from Nolan\'s integral, 3·10^5 draws', (alpha) => {
    const scale = 0.5;
    const n = 300_000;
    const z = draws(alpha, scale, n, 21);
    const cdf = stableCdf(alpha, scale);
    const edges = [-Infinity, ...Array.from({ length: 49 }, (_, k) => scale * Math.sinh((k - 24) / 4)), Infinity];
    const cuts = edges.map((e) => (Number.isFinite(e) ? cdf(e) : e > 0 ? 1 : 0));
    const sorted = z.slice().sort();
    const observed: number[] = [];
    const expected: number[] = [];
    let start = 0;
    for (let b = 0; b + 1 < edges.length; b++) {
      let end = start;
      while (end < n && sorted[end] <= edges[b + 1]) end++;
      observed.push(end - start);
      expected.push(n * (cuts[b + 1] - cuts[b]));
      start = end;
    }
    expect(chiSquare(observed, expected)).toBeLessThan(chiSquareCritical(observed.length - 1));
  });

  it.each([1.3, 1.5, 1.8])('α = %s: the median and 99.95%% quantile of |Z| (from the series, not the integral) within 4 binomial standard errors', (alpha) => {
    const scale = 0.25;
    const n = 200_000;
    const z = draws(alpha, scale, n, 26);
    for (const p of [0.5, 0.9995]) {
      const q = scale * stableAbsQuantile(alpha, p);
      let below = 0;
      for (let k = 0; k < n; k++) if (Math.abs(z[k]) <= q) below++;
      expect(Math.abs(below - n * p)).toBeLessThan(4 * Math.sqrt(n * p * (1 - p)));
    }
  });

  it('α = 1.5: the empirical characteristic function matches exp(−|scale·t|^α) within 4 standard errors', () => {
    const alpha = 1.5;
    const scale = 2;
    const n = 200_000;
    const z = draws(alpha, scale, n, 22);
    const phi = (t: number) => Math.exp(-Math.pow(Math.abs(scale * t), alpha));
    for (const t of [0.05, 0.2, 0.5, 1]) {
      let c = 0;
      let s = 0;
      for (let k = 0; k < n; k++) {
        c += Math.cos(t * z[k]);
        s += Math.sin(t * z[k]);
      }
      // Var cos(tZ) = (1 + φ(2t))/2 − φ(t)², Var sin(tZ) = (1 − φ(2t))/2 for symmetric Z.
      const seCos = Math.sqrt(((1 + phi(2 * t)) / 2 - phi(t) ** 2) / n);
      const seSin = Math.sqrt((1 - phi(2 * t)) / 2 / n);
      expect(Math.abs(c / n - phi(t))).toBeLessThan(4 * seCos);
      expect(Math.abs(s / n)).toBeLessThan(4 * seSin);
    }
  });

  // KS at the 0.1% level on 10^5 draws: any CDF error of sup-distance ≥ 0.011 is caught with
  // probability > 99% (√n·0.011 = 3.5 > 1.949 + 3.09·0.5).
  it('α = 2 is the normal law with variance 2·scale² (Kolmogorov–Smirnov)', () => {
    const scale = 0.3;
    const z = draws(2, scale, 100_000, 23);
    const sd = Math.SQRT2 * scale;
    expect(ksStatistic(z.sort(), (x) => normalCdf(x / sd))).toBeLessThan(KS_CRITICAL_0_001);
  });

  it('the far tail: P(|Z| > x) at x = 30 and 300 (scale 1, α = 1.5) within 4 binomial standard errors', () => {
    const n = 500_000;
    const z = draws(1.5, 1, n, 24);
    for (const x of [30, 300]) {
      let count = 0;
      for (let k = 0; k < n; k++) if (Math.abs(z[k]) > x) count++;
      const p = stableTail({ family: 'stable', alpha: 1.5, scale: 1 }, x);
      expect(Math.abs(count - n * p)).toBeLessThan(4 * Math.sqrt(n * p * (1 - p)));
    }
  });

  it('the block sampler gives the same values however the blocks are cut, and is η·scale·S', () => {
    const sampler = new StableNoiseSampler({ family: 'stable', alpha: 1.4, scale: 0.2 }, 0.01);
    const { whole, pieces } = fillWholeAndInPieces(sampler, 25);
    expect(pieces).toEqual(whole);
    const s = exitTimeStream(25, 0, 0, 0).subarray(0, 4);
    for (let k = 0; k < 10; k++) expect(whole[k]).toBeCloseTo(0.01 * 0.2 * stableCms(s, 1.4), 15);
  });

  it('refuses α outside (1, 2] and a non-positive scale', () => {
    expect(() => new StableNoiseSampler({ family: 'stable', alpha: 1, scale: 1 }, 1)).toThrow(/α/);
    expect(() => new StableNoiseSampler({ family: 'stable', alpha: 2.1, scale: 1 }, 1)).toThrow(/α/);
    expect(() => new StableNoiseSampler({ family: 'stable', alpha: 1.5, scale: 0 }, 1)).toThrow(/scale/);
  });
});
