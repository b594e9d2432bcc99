import type { StableNoise } from '../../../src-shared/model/noiseFamilies';
import { checkStable } from '../../../src-shared/model/noiseFamilies';
import type { NoiseStream } from '../random/streamKey';
import type { NoiseSampler } from './noiseSampler';
import { stableCms } from './stableCms';

/**
 * η·Z for symmetric α-stable noise, Z = scale·S with S from stableCms.ts. Every value takes four
 * words of the main stream (no rejection), so filling [a, c) at once or in pieces gives the same
 * values; the auxiliary stream is not used.
 */
export class StableNoiseSampler implements NoiseSampler {
  readonly alpha: number;
  readonly etaScale: number;

  constructor(noise: StableNoise, eta: number) {
    checkStable(noise);
    this.alpha = noise.alpha;
    this.etaScale = eta * noise.scale;
  }

  fill(stream: NoiseStream, out: Float64Array, from: number, to: number): void {
    const main = stream.subarray(0, 4);
    for (let k = from; k < to; k++) out[k] = this.etaScale * stableCms(main, this.alpha);
  }
}
