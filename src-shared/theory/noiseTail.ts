import type { Noise, ParetoNoise } from '../model/noise';
import { paretoShift, unknownFamily } from '../model/noise';
import { gpdSurvival } from '../stats/gpdFit';
import { empiricalLaw } from '../stats/empiricalLaw';
import { splicedPPlus, type SplicedLaw } from '../stats/splicedLaw';
import { erfc } from './erfc';
import type { RegularVariation } from './tails/regularVariation';
import { splicedRegularVariation, splicedTail } from './tails/splicedTail';
import { stableRegularVariation, stableTail } from './tails/stableTail';
import { studentRegularVariation, studentTail } from './tails/studentTail';

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

/**
 * One side of the centred spliced law, x ≥ 0: P(Z − m > x) for sign +1, P(Z − m < −x) for −1.
 * Body samples beyond x, tail draws of this sign with Y > x ± m − u, and tail draws of the other
 * sign with Y < −x ∓ m − u (possible only when |m| > u + x, i.e. never for sensible data).
 */
function splicedSide(law: SplicedLaw, x: number, sign: 1 | -1): number {
  const n = law.sampleCount;
  let body = 0;
  for (const z of law.body) if (sign * (z - law.mean) > x) body++;
  const pSide = sign === 1 ? splicedPPlus(law) : 1 - splicedPPlus(law);
  const y = x + sign * law.mean - law.threshold;
  const pOther = 1 - pSide;
  const yOther = -x - sign * law.mean - law.threshold;
  const other = yOther > 0 ? pOther * (1 - gpdSurvival(law.gpd.xi, law.gpd.sigma, yOther)) : 0;
  return body / n + (law.tailCount / n) * (pSide * gpdSurvival(law.gpd.xi, law.gpd.sigma, y) + other);
}

/** H₊(x) = P(Z > x), from the noise's exact law. */
export function upperTail(noise: Noise, x: number): number {
  switch (noise.family) {
    case 'pareto':
      return paretoUpperTail(noise, x);
    case 'gaussian':
      return 0.5 * erfc(x / (noise.sigma * Math.SQRT2));
    case 'stable':
      return 0.5 * stableTail(noise, x);
    case 'student':
      return 0.5 * studentTail(noise, x);
    case 'empirical':
      return splicedSide(empiricalLaw(noise), x, 1);
    default:
      return unknownFamily(noise);
  }
}

/** H₋(x) = P(Z < −x), from the noise's exact law. */
export function lowerTail(noise: Noise, x: number): number {
  switch (noise.family) {
    case 'pareto':
      return paretoLowerTail(noise, x);
    case 'gaussian':
      return 0.5 * erfc(x / (noise.sigma * Math.SQRT2));
    case 'stable':
      return 0.5 * stableTail(noise, x);
    case 'student':
      return 0.5 * studentTail(noise, x);
    case 'empirical':
      return splicedSide(empiricalLaw(noise), x, -1);
    default:
      return unknownFamily(noise);
  }
}

/**
 * H(x) = P(|Z| > x) = H₊(x) + H₋(x) for x ≥ 0 (§2.1). Exact, not the asymptotic
 * scale^α x^−α: Theorem 1's λ_i(η) is built from H(1/η) itself. Each family's own H: stable by
 * Nolan's integral, Student-t by the incomplete beta, measured noise by its spliced law.
 */
export function tail(noise: Noise, x: number): number {
  switch (noise.family) {
    case 'pareto':
    case 'gaussian':
      return upperTail(noise, x) + lowerTail(noise, x);
    case 'stable':
      return stableTail(noise, x);
    case 'student':
      return studentTail(noise, x);
    case 'empirical':
      return splicedTail(empiricalLaw(noise), x);
    default:
      return unknownFamily(noise);
  }
}

/**
 * What Theorem 1 needs of the noise: the index α and balance p₊ of its regularly varying tail, or
 * null for a tail that is not a power law (Gaussian; a fitted GPD with ξ ≤ 0).
 */
export function regularVariation(noise: Noise): RegularVariation | null {
  switch (noise.family) {
    case 'pareto':
      return { alpha: noise.alpha, pPlus: noise.pPlus };
    case 'gaussian':
      return null;
    case 'stable':
      return stableRegularVariation(noise);
    case 'student':
      return studentRegularVariation(noise);
    case 'empirical':
      return splicedRegularVariation(empiricalLaw(noise));
    default:
      return unknownFamily(noise);
  }
}
