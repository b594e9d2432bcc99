import { uniform53, type RngState } from '../random/xoshiro128';

/**
 * N(0, 1) by Marsaglia's polar method (G. Marsaglia and T. A. Bray, SIAM Review 6, 1964):
 * a uniform point in the unit disc, accepted with probability π/4, gives two independent
 * normals; we return one and drop the other so the sampler keeps no cache between draws.
 * The reference sampler; kernels use gaussianZiggurat.ts.
 */
export function gaussianPolar(s: RngState): number {
  for (;;) {
    const u = 2 * uniform53(s) - 1;
    const v = 2 * uniform53(s) - 1;
    const r2 = u * u + v * v;
    if (r2 < 1 && r2 > 0) return u * Math.sqrt((-2 * Math.log(r2)) / r2);
  }
}
