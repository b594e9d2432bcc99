import type { Noise } from '../model/noise';
import { tail } from './noiseTail';

/**
 * λ_i(η) = H(1/η) · (H(1/η)/η)^(l*_i − 1) (eq. 6): the rate, per iteration, at which SGD
 * leaves Ω_i, up to the constant q_i. H is the noise's exact tail P(|Z| > ·).
 */
export function timeScale(noise: Noise, eta: number, lStar: number): number {
  const h = tail(noise, 1 / eta);
  return h * Math.pow(h / eta, lStar - 1);
}

/** Theorem 1(1): q_i λ_i(η) σ_i(η) → Exp(1), so E σ_i ≈ 1 / (q_i λ_i(η)) iterations. */
export function predictedMeanExit(q: number, lambda: number): number {
  return 1 / (q * lambda);
}

/** Theorem 1(2): P(exit lands in Ω_j) → q_ij / q_i. */
export function exitProbabilities(q: number, qTo: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [j, qij] of Object.entries(qTo)) out[j] = q > 0 ? qij / q : 0;
  return out;
}
