import { unknownFamily, type Noise } from '../../../src-shared/model/noise';
import { GaussianNoiseSampler } from './gaussianNoise';
import type { NoiseSampler } from './noiseSampler';
import { ParetoNoiseSampler } from './paretoNoise';

/** The sampler of η·Z for a noise family. */
export function noiseSamplerFor(noise: Noise, eta: number): NoiseSampler {
  switch (noise.family) {
    case 'pareto':
      return new ParetoNoiseSampler(noise, eta);
    case 'gaussian':
      return new GaussianNoiseSampler(noise, eta);
    default:
      return unknownFamily(noise);
  }
}
