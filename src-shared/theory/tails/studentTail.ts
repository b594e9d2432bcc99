import betainc from '@stdlib/math-base-special-betainc';
import type { StudentNoise } from '../../model/noiseFamilies';
import type { RegularVariation } from './regularVariation';

/**
 * H(x) = P(|Z| > x) for Z = scale·T_ν: P(|T_ν| > t) = I_{ν/(ν + t²)}(ν/2, 1/2), the regularized
 * incomplete beta function (Abramowitz and Stegun 26.7.1), from @stdlib, which evaluates the
 * small-argument end by its power series, so the far tail keeps its relative precision.
 */
export function studentTail(noise: StudentNoise, x: number): number {
  const t = Math.abs(x) / noise.scale;
  if (t === 0) return 1;
  // ν/(ν + t²) written as 1/(1 + t²/ν) so t² never overflows before the division matters.
  const r = t / Math.sqrt(noise.nu);
  return betainc(1 / (1 + r * r), noise.nu / 2, 0.5);
}

/** P(|T_ν| > t) ~ c t^{−ν}: index ν, symmetric. */
export function studentRegularVariation(noise: StudentNoise): RegularVariation {
  return { alpha: noise.nu, pPlus: 0.5 };
}
