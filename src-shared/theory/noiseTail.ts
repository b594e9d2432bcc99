import type { Noise, ParetoNoise } from '../model/noise';
import { paretoShift, unknownFamily } from '../model/noise';
import { erfc } from './erfc';

/**
 * P(W > w) for W ~ Lomax(α): 1 for w ≤ 0, (1 + w)^−α beyond. W ≥ 0, so this is the
 * whole law of W.
 */
function lomaxSurvival(alpha: number, w: number): number {
  return w <= 0 ? 1 : Math.exp(-alpha * Math.log1p(w));
}

/** P(W < w) = 1 − (1 + w)^−α for w > 0, computed without cancellation for small w. */
function lomaxCdf(alpha: number, w: number): number {
  return w <= 0 ? 0 : -Math.expm1(-alpha * Math.log1p(w));
}

/**
 * H₊(x) = P(Z > x) for the pareto noise Z = scale·(U·W − c), c = (2p₊ − 1)/(α − 1)
 * the centring shift. Z > x ⇔ U·W > a with a = x/scale + c:
 * U = +1 needs W > a; U = −1 needs W < −a (possible only when a < 0).
 */
function paretoUpperTail(noise: ParetoNoise, x: number): number {
  const a = x / noise.scale + paretoShift(noise);
  return noise.pPlus * lomaxSurvival(noise.alpha, a) + (1 - noise.pPlus) * lomaxCdf(noise.alpha, -a);
}

/**
 * H₋(x) = P(Z < −x). Z < −x ⇔ U·W < d with d = −x/scale + c:
 * U = +1 needs W < d; U = −1 needs W > −d.
 */
function paretoLowerTail(noise: ParetoNoise, x: number): number {
  const d = -x / noise.scale + paretoShift(noise);
  return noise.pPlus * lomaxCdf(noise.alpha, d) + (1 - noise.pPlus) * lomaxSurvival(noise.alpha, -d);
}

/** H₊(x) = P(Z > x), from the noise's exact law. */
export function upperTail(noise: Noise, x: number): number {
  switch (noise.family) {
    case 'gaussian':
      return 0.5 * erfc(x / (noise.sigma * Math.SQRT2));
    case 'pareto':
      return paretoUpperTail(noise, x);
    default:
      return unknownFamily(noise);
  }
}

/** H₋(x) = P(Z < −x), from the noise's exact law. */
export function lowerTail(noise: Noise, x: number): number {
  switch (noise.family) {
    case 'gaussian':
      return 0.5 * erfc(x / (noise.sigma * Math.SQRT2));
    case 'pareto':
      return paretoLowerTail(noise, x);
    default:
      return unknownFamily(noise);
  }
}

/**
 * H(x) = P(|Z| > x) = H₊(x) + H₋(x) for x ≥ 0 (§2.1). Exact, not the asymptotic
 * scale^α x^−α: Theorem 1's λ_i(η) is built from H(1/η) itself.
 */
export function tail(noise: Noise, x: number): number {
  return upperTail(noise, x) + lowerTail(noise, x);
}
