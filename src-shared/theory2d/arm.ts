import type { EmpiricalNoise, StableNoise, StudentNoise } from '../model/noiseFamilies';

/**
 * One arm of a 2-D experiment, as plain types (the zod schema at the doors is derived
 * elsewhere). Pareto noise in the plane comes in two shapes: `isotropic` (radius scale·W,
 * W ~ Lomax(α), uniform angle) and `axes` (independent coordinates, each the 1-D Pareto
 * noise); Gaussian noise is σ·N(0, I). Stable, Student-t and measured noise are `axes` only
 * (an isotropic form would need a true multivariate law): independent coordinates, each the
 * 1-D family.
 */
export type Noise2D =
  | { family: 'pareto'; alpha: number; scale?: number; direction: 'isotropic' | 'axes' }
  | { family: 'gaussian'; sigma?: number }
  | ((StableNoise | StudentNoise | EmpiricalNoise) & { direction: 'axes' });

export interface Arm2D {
  label: string;
  noise: Noise2D;
  /** b > 0: norm truncation v ← v·min(1, b/|v|); null: unclipped. */
  clip: number | null;
}
