/**
 * Reference values for the symmetric α-stable law with E e^{itS} = exp(−|t|^α), from its two
 * classical series, written independently of Nolan's integral in src-shared/theory/tails.
 */

/** log Γ(x) for x > 0 by Lanczos (g = 7, nine terms; relative error ~1e−15), written for these tests only. */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

export const gamma = (x: number) => Math.exp(logGamma(x));

/**
 * P(|S| ≤ s) for standard symmetric stable, α > 1, from the convergent power series of the
 * density, f(x) = (1/(πα)) Σ_k (−1)^k Γ((2k+1)/α)/(2k)! x^{2k}, integrated term by term. The terms
 * alternate and grow before they shrink, so it is used only for s ≤ 1.5 (cancellation < 1e−12).
 */
export function stableCentralSeries(alpha: number, s: number): number {
  let sum = 0;
  for (let k = 0; k < 400; k++) {
    const log = logGamma((2 * k + 1) / alpha) - logGamma(2 * k + 2) + (2 * k + 1) * Math.log(s);
    const term = (k % 2 === 0 ? 1 : -1) * Math.exp(log);
    sum += term;
    if (Math.abs(term) < 1e-18 * Math.abs(sum) && k > 5) break;
  }
  return (2 / (Math.PI * alpha)) * sum;
}

/**
 * P(|S| > s) from the asymptotic series (2/π) Σ_k (−1)^{k+1} Γ(kα)/k! sin(kπα/2) s^{−kα}
 * (Feller II, XVII.6), truncated at its smallest term; for s ≥ 20 that term is far below 1e−12.
 */
export function stableAsymptoticSeries(alpha: number, s: number): number {
  let sum = 0;
  let last = Infinity;
  for (let k = 1; k < 40; k++) {
    const size = Math.exp(logGamma(k * alpha) - logGamma(k + 1) - k * alpha * Math.log(s));
    if (size > last) break;
    last = size;
    sum += (k % 2 === 1 ? 1 : -1) * Math.sin((k * Math.PI * alpha) / 2) * size;
  }
  return (2 / Math.PI) * sum;
}

/** The p-quantile of |S| by bisection on a series (central series for p ≤ 0.75, asymptotic beyond 20). */
export function stableAbsQuantile(alpha: number, p: number): number {
  const below = (x: number) => (p <= 0.75 ? stableCentralSeries(alpha, x) : 1 - stableAsymptoticSeries(alpha, x));
  let lo = p <= 0.75 ? 0 : 20;
  let hi = p <= 0.75 ? 1.5 : 1e6;
  if (!(below(hi) > p && below(lo) < p)) throw new Error(`quantile ${p} of |S| outside the series' range`);
  for (let k = 0; k < 200; k++) {
    const mid = 0.5 * (lo + hi);
    if (below(mid) < p) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
