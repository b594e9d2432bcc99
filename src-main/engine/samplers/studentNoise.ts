import type { StudentNoise } from '../../../src-shared/model/noiseFamilies';
import { checkStudent } from '../../../src-shared/model/noiseFamilies';
import type { NoiseStream } from '../random/streamKey';
import type { NoiseSampler } from './noiseSampler';
import { studentPolar } from './studentPolar';

/**
 * η·Z for Student-t noise, Z = scale·T_ν with T_ν from studentPolar.ts, drawn in order from the
 * main stream, so filling [a, c) at once or in pieces gives the same values.
 */
export class StudentNoiseSampler implements NoiseSampler {
  readonly nu: number;
  readonly etaScale: number;

  constructor(noise: StudentNoise, eta: number) {
    checkStudent(noise);
    this.nu = noise.nu;
    this.etaScale = eta * noise.scale;
  }

  fill(stream: NoiseStream, out: Float64Array, from: number, to: number): void {
    const main = stream.subarray(0, 4);
    for (let k = from; k < to; k++) out[k] = this.etaScale * studentPolar(main, this.nu);
  }
}
