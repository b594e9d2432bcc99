import { gpdSurvival } from './gpdFit';
import type { SplicedLaw } from './splicedLaw';

/**
 * The log-log survival plot of measured noise against its fitted tail: how well the GPD spliced
 * above u follows the data, and where it takes over beyond them. Both curves are of the law as
 * measured (before the centring shift m), so the data points are the samples' own |z|.
 */
export interface SurvivalPoint {
  x: number;
  survival: number;
}

export interface SurvivalPlot {
  /** (|z|_(i), i/n): the empirical P(|Z| ≥ x) at up to `points` order statistics, log-spaced in i. */
  data: SurvivalPoint[];
  /** (x, (n_t/n)·S_GPD(x − u)) from u to ten times the largest |z|, log-spaced in x. */
  fitted: SurvivalPoint[];
}

export function survivalPlot(samples: ArrayLike<number>, law: SplicedLaw, points = 100): SurvivalPlot {
  const a = Float64Array.from(samples, Math.abs).sort().reverse();
  const n = a.length;
  const data: SurvivalPoint[] = [];
  const seen = new Set<number>();
  for (let j = 0; j < points && n > 0; j++) {
    const i = Math.max(1, Math.min(n, Math.round(Math.exp((Math.log(n) * j) / Math.max(1, points - 1)))));
    if (seen.has(i) || !(a[i - 1] > 0)) continue;
    seen.add(i);
    data.push({ x: a[i - 1], survival: i / n });
  }
  const fitted: SurvivalPoint[] = [];
  const u = law.threshold;
  const top = 10 * (n > 0 ? a[0] : u);
  const from = u > 0 ? u : top * 1e-6;
  const share = law.tailCount / law.sampleCount;
  for (let j = 0; j < points; j++) {
    const x = from * Math.pow(top / from, j / Math.max(1, points - 1));
    fitted.push({ x, survival: share * gpdSurvival(law.gpd.xi, law.gpd.sigma, x - u) });
  }
  return { data, fitted };
}
