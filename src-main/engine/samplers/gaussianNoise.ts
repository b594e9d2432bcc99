import type { GaussianNoise } from '../../../src-shared/model/noise';
import type { NoiseStream } from '../random/streamKey';
import { gaussianTail, gaussianWedge, gaussianZiggurat, gaussianZigguratTable } from './gaussianZiggurat';
import { PendingDraws, type NoiseSampler } from './noiseSampler';
import type { ZigguratTable } from './zigguratTable';

const M53 = 1.1102230246251565e-16;
const TWO_POW_21 = 2097152;
const TWO_POW_31 = 2147483648;

/**
 * η·Z for Gaussian noise, Z ~ N(0, σ²): the ziggurat of gaussianZiggurat.ts (same tables and
 * bits, fast path and xoshiro128** steps inlined), times η·σ, in the two passes of
 * noiseSampler.ts. The sign is bit 10 of the first attempt's second word.
 */
export class GaussianNoiseSampler implements NoiseSampler {
  readonly table: ZigguratTable;
  readonly etaSigma: number;
  /** The first pass's notes for the second (public for the kernels that run the first pass themselves). */
  readonly pending = new PendingDraws();

  constructor(noise: GaussianNoise, eta: number) {
    this.table = gaussianZigguratTable();
    this.etaSigma = eta * noise.sigma;
  }

  fill(stream: NoiseStream, out: Float64Array, from: number, to: number): void {
    this.pending.reserve(to - from);
    const count = this.firstPass(stream, out, from, to);
    if (count > 0) this.finish(stream, out, count);
  }

  private firstPass(stream: NoiseStream, out: Float64Array, from: number, to: number): number {
    const X = this.table.x;
    const XIN = this.table.xIn;
    const hs = this.etaSigma;
    const { position, candidate, word } = this.pending;
    let np = 0;
    let s0 = stream[0];
    let s1 = stream[1];
    let s2 = stream[2];
    let s3 = stream[3];
    for (let k = from; k < to; k++) {
      let r = Math.imul(s1, 5);
      const a = Math.imul((r << 7) | (r >>> 25), 9);
      let t9 = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t9;
      s3 = (s3 << 11) | (s3 >>> 21);
      r = Math.imul(s1, 5);
      const b = Math.imul((r << 7) | (r >>> 25), 9);
      t9 = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t9;
      s3 = (s3 << 11) | (s3 >>> 21);
      const i = b & 1023;
      const z = ((a + TWO_POW_31) * TWO_POW_21 + (b >>> 11)) * M53 * X[i];
      if (z < XIN[i + 1]) {
        out[k] = (b & 1024) === 0 ? hs * z : -hs * z;
      } else {
        position[np] = k;
        candidate[np] = z;
        word[np] = b & 2047;
        np++;
      }
    }
    stream[0] = s0;
    stream[1] = s1;
    stream[2] = s2;
    stream[3] = s3;
    return np;
  }

  /** Second pass: finishes the pending values in order with the auxiliary stream (words 4–7). */
  finish(stream: NoiseStream, out: Float64Array, count: number): void {
    const t = this.table;
    const { position, candidate, word, aux } = this.pending;
    for (let q = 0; q < 4; q++) aux[q] = stream[4 + q];
    for (let q = 0; q < count; q++) {
      const wd = word[q];
      const i = wd & 1023;
      let z = candidate[q];
      if (i === 0) z = gaussianTail(aux, t.r);
      else if (!gaussianWedge(aux, t, i, z)) z = Math.abs(gaussianZiggurat(aux, t));
      out[position[q]] = (wd & 1024) === 0 ? this.etaSigma * z : -this.etaSigma * z;
    }
    for (let q = 0; q < 4; q++) stream[4 + q] = aux[q];
  }
}
