import type { Noise } from '../../../src-shared/model/noise';
import { unknownFamily } from '../../../src-shared/model/noise';
import { empiricalLaw } from '../../../src-shared/stats/empiricalLaw';
import { GaussianNoiseSampler } from './gaussianNoise';
import type { NoiseSampler } from './noiseSampler';
import { ParetoNoiseSampler } from './paretoNoise';
import { SplicedNoiseSampler } from './splicedNoise';
import { StableNoiseSampler } from './stableNoise';
import { StudentNoiseSampler } from './studentNoise';

/**
 * The sampler of η·Z for a noise family. Measured noise needs its samples provided in this thread
 * (noiseAsset.ts); its spliced law is built once per thread and asset, not once per chunk.
 */
export function noiseSamplerFor(noise: Noise, eta: number): NoiseSampler {
  switch (noise.family) {
    case 'pareto':
      return new ParetoNoiseSampler(noise, eta);
    case 'gaussian':
      return new GaussianNoiseSampler(noise, eta);
    case 'stable':
      return new StableNoiseSampler(noise, eta);
    case 'student':
      return new StudentNoiseSampler(noise, eta);
    case 'empirical':
      return new SplicedNoiseSampler(empiricalLaw(noise), eta);
    default:
      return unknownFamily(noise);
  }
}
