import { describe, expect, it } from 'vitest';
import { exitTimeStream } from '../../../src-main/engine/random/streamKey';
import { StudentNoiseSampler } from '../../../src-main/engine/samplers/studentNoise';
import { studentTail } from '../../../src-shared/theory/tails/studentTail';
import { fillWholeAndInPieces } from './fixtures';
import { KS_CRITICAL_0_001, ksStatistic } from './statistics';

function draws(nu: number, scale: number, n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  new StudentNoiseSampler({ family: 'student', nu, scale }, 1).fill(exitTimeStream(seed, 0, 0, 0), out, 0, n);
  return out;
}

// KS at the 0.1% level: on n draws any CDF error of sup-distance ≥ 3.5/√n is caught with
// probability > 99% (3.5 > 1.949 + 3.09·0.5): 0.008 at n = 2·10^5, 0.011 at n = 10^5.
describe('Student-t sampler (Bailey\'s polar method)', () => {
  it('ν = 3: Kolmogorov–Smirnov on 2·10^5 draws against the closed-form CDF', () => {
    // F(t) = 1/2 + (1/π)(t/(√3 (1 + t²/3)) + atan(t/√3)), independent of the sampler and of @stdlib.
    const cdf = (t: number) => 0.5 + (t / (Math.sqrt(3) * (1 + (t * t) / 3)) + Math.atan(t / Math.sqrt(3))) / Math.PI;
    const z = draws(3, 1, 200_000, 31);
    expect(ksStatistic(z.sort(), cdf)).toBeLessThan(KS_CRITICAL_0_001);
  });

  it.each([1.2, 7])('ν = %s, scale 0.4: Kolmogorov–Smirnov on 10^5 draws against the incomplete-beta CDF', (nu) => {
    const scale = 0.4;
    const cdf = (x: number) => {
      const h = studentTail({ family: 'student', nu, scale }, Math.abs(x)) / 2;
      return x >= 0 ? 1 - h : h;
    };
    const z = draws(nu, scale, 100_000, 32);
    expect(ksStatistic(z.sort(), cdf)).toBeLessThan(KS_CRITICAL_0_001);
  });

  it('ν = 1.5: far-tail frequencies P(|Z| > x) within 4 binomial standard errors', () => {
    const n = 500_000;
    const z = draws(1.5, 1, n, 33);
    for (const x of [10, 100, 1000]) {
      let count = 0;
      for (let k = 0; k < n; k++) if (Math.abs(z[k]) > x) count++;
      const p = studentTail({ family: 'student', nu: 1.5, scale: 1 }, x);
      expect(Math.abs(count - n * p)).toBeLessThan(4 * Math.sqrt(n * p * (1 - p)));
    }
  });

  it('the block sampler gives the same values however the blocks are cut', () => {
    const { whole, pieces } = fillWholeAndInPieces(new StudentNoiseSampler({ family: 'student', nu: 2.5, scale: 0.1 }, 0.02), 34);
    expect(pieces).toEqual(whole);
  });

  it('refuses ν ≤ 1 (no mean) and a non-positive scale', () => {
    expect(() => new StudentNoiseSampler({ family: 'student', nu: 1, scale: 1 }, 1)).toThrow(/ν/);
    expect(() => new StudentNoiseSampler({ family: 'student', nu: 3, scale: -1 }, 1)).toThrow(/scale/);
  });
});
