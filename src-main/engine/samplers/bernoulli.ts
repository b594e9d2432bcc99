import { nextU32, type RngState } from '../random/xoshiro128';

/**
 * The tail of an exact Bernoulli(p) drawn from 32-bit words: an infinitely precise uniform is
 * compared with p one 32-bit digit at a time (the digits of p are exact because p is a double).
 * The samplers compare the first word with p's first digit themselves (⌊p·2^32⌋), which decides
 * with probability 1 − 2^−32; only on a tie do they call this, with fresh words, for the rest.
 */
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
