import type { ExitTimePoint } from '../../src-shared/model';

export interface LineFit {
  slope: number;
  intercept: number;
  /** Centroid of the fitted points in (log10 x, log10 y): the least-squares line passes through it. */
  cx: number;
  cy: number;
  points: number;
}

/** Points that enter the exponent fit: some samples, none censored, positive mean. */
export function fittablePoints(points: readonly ExitTimePoint[]): ExitTimePoint[] {
  return points.filter((p) => p.samples > 0 && p.censored === 0 && p.mean > 0);
}

/**
 * Least squares of log10(mean σ) on log10(1/η): the slope is the measured exponent (any log base
 * gives the same slope). Null with fewer than two distinct η.
 */
export function logLogFit(points: readonly ExitTimePoint[]): LineFit | null {
  const pts = fittablePoints(points).map((p) => [Math.log10(1 / p.eta), Math.log10(p.mean)] as const);
  if (pts.length < 2) return null;
  const cx = pts.reduce((s, p) => s + p[0], 0) / pts.length;
  const cy = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  let sxx = 0;
  let sxy = 0;
  for (const [x, y] of pts) {
    sxx += (x - cx) ** 2;
    sxy += (x - cx) * (y - cy);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: cy - slope * cx, cx, cy, points: pts.length };
}
