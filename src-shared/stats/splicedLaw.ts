import { fitGpd, type GpdFit } from './gpdFit';

/**
 * Measured noise turned into a law that can be sampled and whose tail is known beyond the data
 * (peaks over threshold; A. C. Davison and R. L. Smith, "Models for exceedances over high
 * thresholds", JRSS B 52, 1990). From samples z_1 … z_n and a threshold u on |z|:
 * - body: with probability n_b/n, one of the n_b samples with |z| ≤ u, uniformly (the
 *   empirical law below u, signs and all);
 * - tail: with probability n_t/n = 1 − n_b/n, magnitude u + Y with Y from the generalized Pareto
 *   law fitted to the exceedances |z| − u (gpdFit.ts), sign + with the exceedances' own balance
 *   p₊ = n₊/n_t.
 * So P(|Z| > x) = (n_t/n)(1 + ξ(x − u)/σ)^{−1/ξ} for x ≥ u: regularly varying with α = 1/ξ and
 * tail balance p₊, also far beyond the largest sample.
 *
 * Centring: the spliced law's mean is computed exactly,
 *   m = (1/n) Σ_{body} z_i + (n_t/n)(2p₊ − 1)(u + σ/(1 − ξ))   (E Y = σ/(1 − ξ) for ξ < 1),
 * and the noise is Z − m. That needs ξ < 1 (α > 1, finite mean), which is also what the
 * theory needs, so a fitted ξ ≥ 1 is refused.
 */
export interface SplicedLaw {
  /** n: all samples. */
  sampleCount: number;
  /** The body samples (|z| ≤ u), signed, ascending. */
  body: Float64Array;
  /** u. */
  threshold: number;
  /** n_t and n₊ (exceedances with z > u). */
  tailCount: number;
  plusCount: number;
  /** The exceedances |z| − u, ascending (for plots of the data against the fit). */
  exceedances: Float64Array;
  gpd: GpdFit;
  /** m, subtracted from every draw so the noise has mean zero. */
  mean: number;
}

/** Default threshold: this quantile of |z|. */
export const DEFAULT_THRESHOLD_QUANTILE = 0.95;

/** Fewest exceedances of u for which a tail is fitted. */
export const MIN_EXCEEDANCES = 50;

export class SplicedLawError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SplicedLawError';
  }
}

/**
 * The default u: the largest |z| that still leaves ⌈(1 − q)·n⌉ samples strictly above it (ties at
 * the quantile go to the body).
 */
export function defaultThreshold(samples: ArrayLike<number>, quantile = DEFAULT_THRESHOLD_QUANTILE): number {
  const a = Float64Array.from(samples, Math.abs).sort();
  // The 1e−9 keeps rounding from adding a sample: (1 − 0.95)·4000 is 200.00000000000003.
  const above = Math.ceil((1 - quantile) * a.length - 1e-9);
  return a[Math.max(0, a.length - above - 1)];
}

export function buildSplicedLaw(samples: ArrayLike<number>, threshold?: number): SplicedLaw {
  const n = samples.length;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(samples[i])) throw new SplicedLawError(`sample ${i + 1} is not a finite number`);
  }
  const u = threshold ?? defaultThreshold(samples);
  if (!(u >= 0 && Number.isFinite(u))) throw new SplicedLawError(`the threshold must be a finite number ≥ 0, got ${u}`);
  const body: number[] = [];
  const exceedances: number[] = [];
  let plusCount = 0;
  for (let i = 0; i < n; i++) {
    const z = samples[i];
    if (Math.abs(z) <= u) body.push(z);
    else {
      exceedances.push(Math.abs(z) - u);
      if (z > 0) plusCount++;
    }
  }
  const tailCount = exceedances.length;
  if (tailCount < MIN_EXCEEDANCES) {
    throw new SplicedLawError(`only ${tailCount} samples exceed the threshold ${u} in absolute value; at least ${MIN_EXCEEDANCES} are needed to fit the tail (lower the threshold)`);
  }
  const gpd = fitGpd(exceedances);
  if (!(gpd.xi < 1)) {
    throw new SplicedLawError(`the fitted tail index α = 1/ξ = ${(1 / gpd.xi).toPrecision(3)} is ≤ 1: the noise would have no mean, and the model needs α > 1`);
  }
  let bodySum = 0;
  for (const z of body) bodySum += z;
  const pPlus = plusCount / tailCount;
  const tailMeanMagnitude = u + gpd.sigma / (1 - gpd.xi);
  const mean = bodySum / n + (tailCount / n) * (2 * pPlus - 1) * tailMeanMagnitude;
  return {
    sampleCount: n,
    body: Float64Array.from(body).sort(),
    threshold: u,
    tailCount,
    plusCount,
    exceedances: Float64Array.from(exceedances).sort(),
    gpd,
    mean,
  };
}

/** The tail balance p₊ = n₊/n_t of the exceedances. */
export function splicedPPlus(law: SplicedLaw): number {
  return law.plusCount / law.tailCount;
}
