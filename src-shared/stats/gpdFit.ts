/**
 * Maximum-likelihood fit of a generalized Pareto law to exceedances y > 0 over a threshold:
 * P(Y > y) = (1 + ξ y/σ)^{−1/ξ} (ξ ≠ 0), e^{−y/σ} (ξ = 0). For ξ > 0 the tail is regularly
 * varying with index α = 1/ξ.
 *
 * The maximisation follows V. Grimshaw, "Computing maximum likelihood estimates for the
 * generalized Pareto distribution", Technometrics 35 (1993): with θ = ξ/σ the likelihood
 * maximised over ξ at fixed θ is ξ(θ) = (1/k) Σ log(1 + θ y_i), leaving a one-dimensional
 * profile ℓ*(θ) = −k log(ξ(θ)/θ) − k ξ(θ) − k, which we scan on a grid and refine by golden
 * section. The search keeps ξ > −1/2, where the estimator is regular (below it the likelihood
 * is unbounded or the usual asymptotics fail); heavy-tailed data never need more.
 *
 * Confidence intervals are Wald intervals from the expected information (delta method; R. L.
 * Smith, "Maximum likelihood estimation in a class of nonregular cases", Biometrika 72, 1985):
 * k·Var ξ̂ → (1 + ξ)², k·Var σ̂ → 2σ²(1 + ξ). The interval for α = 1/ξ is the image of ξ's.
 */
export interface GpdFit {
  /** Number of exceedances k. */
  count: number;
  xi: number;
  sigma: number;
  /** α = 1/ξ when ξ > 0, else Infinity (no power-law tail). */
  alpha: number;
  /** The maximised log-likelihood. */
  logLikelihood: number;
  /** Standard errors from the expected information. */
  xiStandardError: number;
  sigmaStandardError: number;
  /** Two-sided intervals at `level`. */
  level: number;
  xiInterval: [number, number];
  sigmaInterval: [number, number];
  /** Image of xiInterval under ξ ↦ 1/ξ (upper end Infinity when ξ's lower end is ≤ 0). */
  alphaInterval: [number, number];
}

/** z-values of the two-sided normal intervals offered. */
const Z_OF_LEVEL: Record<string, number> = { '0.9': 1.6448536269514722, '0.95': 1.959963984540054, '0.99': 2.5758293035489004 };

/** Fewer exceedances than this give intervals too wide to mean anything; refused. */
export const MIN_GPD_EXCEEDANCES = 20;

/** P(Y > y) for the generalized Pareto law (ξ, σ). */
export function gpdSurvival(xi: number, sigma: number, y: number): number {
  if (y <= 0) return 1;
  if (xi === 0) return Math.exp(-y / sigma);
  const z = (xi * y) / sigma;
  if (z <= -1) return 0;
  return Math.exp((-1 / xi) * Math.log1p(z));
}

/** GPD log-likelihood of exceedances y at (ξ, σ); −Infinity outside the support. */
export function gpdLogLikelihood(y: ArrayLike<number>, xi: number, sigma: number): number {
  if (!(sigma > 0)) return -Infinity;
  const k = y.length;
  let sum = 0;
  if (xi === 0) {
    for (let i = 0; i < k; i++) sum += y[i];
    return -k * Math.log(sigma) - sum / sigma;
  }
  for (let i = 0; i < k; i++) {
    const z = (xi * y[i]) / sigma;
    if (!(z > -1)) return -Infinity;
    sum += Math.log1p(z);
  }
  return -k * Math.log(sigma) - (1 + 1 / xi) * sum;
}

