import { uniformPositive, type RngState } from '../random/xoshiro128';

/**
 * Lomax(α) by inversion: P(W > w) = (1 + w)^−α, so W = U^(−1/α) − 1 with U uniform on (0, 1]
 * (Devroye, "Non-Uniform Random Variate Generation", 1986, §II.2). U is k·2^−53, k = 1 … 2^53,
 * so the tail is exact down to probability 2^−53. The reference sampler; the kernels use the
 * ziggurat in lomaxZiggurat.ts, which falls back to this same inversion in its tail.
 */
export function lomaxInversion(s: RngState, alpha: number): number {
  return Math.pow(uniformPositive(s), -1 / alpha) - 1;
}
