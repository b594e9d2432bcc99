import { describe, expect, it } from 'vitest';
import { exitTimeStream } from '../../../src-main/engine/random/streamKey';
import { SplicedNoiseSampler } from '../../../src-main/engine/samplers/splicedNoise';
import { studentPolar } from '../../../src-main/engine/samplers/studentPolar';
import { buildSplicedLaw, defaultThreshold, MIN_EXCEEDANCES, SplicedLawError } from '../../../src-shared/stats/splicedLaw';
import { splicedRegularVariation, splicedTail } from '../../../src-shared/theory/tails/splicedTail';
import { fillWholeAndInPieces } from '../engine/fixtures';

/** Measured-noise stand-in: 2 + T_ν·0.5 (off-centre on purpose), or with the positive half stretched. */
function measured(nu: number, n: number, seed: number, stretchPositive = 1): Float64Array {
  const s = exitTimeStream(seed, 0, 0, 0).subarray(0, 4);
  return Float64Array.from({ length: n }, () => {
    const t = studentPolar(s, nu);
    return 2 + 0.5 * (t > 0 ? stretchPositive * t : t);
  });
}

function draws(law: ReturnType<typeof buildSplicedLaw>, n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  new SplicedNoiseSampler(law, 1).fill(exitTimeStream(seed, 0, 0, 0), out, 0, n);
  return out;
}

describe('the spliced empirical law', () => {
  it('default threshold: ⌈5%⌉ of the samples lie above it', () => {
    const z = measured(3, 4000, 61);
    const u = defaultThreshold(z);
    expect(z.filter((v) => Math.abs(v) > u).length).toBe(200);
    const law = buildSplicedLaw(z);
    expect(law.threshold).toBe(u);
    expect(law.tailCount).toBe(200);
    expect(law.body.length + law.tailCount).toBe(4000);
  });

  it('Student-t data with ν = 3: the fitted tail index is 3 within 4 standard errors (20,000 exceedances)', () => {
    // ξ̂ of the exceedances of |T_3| over a high threshold; the GPD limit has ξ = 1/3, and at the
    // 90% quantile the remaining bias is well inside the error bar.
    const law = buildSplicedLaw(measured(3, 200_000, 62).map((v) => v - 2), undefined);
    expect(Math.abs(law.gpd.xi - 1 / 3)).toBeLessThan(4 * law.gpd.xiStandardError);
    const rv = splicedRegularVariation(law);
    expect(rv?.pPlus).toBeCloseTo(law.plusCount / law.tailCount, 12);
    expect(Math.abs((rv?.pPlus ?? 0) - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / law.tailCount));
  });

  it('the sampler has mean zero (ν = 5: finite variance; within 4 standard errors of 10^6 draws)', () => {
    const law = buildSplicedLaw(measured(5, 5000, 63, 1.5));
    expect(law.mean).not.toBe(0);
    const z = draws(law, 1_000_000, 64);
    let s = 0;
    let s2 = 0;
    for (const v of z) {
      s += v;
      s2 += v * v;
    }
    const n = z.length;
    const mean = s / n;
    const sd = Math.sqrt(s2 / n - mean * mean);
    expect(Math.abs(mean)).toBeLessThan((4 * sd) / Math.sqrt(n));
  });

  it('draws follow H(x) = P(|Z| > x) of splicedTail.ts in the body, the tail and beyond the largest sample', () => {
    const raw = measured(2, 3000, 65, 2);
    const law = buildSplicedLaw(raw);
    const largest = Math.max(...raw.map(Math.abs));
    const n = 1_000_000;
    const z = draws(law, n, 66);
    for (const x of [0.1, 0.5, 1, law.threshold, 2 * law.threshold, largest, 3 * largest]) {
      let count = 0;
      for (let k = 0; k < n; k++) if (Math.abs(z[k]) > x) count++;
      const p = splicedTail(law, x);
      expect(p).toBeGreaterThan(0);
      expect(Math.abs(count - n * p)).toBeLessThan(4 * Math.sqrt(n * p * (1 - p)) + 1);
    }
    // Tail draws keep the exceedances' sign balance: the positive half was stretched, so p₊ > 1/2.
    let plus = 0;
    let tail = 0;
    for (let k = 0; k < n; k++) {
      if (Math.abs(z[k] + law.mean) > law.threshold) {
        tail++;
        if (z[k] + law.mean > 0) plus++;
      }
    }
    const pPlus = law.plusCount / law.tailCount;
    expect(pPlus).toBeGreaterThan(0.6);
    expect(Math.abs(plus - tail * pPlus)).toBeLessThan(4 * Math.sqrt(tail * pPlus * (1 - pPlus)));
  });

  it('body draws are the samples themselves (shifted by the mean)', () => {
    const law = buildSplicedLaw(measured(3, 2000, 67));
    const z = draws(law, 2000, 68);
    const body = new Set(Array.from(law.body, (v) => v - law.mean));
    const inBody = Array.from(z).filter((v) => Math.abs(v + law.mean) <= law.threshold);
    expect(inBody.length).toBeGreaterThan(1800);
    for (const v of inBody) expect(body.has(v)).toBe(true);
  });

  it('the block sampler gives the same values however the blocks are cut', () => {
    const law = buildSplicedLaw(measured(3, 2000, 69));
    const { whole, pieces } = fillWholeAndInPieces(new SplicedNoiseSampler(law, 0.05), 70);
    expect(pieces).toEqual(whole);
  });

  it('refuses a fitted tail index ≤ 1 (Student-t with ν = 0.7 has no mean)', () => {
    expect(() => buildSplicedLaw(measured(0.7, 5000, 71))).toThrow(/tail index α = 1\/ξ = .* ≤ 1/);
  });

  it('refuses too few exceedances and non-finite samples', () => {
    const z = measured(3, 2000, 72);
    const sorted = Float64Array.from(z, Math.abs).sort();
    const u = sorted[sorted.length - MIN_EXCEEDANCES]; // leaves MIN_EXCEEDANCES − 1 above
    expect(() => buildSplicedLaw(z, u)).toThrow(SplicedLawError);
    expect(() => buildSplicedLaw([...z, NaN])).toThrow(/sample 2001/);
  });
});
