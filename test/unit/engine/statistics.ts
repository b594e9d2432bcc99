/**
 * Statistics helpers for the engine tests, written independently of the code under test.
 * Goodness-of-fit thresholds are the 0.1% critical values, so a correct sampler fails a given
 * test with probability 10^−3 for a random seed; with the fixed seeds used here the outcome is fixed.
 */

/** Kolmogorov–Smirnov: √n · sup |F_n − F| for sorted data; the 0.1% critical value is 1.949. */
export const KS_CRITICAL_0_001 = 1.949;

export function ksStatistic(sorted: Float64Array, cdf: (x: number) => number): number {
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  return Math.sqrt(n) * d;
}

/** Pearson's χ² of observed counts against expected counts. */
export function chiSquare(observed: number[], expected: number[]): number {
  let s = 0;
  for (let k = 0; k < observed.length; k++) s += (observed[k] - expected[k]) ** 2 / expected[k];
  return s;
}

/** 0.1% critical value of χ² with k degrees of freedom (Wilson–Hilferty, z = 3.090). */
export function chiSquareCritical(k: number): number {
  const z = 3.090232;
  const a = 2 / (9 * k);
  return k * (1 - a + z * Math.sqrt(a)) ** 3;
}

/**
 * |observed − n p| within `sigmas` binomial standard errors √(n p (1 − p)). Returns the
 * number of standard errors, for a readable failure message.
 */
export function binomialZ(observed: number, n: number, p: number): number {
  return Math.abs(observed - n * p) / Math.sqrt(n * p * (1 - p));
}

/** Standard normal density. */
export function phi(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/**
 * Φ(x), independent of the sampler's own erfc: the Taylor series of erf for |x| < 2.5
 * (terms alternate and shrink; error below 1e−13 there) and, beyond, Simpson's rule on
 * φ over [|x|, |x| + 12] (error far below the 1e−9 the tests can see).
 */
export function normalCdf(x: number): number {
  const a = Math.abs(x);
  if (a < 2.5) {
    const z = a / Math.SQRT2;
    let term = z;
    let sum = z;
    for (let n = 1; n < 200; n++) {
      term *= (-z * z) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17) break;
    }
    const erf = (2 / Math.sqrt(Math.PI)) * sum;
    return x >= 0 ? 0.5 + 0.5 * erf : 0.5 - 0.5 * erf;
  }
  const tail = normalTail(a);
  return x >= 0 ? 1 - tail : tail;
}

/** P(N > x) for x ≥ 0 by composite Simpson on [x, x + 12]. */
export function normalTail(x: number): number {
  const m = 2000;
  const h = 12 / m;
  let s = phi(x) + phi(x + 12);
  for (let k = 1; k < m; k++) s += (k % 2 === 1 ? 4 : 2) * phi(x + k * h);
  return (s * h) / 3;
}

/**
 * Standard error of the log-log fit's slope (the measured exit exponent) propagated from each
 * point's own standard error: slope = Σ w_k log(mean_k) with w_k = (x_k − x̄)/Sxx, x_k = log(1/η_k),
 * and Var log(mean_k) ≈ (stderr_k/mean_k)² (delta method). With a handful of η this is far
 * steadier than the residual-based error, which has only n − 2 degrees of freedom.
 */
export function slopeStandardError(points: readonly { eta: number; mean: number; stderr: number }[]): number | null {
  const usable = points.filter((p) => p.eta > 0 && p.mean > 0);
  if (usable.length < 2) return null;
  const x = usable.map((p) => Math.log(1 / p.eta));
  const xBar = x.reduce((s, v) => s + v, 0) / x.length;
  const sxx = x.reduce((s, v) => s + (v - xBar) ** 2, 0);
  if (sxx === 0) return null;
  let variance = 0;
  usable.forEach((p, k) => {
    const w = (x[k] - xBar) / sxx;
    variance += w * w * (p.stderr / p.mean) ** 2;
  });
  return Math.sqrt(variance);
}
