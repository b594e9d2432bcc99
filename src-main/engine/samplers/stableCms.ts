import { nextU32, TWO_POW_M53, uniformPositive, type RngState } from '../random/xoshiro128';

/**
 * Standard symmetric α-stable S, E e^{itS} = exp(−|t|^α), by the method of J. M. Chambers,
 * C. L. Mallows and B. W. Stuck, "A method for simulating stable random variables", JASA 71
 * (1976), in the form of R. Weron, "On the Chambers–Mallows–Stuck method for simulating skewed
 * stable random variables", Stat. Probab. Letters 28 (1996), eq. (3.3) with β = 0:
 *
 *   S = sin(αV) / (cos V)^{1/α} · (cos((1 − α)V) / W)^{(1 − α)/α},
 *
 * V uniform on (−π/2, π/2), W standard exponential, independent. Exact for every α ∈ (0, 2];
 * α = 2 gives 2·√W·sin V, a normal with variance 2.
 *
 * V sits on the midpoints (k + 1/2)·2^−53·π − π/2 of a 53-bit grid, so it never reaches ±π/2 and
 * stays symmetric; W = −log U with U on (0, 1] as in xoshiro128.ts (W = 0 has probability 2^−53
 * and then S = 0, no NaN).
 */
export function stableCms(s: RngState, alpha: number): number {
  const k = (nextU32(s) >>> 5) * 67108864 + (nextU32(s) >>> 6);
  const v = Math.PI * ((k + 0.5) * TWO_POW_M53 - 0.5);
  const w = -Math.log(uniformPositive(s));
  const cosV = Math.cos(v);
  return (Math.sin(alpha * v) / Math.pow(cosV, 1 / alpha)) * Math.pow(Math.cos((1 - alpha) * v) / w, (1 - alpha) / alpha);
}
