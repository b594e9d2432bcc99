/**
 * Heavy-tailed noise families beside the Pareto one of noise.ts, as parameter records (members of
 * the `Noise` union there); samplers, tails and estimators take them as they are.
 */

/** Symmetric α-stable: characteristic function E e^{itZ} = exp(−|scale·t|^α), 1 < α ≤ 2. */
export interface StableNoise {
  family: 'stable';
  alpha: number;
  scale: number;
}

/** Z = scale·T_ν with T_ν Student's t with ν > 1 degrees of freedom (so the mean, zero, exists). */
export interface StudentNoise {
  family: 'student';
  nu: number;
  scale: number;
}

export function checkStable(noise: StableNoise): void {
  if (!(noise.alpha > 1 && noise.alpha <= 2)) throw new RangeError(`stable α must lie in (1, 2], got ${noise.alpha}`);
  if (!(noise.scale > 0 && Number.isFinite(noise.scale))) throw new RangeError(`stable scale must be > 0, got ${noise.scale}`);
}

export function checkStudent(noise: StudentNoise): void {
  if (!(noise.nu > 1 && Number.isFinite(noise.nu))) throw new RangeError(`Student-t ν must be > 1, got ${noise.nu}`);
  if (!(noise.scale > 0 && Number.isFinite(noise.scale))) throw new RangeError(`Student-t scale must be > 0, got ${noise.scale}`);
}

/**
 * Measured noise: the samples of a content-addressed asset (stored once in the run database),
 * sampled as the spliced law of stats/splicedLaw.ts, centred. `threshold` is u on |z|; absent, the
 * default quantile of |z| (DEFAULT_THRESHOLD_QUANTILE), computed from the samples.
 */
export interface EmpiricalNoise {
  family: 'empirical';
  /** "sha256:" and 64 lowercase hex digits: the hash of the samples (see model/noiseAsset.ts). */
  asset: string;
  threshold?: number;
}
