import { gpdSurvival } from '../../stats/gpdFit';
import { splicedPPlus, type SplicedLaw } from '../../stats/splicedLaw';
import type { RegularVariation } from './regularVariation';

/**
 * H(x) = P(|Z − m| > x) for the centred spliced law of splicedLaw.ts, exactly: the body's share
 * counts the body samples with z − m > x or z − m < −x (two binary searches in the sorted body),
 * the tail's share is (n_t/n)[p₊ S(x + m − u) + (1 − p₊) S(x − m − u)], S the fitted GPD's
 * survival function (S = 1 for negative arguments: every tail draw exceeds u).
 */
export function splicedTail(law: SplicedLaw, x: number): number {
  const n = law.sampleCount;
  const m = law.mean;
  const ax = Math.abs(x);
  const body = law.body;
  const bodyCount = countAbove(body, m + ax) + countBelow(body, m - ax);
  const pPlus = splicedPPlus(law);
  const { xi, sigma } = law.gpd;
  const tail = pPlus * gpdSurvival(xi, sigma, ax + m - law.threshold) + (1 - pPlus) * gpdSurvival(xi, sigma, ax - m - law.threshold);
  return bodyCount / n + (law.tailCount / n) * tail;
}

/** Index 1/ξ and the exceedances' balance; null when the fitted tail is not a power law (ξ ≤ 0). */
export function splicedRegularVariation(law: SplicedLaw): RegularVariation | null {
  return law.gpd.xi > 0 ? { alpha: 1 / law.gpd.xi, pPlus: splicedPPlus(law) } : null;
}

/** How many of the ascending values are > v. */
function countAbove(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] > v) hi = mid;
    else lo = mid + 1;
  }
  return sorted.length - lo;
}

/** How many of the ascending values are < v. */
function countBelow(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
