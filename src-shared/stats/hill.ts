/**
 * Hill's estimator of the tail index (B. M. Hill, "A simple general approach to inference about
 * the tail of a distribution", Ann. Statist. 3, 1975) on |X|: with |X|_(1) ≥ |X|_(2) ≥ … the order
 * statistics and k the number of top ones used,
 *
 *   1/α̂_k = (1/k) Σ_{i ≤ k} log |X|_(i) − log |X|_(k+1).
 *
 * For an exact Pareto tail k/α̂_k·α is Gamma(k, 1), so α̂_k has standard error about α/√k; for a
 * regularly varying tail it is consistent as k → ∞, k/n → 0, with a bias that grows with k. The
 * Hill plot (α̂_k against k) is how one reads off a stable range of k.
 */
export interface HillPoint {
  k: number;
  alpha: number;
  /** α̂_k/√k, the standard error under an exact Pareto tail. */
  standardError: number;
}

/** |x| sorted in decreasing order, zeros and non-finite values dropped (log |x| must exist). */
export function descendingMagnitudes(samples: ArrayLike<number>): Float64Array {
  const m: number[] = [];
  for (let i = 0; i < samples.length; i++) {
    const a = Math.abs(samples[i]);
    if (a > 0 && Number.isFinite(a)) m.push(a);
  }
  return Float64Array.from(m).sort().reverse();
}

/** α̂_k from magnitudes already sorted in decreasing order (descendingMagnitudes). */
export function hillEstimate(descending: Float64Array, k: number): HillPoint {
  if (!(Number.isInteger(k) && k >= 1 && k < descending.length)) {
    throw new RangeError(`Hill's k must be an integer in [1, ${descending.length - 1}], got ${k}`);
  }
  let sum = 0;
  for (let i = 0; i < k; i++) sum += Math.log(descending[i]);
  const inverse = sum / k - Math.log(descending[k]);
  const alpha = 1 / inverse;
  return { k, alpha, standardError: alpha / Math.sqrt(k) };
}

/**
 * The Hill plot: α̂_k at up to `points` values of k, spaced evenly in log k from 2 to n − 1, from
 * one pass of cumulative sums (O(n log n) for the sort, then O(n)).
 */
export function hillPlot(samples: ArrayLike<number>, points = 200): HillPoint[] {
  const x = descendingMagnitudes(samples);
  const n = x.length;
  if (n < 3) return [];
  const ks = new Set<number>();
  const top = n - 1;
  for (let j = 0; j < points; j++) {
    ks.add(Math.min(top, Math.max(2, Math.round(Math.exp((Math.log(top) * j) / Math.max(1, points - 1))))));
  }
  const wanted = [...ks].sort((a, b) => a - b);
  const out: HillPoint[] = [];
  let sum = 0;
  let next = 0;
  for (let k = 1; k <= top && next < wanted.length; k++) {
    sum += Math.log(x[k - 1]);
    if (k === wanted[next]) {
      const inverse = sum / k - Math.log(x[k]);
      const alpha = inverse > 0 ? 1 / inverse : Infinity;
      out.push({ k, alpha, standardError: alpha / Math.sqrt(k) });
      next++;
    }
  }
  return out;
}
