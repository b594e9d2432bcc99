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
  switch (noise.family) {
    case 'pareto':
      return true;
    case 'gaussian':
      return false;
    default:
      return unknownFamily(noise);
  }
}

/**
 * The `default` of every switch over noise families: `noise` is `never` once every family has a
 * case, so a family added to `Noise` fails to compile until each switch handles it.
 */
export function unknownFamily(noise: never): never {
  throw new Error(`unknown noise family ${JSON.stringify((noise as { family?: unknown }).family)}`);
}
