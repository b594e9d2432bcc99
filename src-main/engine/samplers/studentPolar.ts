import { uniform53, type RngState } from '../random/xoshiro128';

/**
 * Student's t with ν degrees of freedom by Bailey's polar method (R. W. Bailey, "Polar generation
 * of random variates with the t-distribution", Math. Comp. 62, 1994): a uniform point (U, V) of
 * the unit disc, accepted with probability π/4, gives, with W = U² + V²,
 *
 *   T = U · √(ν (W^{−2/ν} − 1) / W),
 *
 * exactly t_ν for every ν > 0 (the t analogue of Marsaglia's polar normal, which is its ν → ∞
 * limit). No gamma or chi-square variate is needed. W^{−2/ν} − 1 is computed as expm1, which
 * keeps its precision for large ν.
 */
export function studentPolar(s: RngState, nu: number): number {
  for (;;) {
    const u = 2 * uniform53(s) - 1;
    const v = 2 * uniform53(s) - 1;
    const w = u * u + v * v;
    if (w < 1 && w > 0) return u * Math.sqrt((nu * Math.expm1((-2 / nu) * Math.log(w))) / w);
  }
}
