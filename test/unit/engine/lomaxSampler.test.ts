import { describe, expect, it } from 'vitest';
import { exitTimeStream } from '../../../src-main/engine/random/streamKey';
import { nextU32 } from '../../../src-main/engine/random/xoshiro128';
import { lomaxInversion } from '../../../src-main/engine/samplers/lomaxInversion';
import { lomaxWedge, lomaxZiggurat, lomaxZigguratTable } from '../../../src-main/engine/samplers/lomaxZiggurat';
import { ParetoNoiseSampler } from '../../../src-main/engine/samplers/paretoNoise';
import { fillWholeAndInPieces } from './fixtures';
import { binomialZ, chiSquare, chiSquareCritical, KS_CRITICAL_0_001, ksStatistic } from './statistics';

/** Exact Lomax(α): P(W > w) = (1 + w)^−α. */
const survival = (w: number, alpha: number) => (w <= 0 ? 1 : Math.pow(1 + w, -alpha));
const cdf = (alpha: number) => (w: number) => 1 - survival(w, alpha);

/** How many generator steps took state `from` to state `to` (at most 64). */
function countWords(from: Int32Array, to: Int32Array): number {
  const s = Int32Array.from(from);
  for (let k = 0; k <= 64; k++) {
    if (s[0] === to[0] && s[1] === to[1] && s[2] === to[2] && s[3] === to[3]) return k;
    nextU32(s);
  }
  return -1;
}

function advance(from: Int32Array, words: number): Int32Array {
  const s = Int32Array.from(from);
  for (let k = 0; k < words; k++) nextU32(s);
  return s;
}

/** |η Z| / (η scale) from the production sampler with p₊ = 1/2 (no shift): W itself, with its sign. */
function paretoDraws(alpha: number, count: number, seed: number, pPlus = 0.5): Float64Array {
  const sampler = new ParetoNoiseSampler({ family: 'pareto', alpha, scale: 1, pPlus }, 1);
  const out = new Float64Array(count);
  sampler.fill(exitTimeStream(seed, 0, 0, 0), out, 0, count);
  return out;
}

