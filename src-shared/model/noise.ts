/** Noise Z, iid and centred. */
export interface ParetoNoise {
  family: 'pareto';
  /** Tail index α > 1: P(W > w) = (1 + w)^−α, W ~ Lomax(α). */
  alpha: number;
  scale: number;
  /** P(U = +1); p₋ = 1 − p₊. */
  pPlus: number;
}

export interface GaussianNoise {
  family: 'gaussian';
  sigma: number;
}

export type Noise = ParetoNoise | GaussianNoise;

/** Z = scale · (U·W − (2p₊ − 1)/(α − 1)) has mean zero because E W = 1/(α − 1). */
export function paretoShift(noise: ParetoNoise): number {
  return (2 * noise.pPlus - 1) / (noise.alpha - 1);
}

export function isHeavyTailed(noise: Noise): noise is ParetoNoise {
  return noise.family === 'pareto';
}
