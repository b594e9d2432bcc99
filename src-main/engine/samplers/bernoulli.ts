import { nextU32, type RngState } from '../random/xoshiro128';

/**
 * An exact Bernoulli(p) from 32-bit words: compare an infinitely precise uniform with p one
 * 32-bit digit at a time (the digits of p are exact because p is a double). The first digit
 * decides with probability 1 − 2^−32, so a draw costs one generator output almost always.
 */
export interface BernoulliThreshold {
  /** ⌊p · 2^32⌋: the first digit of p. */
  first: number;
  p: number;
}

export function bernoulliThreshold(p: number): BernoulliThreshold {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be in [0, 1], got ${p}`);
  return { first: Math.floor(p * 0x100000000), p };
}

/** True with probability p, exactly. */
export function bernoulli(s: RngState, t: BernoulliThreshold): boolean {
  const u = nextU32(s);
  if (u !== t.first) return u < t.first;
  return bernoulliTie(s, t.p);
}

/** The uniform's first digit equals p's: continue with the following digits of p. */
export function bernoulliTie(s: RngState, p: number): boolean {
  let rest = p * 0x100000000 - Math.floor(p * 0x100000000);
  for (;;) {
    if (rest === 0) return false;
    const scaled = rest * 0x100000000;
    const digit = Math.floor(scaled);
    const u = nextU32(s);
    if (u !== digit) return u < digit;
    rest = scaled - digit;
  }
}
