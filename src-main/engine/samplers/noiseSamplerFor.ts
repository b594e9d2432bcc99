import type { Noise } from '../../../src-shared/model/noise';
import { GaussianNoiseSampler } from './gaussianNoise';
import type { NoiseSampler } from './noiseSampler';
import { ParetoNoiseSampler } from './paretoNoise';

/** The sampler of η·Z for a noise family. */
export function noiseSamplerFor(noise: Noise, eta: number): NoiseSampler {
  return noise.family === 'pareto' ? new ParetoNoiseSampler(noise, eta) : new GaussianNoiseSampler(noise, eta);
}
