import type { ExitTimeConfig } from '../../../src-shared/model/config';
import { unknownFamily, type Noise } from '../../../src-shared/model/noise';
import { regularVariation } from '../../../src-shared/theory/noiseTail';

/** What the estimate reads of an exit-time config, on the line or in the plane. */
export type ExitTimeShape = Pick<ExitTimeConfig, 'maxIterations' | 'etas'> & { arms: readonly { noise: Noise }[] };

/** The theory's mean first exit time 1/(q_i λ_i(η)) for (arm, η index), or null when it has none. */
export type MeanExitPrediction = (arm: number, etaIndex: number) => number | null;

/** Mean σ measured so far in (arm, η index), or null before its first sample. */
export type MeasuredMeanExit = (arm: number, etaIndex: number) => number | null;

/**
 * Best guess of the mean first exit time σ of one (arm, η), in iterations, capped at
 * maxIterations (a sample never runs longer). In order of trust: the running mean of the
 * samples done; the theory's 1/(q λ(η)); the nearest η of the same arm that has samples,
 * scaled by (η'/η)^γ; (1/η)^γ. γ = the family's own tail index α for heavy tails (Theorem 1's
 * exponent with l* = 1, a lower bound; see growthExponent), 2 for Gaussian noise, whose exit
 * times grow faster than any power and are hopeless to guess. Only progress and chunk sizes use
 * it; no result depends on it.
 */
export function estimateMeanExit(
  config: ExitTimeShape,
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
  const gamma = growthExponent(config.arms[arm].noise);
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

/** γ of estimateMeanExit: each family's own tail index (stable α, Student-t ν, the fitted 1/ξ). */
export function growthExponent(noise: Noise): number {
  switch (noise.family) {
    case 'pareto':
      return noise.alpha;
    case 'gaussian':
      return 2;
    case 'stable':
    case 'student':
    case 'empirical':
      try {
        return regularVariation(noise)?.alpha ?? 2;
      } catch {
        // Measured noise whose samples this thread lacks: a guess only steers progress and chunk sizes.
        return 2;
      }
    default:
      return unknownFamily(noise);
  }
}
