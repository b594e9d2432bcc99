import type { ExitTimeConfig } from '../../../src-shared/model/config';
import { unknownFamily, type Noise } from '../../../src-shared/model/noise';

/** The theory's mean first exit time 1/(q_i λ_i(η)) for (arm, η index), or null when it has none. */
export type MeanExitPrediction = (arm: number, etaIndex: number) => number | null;

/** Mean σ measured so far in (arm, η index), or null before its first sample. */
export type MeasuredMeanExit = (arm: number, etaIndex: number) => number | null;

/**
 * Best guess of the mean first exit time σ of one (arm, η), in iterations, capped at
 * maxIterations (a sample never runs longer). In order of trust: the running mean of the
 * samples done; the theory's 1/(q λ(η)); the nearest η of the same arm that has samples,
 * scaled by (η'/η)^γ; (1/η)^γ. γ = α for heavy tails (Theorem 1's exponent with l* = 1, a lower
 * bound), 2 for Gaussian noise, whose exit times grow faster than any power and are
 * hopeless to guess. Only progress and chunk sizes use it; no result depends on it.
 */
export function estimateMeanExit(
  config: ExitTimeConfig,
  arm: number,
  etaIndex: number,
  measured: MeasuredMeanExit,
  prediction?: MeanExitPrediction,
): number {
  const cap = (v: number) => Math.min(config.maxIterations, Math.max(1, v));
  const own = measured(arm, etaIndex);
  if (own !== null) return cap(own);
  const predicted = prediction?.(arm, etaIndex) ?? null;
  if (predicted !== null && Number.isFinite(predicted) && predicted > 0) return cap(predicted);
  const noise = config.arms[arm].noise;
  const gamma = meanExitExponent(noise);
  const eta = config.etas[etaIndex];
  let nearest: { eta: number; mean: number } | null = null;
  config.etas.forEach((other, e) => {
    const mean = e === etaIndex ? null : measured(arm, e);
    if (mean === null) return;
    if (!nearest || Math.abs(Math.log(other / eta)) < Math.abs(Math.log(nearest.eta / eta))) nearest = { eta: other, mean };
  });
  const from = nearest as { eta: number; mean: number } | null;
  if (from) return cap(from.mean * (from.eta / eta) ** gamma);
  return cap((1 / eta) ** gamma);
}

/**
 * γ in the guess mean σ ∝ η^−γ before anything is measured: α for a Pareto tail (the theory's
 * order for l* = 1), 2 for light tails, whose exits are far rarer still; chunk sizes adapt from
 * the first finished chunk on, so only the first chunk of a group depends on it.
 */
function meanExitExponent(noise: Noise): number {
  switch (noise.family) {
    case 'pareto':
      return noise.alpha;
    case 'gaussian':
      return 2;
    default:
      return unknownFamily(noise);
  }
}
