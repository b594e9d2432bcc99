/**
 * xoshiro128** 1.1 (D. Blackman and S. Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 47(4), 2021; https://prng.di.unimi.it/xoshiro128starstar.c).
 * 128 bits of state in four 32-bit words, period 2^128 − 1, all output bits of full quality.
 * Chosen because every operation is 32-bit (Math.imul, shifts), which V8 compiles to plain
 * integer instructions; a 64-bit generator would need BigInt.
 *
 * The state lives in an Int32Array(4) so a kernel can keep it in a typed array (no boxing) and a
 * long path can hand it to its next chunk unchanged. Hot kernels copy the four words into locals
 * and inline the same steps; `nextU32` here is the reference they must agree with.
 */
export type RngState = Int32Array;

export const RNG_WORDS = 4;

/** One output as an unsigned 32-bit integer; advances the state. */
export function nextU32(s: RngState): number {
  const s0 = s[0];
  const s1 = s[1];
  const s2 = s[2] ^ s0;
  const s3 = s[3] ^ s1;
  const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
  const t = s1 << 9;
  s[0] = s0 ^ s3;
  s[1] = s1 ^ s2;
  s[2] = s2 ^ t;
  s[3] = rotl(s3, 11);
  return r;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** 2^−53 and 2^26: a 53-bit uniform is built from the top 27 and 26 bits of two outputs. */
export const TWO_POW_M53 = 1.1102230246251565e-16;
const TWO_POW_26 = 67108864;

/** U = k·2^−53 with k uniform on 0 … 2^53 − 1: every double of that grid in [0, 1), equally likely. */
export function uniform53(s: RngState): number {
  const a = nextU32(s) >>> 5;
  const b = nextU32(s) >>> 6;
  return (a * TWO_POW_26 + b) * TWO_POW_M53;
}

/**
 * U on (0, 1]: 1 − uniform53, i.e. k·2^−53 with k = 1 … 2^53. Inversion of a heavy tail needs
 * this end: P(U ≤ u) = u exactly down to u = 2^−53, so nothing of the tail is cut off above
 * the quantile 2^−53 (for Lomax(1.2), W up to about 1.6·10^13).
 */
export function uniformPositive(s: RngState): number {
  return 1 - uniform53(s);
}
