import type { LogLogFit } from '../../../src-shared/model/results';

/** One point of the exit-time curve as the fit sees it. */
export interface FitPoint {
  eta: number;
  mean: number;
  /** Standard error of `mean` (sd/√samples); it carries into the slope's standard error. */
  stderr: number;
}

/**
 * Ordinary least squares of log(mean σ) on log(1/η). The mean first exit time grows like
 * (1/η)^β_i (Theorem 1), so the slope is the measured exponent β. Null with fewer than two
 * distinct η, since a line through one point says nothing: repeated η would otherwise leave a
 * spread of rounding errors in log(1/η) and a "fit" of pure noise.
 *
 * `slopeStderr` propagates the points' own sampling errors (delta method: log(mean) has standard
 * error ≈ stderr/mean, and the slope is Σ w_k·log(mean_k) with w_k = (x_k − x̄)/Sxx). Unlike the
 * residual-based error it is defined for two η, which is what most sweep cells have, and it is
 * the Monte Carlo error a re-run with another seed would show.
 */
export function logLogFit(points: FitPoint[]): LogLogFit | null {
  const usable = points.filter((p) => p.eta > 0 && p.mean > 0);
  const n = usable.length;
  if (new Set(usable.map((p) => p.eta)).size < 2) return null;
  const x = usable.map((p) => Math.log(1 / p.eta));
  const y = usable.map((p) => Math.log(p.mean));
  const xBar = x.reduce((s, v) => s + v, 0) / n;
  const yBar = y.reduce((s, v) => s + v, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let k = 0; k < n; k++) {
    sxx += (x[k] - xBar) ** 2;
    sxy += (x[k] - xBar) * (y[k] - yBar);
    syy += (y[k] - yBar) ** 2;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = yBar - slope * xBar;
  let ssRes = 0;
  let slopeVariance = 0;
  for (let k = 0; k < n; k++) {
    ssRes += (y[k] - intercept - slope * x[k]) ** 2;
    slopeVariance += ((x[k] - xBar) / sxx) ** 2 * (usable[k].stderr / usable[k].mean) ** 2;
  }
  // A perfectly flat curve is fitted exactly: call that r² = 1 rather than 0/0.
  const r2 = syy === 0 ? 1 : 1 - ssRes / syy;
  return { slope, slopeStderr: Math.sqrt(slopeVariance), intercept, r2, points: n };
}