describe('Lomax samplers against the exact CDF', () => {
  // KS on 10^6 draws: the 0.1% critical value of √n·D is 1.949.
  it.each([1.2, 1.5, 3])('ziggurat, α = %s: Kolmogorov–Smirnov on 10^6 draws', (alpha) => {
    const t = lomaxZigguratTable(alpha);
    const s = exitTimeStream(11, 0, 0, 0);
    const w = new Float64Array(1_000_000);
    for (let k = 0; k < w.length; k++) w[k] = lomaxZiggurat(s, t);
    expect(ksStatistic(w.sort(), cdf(alpha))).toBeLessThan(KS_CRITICAL_0_001);
  });

  it.each([1.2, 3])('α = %s: the wedge squeeze decides exactly as comparing with f itself', (alpha) => {
    const t = lomaxZigguratTable(alpha);
    const s = exitTimeStream(16, 0, 0, 0);
    const pick = exitTimeStream(17, 0, 0, 0);
    let disagreements = 0;
    for (let k = 0; k < 200_000; k++) {
      const i = 1 + (nextU32(pick) % (t.layers - 1));
      // w anywhere in the wedge [xIn[i+1], x[i]]
      const w = t.xIn[i + 1] + (nextU32(pick) / 2 ** 32) * (t.x[i] - t.xIn[i + 1]);
      const copy = Int32Array.from(s.subarray(0, 4));
      const decided = lomaxWedge(s, t, i, w);
      const u = ((nextU32(copy) >>> 5) * 67108864 + (nextU32(copy) >>> 6)) / 2 ** 53;
      const y = t.fx[i] + u * (t.fx[i + 1] - t.fx[i]);
      if (decided !== y < alpha * Math.pow(1 + w, -alpha - 1)) disagreements++;
    }
    expect(disagreements).toBe(0);
  });

  it('inversion, α = 1.2: Kolmogorov–Smirnov on 10^6 draws', () => {
    const s = exitTimeStream(12, 0, 0, 0);
    const w = new Float64Array(1_000_000);
    for (let k = 0; k < w.length; k++) w[k] = lomaxInversion(s, 1.2);
    expect(ksStatistic(w.sort(), cdf(1.2))).toBeLessThan(KS_CRITICAL_0_001);
  });

  it.each([0.5, 0.3])('the block sampler (p₊ = %s) gives the same values however the blocks are cut', (pPlus) => {
    const { whole, pieces } = fillWholeAndInPieces(new ParetoNoiseSampler({ family: 'pareto', alpha: 1.2, scale: 0.1, pPlus }, 0.01), 13);
    expect(pieces).toEqual(whole);
  });

  it('the block sampler\'s fast first attempts are the reference ziggurat\'s draws', () => {
    // Both read the same two main-stream words per attempt; where the reference needs no
    // rejection or tail step (about 99% of draws) the values agree exactly.
    const t = lomaxZigguratTable(1.2);
    const draws = Array.from(paretoDraws(1.2, 1000, 13), Math.abs);
    const s = exitTimeStream(13, 0, 0, 0);
    let agree = 0;
    for (let k = 0; k < 1000; k++) {
      const copy = Int32Array.from(s.subarray(0, 4));
      const w = lomaxZiggurat(s, t);
      const words = countWords(copy, s);
      if (words === 2) {
        expect(draws[k]).toBe(w);
        agree++;
      } else {
        s.set(advance(copy, 2)); // the block sampler moved on after one attempt
      }
    }
    expect(agree).toBeGreaterThan(970);
  });

  it('block sampler, α = 1.2, 10^7 draws: χ² over log-spaced bins and far-tail frequencies', () => {
    const alpha = 1.2;
    const n = 10_000_000;
    const z = paretoDraws(alpha, n, 14);
    // Bins with edges 0 and 10^(k/4) − 1 for k = 1 … 40 (up to 10^10 − 1), then the rest.
    const edges = [0, ...Array.from({ length: 40 }, (_, k) => 10 ** ((k + 1) / 4) - 1), Infinity];
    const observed = new Array<number>(edges.length - 1).fill(0);
    const exceed = { r: 0, '1e2': 0, '1e4': 0, '1e6': 0 };
    const r = lomaxZigguratTable(alpha).r;
    let plus = 0;
    for (let k = 0; k < n; k++) {
      const w = Math.abs(z[k]);
      if (z[k] > 0) plus++;
      let b = Math.floor(4 * Math.log10(1 + w));
      if (b > 40) b = 40;
      // guard the rounding of log10 at the edges
      while (b > 0 && w < edges[b]) b--;
      while (w >= edges[b + 1]) b++;
      observed[b]++;
      if (w > r) exceed.r++;
      if (w > 1e2) exceed['1e2']++;
      if (w > 1e4) exceed['1e4']++;
      if (w > 1e6) exceed['1e6']++;
    }
    const expected = observed.map((_, k) => n * (survival(edges[k], alpha) - survival(edges[k + 1], alpha)));
    // Pool the far bins until each expects at least 20 draws (χ² needs moderate expectations).
    const o: number[] = [];
    const e: number[] = [];
    for (let k = 0; k < observed.length; k++) {
      if (e.length > 0 && e[e.length - 1] < 20) {
        o[o.length - 1] += observed[k];
        e[e.length - 1] += expected[k];
      } else {
        o.push(observed[k]);
        e.push(expected[k]);
      }
    }
    expect(chiSquare(o, e)).toBeLessThan(chiSquareCritical(o.length - 1));
    // Tail frequencies: each within 4 binomial standard errors of n·P(W > w).
    // P(W > 10^4) ≈ 1.6e−5 (≈ 158 draws), P(W > 10^6) ≈ 6.3e−8 (≈ 0.6 draws: only a sanity bound).
    expect(binomialZ(exceed.r, n, survival(r, alpha))).toBeLessThan(4);
    expect(binomialZ(exceed['1e2'], n, survival(1e2, alpha))).toBeLessThan(4);
    expect(binomialZ(exceed['1e4'], n, survival(1e4, alpha))).toBeLessThan(4);
    expect(exceed['1e6']).toBeLessThan(8);
    expect(binomialZ(plus, n, 0.5)).toBeLessThan(4);
  });

  it('block sampler with p₊ = 0.3: the sign is Bernoulli(p₊) and independent of |W|', () => {
    const n = 1_000_000;
    const sampler = new ParetoNoiseSampler({ family: 'pareto', alpha: 1.5, scale: 1, pPlus: 0.3 }, 1);
    const out = new Float64Array(n);
    sampler.fill(exitTimeStream(15, 0, 0, 0), out, 0, n);
    const shift = (2 * 0.3 - 1) / (1.5 - 1); // Z = U·W − shift
    const plus: number[] = [];
    const minus: number[] = [];
    for (const v of out) {
      const u = v + shift;
      if (u > 0) plus.push(u);
      else minus.push(-u);
    }
    expect(binomialZ(plus.length, n, 0.3)).toBeLessThan(4);
    expect(ksStatistic(Float64Array.from(plus).sort(), cdf(1.5))).toBeLessThan(KS_CRITICAL_0_001);
    expect(ksStatistic(Float64Array.from(minus).sort(), cdf(1.5))).toBeLessThan(KS_CRITICAL_0_001);
  });
});
