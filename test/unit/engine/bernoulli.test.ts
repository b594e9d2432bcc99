import { describe, expect, it } from 'vitest';
import { exitTimeStream } from '../../../src-main/engine/random/streamKey';
import { bernoulliTie } from '../../../src-main/engine/samplers/bernoulli';
import { binomialZ } from './statistics';

describe('exact Bernoulli, digits after the first', () => {
  it.each([0.3, 0.1234567890123, 2 / 3])('after a tie on the first digit of p = %s, is true with probability of the remaining digits', (p) => {
    // Given the first 32-bit digits tied, P(true) = frac(p·2^32), within 4 binomial SE.
    const rest = p * 2 ** 32 - Math.floor(p * 2 ** 32);
    const s = exitTimeStream(31, 0, 0, 0);
    const n = 200_000;
    let hits = 0;
    for (let k = 0; k < n; k++) if (bernoulliTie(s, p)) hits++;
    expect(binomialZ(hits, n, rest)).toBeLessThan(4);
  });

  it('is never true when p has no digits left (p a multiple of 2^−32)', () => {
    const s = exitTimeStream(32, 0, 0, 0);
    for (let k = 0; k < 1000; k++) expect(bernoulliTie(s, 0.5)).toBe(false);
  });
});
