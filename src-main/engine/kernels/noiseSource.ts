import type { Noise } from '../../../src-shared/model/noise';
import { paretoShift } from '../../../src-shared/model/noise';
import type { RngState } from '../random/xoshiro128';
import { bernoulli, bernoulliThreshold } from '../samplers/bernoulli';
import { gaussianPolar } from '../samplers/gaussianPolar';
import { lomaxInversion } from '../samplers/lomaxInversion';

/**
 * Z(n) for a noise (DESIGN.md §1): pareto Z = scale · (U·W − (2p₊ − 1)/(α − 1)) with
 * W ~ Lomax(α) and U = ±1 (P(U = +1) = p₊); gaussian Z ~ N(0, σ²).
 */
export function noiseSource(noise: Noise): (s: RngState) => number {
  if (noise.family === 'gaussian') {
    const sigma = noise.sigma;
    return (s) => sigma * gaussianPolar(s);
  }
  const { alpha, scale } = noise;
  const shift = paretoShift(noise);
  const plus = bernoulliThreshold(noise.pPlus);
  return (s) => {
    const w = lomaxInversion(s, alpha);
    return scale * ((bernoulli(s, plus) ? w : -w) - shift);
  };
}