export function fitGpd(exceedances: ArrayLike<number>, level = 0.95): GpdFit {
  const y = Float64Array.from(exceedances);
  const k = y.length;
  if (k < MIN_GPD_EXCEEDANCES) throw new RangeError(`a GPD fit needs at least ${MIN_GPD_EXCEEDANCES} exceedances, got ${k}`);
  let yMax = 0;
  let yMean = 0;
  for (let i = 0; i < k; i++) {
    if (!(y[i] > 0 && Number.isFinite(y[i]))) throw new RangeError(`exceedances must be finite and > 0, got ${y[i]}`);
    yMax = Math.max(yMax, y[i]);
    yMean += y[i] / k;
  }
  const z = Z_OF_LEVEL[String(level)];
  if (z === undefined) throw new RangeError(`confidence level must be one of 0.9, 0.95, 0.99, got ${level}`);

  /** ξ(θ) = mean log(1 + θ y); at θ = 0 its limit 0. */
  const xiOf = (theta: number): number => {
    if (theta === 0) return 0;
    let s = 0;
    for (let i = 0; i < k; i++) s += Math.log1p(theta * y[i]);
    return s / k;
  };
  /** ℓ*(θ); at θ = 0 the exponential fit, σ = ȳ. */
  const profile = (theta: number): number => {
    if (theta === 0) return -k * Math.log(yMean) - k;
    const xi = xiOf(theta);
    if (!(xi > -0.5)) return -Infinity;
    return -k * Math.log(xi / theta) - k * xi - k;
  };
  // One coordinate t for the whole admissible range of θ, log-like at both ends: t ≥ 0 maps to
  // θ = e^{t−14}/ȳ (ξ from ≈ 0 to large), t < 0 to θ = −(1 − e^t)/y_max ∈ (−1/y_max, 0) (ξ < 0).
  // θ jumps from ≈ −0.2/y_max to ≈ 10^−6/ȳ across t = 0; the profile is continuous there, and the
  // golden section between grid neighbours fills the gap.
  const thetaOf = (t: number): number => (t >= 0 ? Math.exp(t - 14) / yMean : -(1 - Math.exp(t)) / yMax);
  const grid: number[] = [];
  for (let t = -30; t <= 28; t += 0.25) grid.push(t);
  let best = 0;
  let bestValue = -Infinity;
  for (let i = 0; i < grid.length; i++) {
    const v = profile(thetaOf(grid[i]));
    if (v > bestValue) {
      bestValue = v;
      best = i;
    }
  }
  let a = grid[Math.max(0, best - 1)];
  let b = grid[Math.min(grid.length - 1, best + 1)];
  // Golden section on [a, b] (the grid's best point and its neighbours bracket the maximum).
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = profile(thetaOf(c));
  let fd = profile(thetaOf(d));
  for (let it = 0; it < 200 && b - a > 1e-12; it++) {
    if (fc >= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = profile(thetaOf(c));
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = profile(thetaOf(d));
    }
  }
  const theta = thetaOf(0.5 * (a + b));
  let xi = xiOf(theta);
  let sigma = xi / theta;
  let logLikelihood = profile(theta);
  const exponential = -k * Math.log(yMean) - k;
  if (!(logLikelihood > exponential) || !(sigma > 0)) {
    xi = 0;
    sigma = yMean;
    logLikelihood = exponential;
  }
  const xiStandardError = (1 + xi) / Math.sqrt(k);
  const sigmaStandardError = sigma * Math.sqrt((2 * (1 + xi)) / k);
  const xiInterval: [number, number] = [xi - z * xiStandardError, xi + z * xiStandardError];
  const sigmaInterval: [number, number] = [Math.max(0, sigma - z * sigmaStandardError), sigma + z * sigmaStandardError];
  const alphaInterval: [number, number] = [
    xiInterval[1] > 0 ? 1 / xiInterval[1] : Infinity,
    xiInterval[0] > 0 ? 1 / xiInterval[0] : Infinity,
  ];
  return {
    count: k,
    xi,
    sigma,
    alpha: xi > 0 ? 1 / xi : Infinity,
    logLikelihood,
    xiStandardError,
    sigmaStandardError,
    level,
    xiInterval,
    sigmaInterval,
    alphaInterval,
  };
}
