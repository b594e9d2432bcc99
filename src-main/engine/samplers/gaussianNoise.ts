import type { GaussianNoise } from '../../../src-shared/model/noise';
import type { RngState } from '../random/xoshiro128';
import { gaussianTail, gaussianWedge, gaussianZigguratTable } from './gaussianZiggurat';
import type { NoiseSampler } from './noiseSampler';
import type { ZigguratTable } from './zigguratTable';

const M53 = 1.1102230246251565e-16;
const TWO_POW_21 = 2097152;

/**
 * η·Z for Gaussian noise, Z ~ N(0, σ²): the ziggurat of gaussianZiggurat.ts with its fast path
 * and the xoshiro128** steps inlined (same bits, same tables), times η·σ.
 */
export class GaussianNoiseSampler implements NoiseSampler {
  readonly table: ZigguratTable;
  readonly etaSigma: number;

  constructor(noise: GaussianNoise, eta: number) {
    this.table = gaussianZigguratTable();
    this.etaSigma = eta * noise.sigma;
  }

  fill(state: RngState, out: Float64Array, from: number, to: number): void {
    const t = this.table;
    const X = t.x;
    const XIN = t.xIn;
    const hs = this.etaSigma;
    let s0 = state[0];
    let s1 = state[1];
    let s2 = state[2];
    let s3 = state[3];
    for (let k = from; k < to; k++) {
      let z: number;
      let b: number;
      for (;;) {
        let r = Math.imul(s1, 5);
        const a = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
        let t9 = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t9;
        s3 = (s3 << 11) | (s3 >>> 21);
        r = Math.imul(s1, 5);
        b = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
        t9 = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t9;
        s3 = (s3 << 11) | (s3 >>> 21);
        const i = b & 255;
        z = (a * TWO_POW_21 + (b >>> 11)) * M53 * X[i];
        if (z < XIN[i + 1]) break;
        state[0] = s0;
        state[1] = s1;
        state[2] = s2;
        state[3] = s3;
        let accepted = true;
        if (i === 0) z = gaussianTail(state, t.r);
        else accepted = gaussianWedge(state, t, i, z);
        s0 = state[0];
        s1 = state[1];
        s2 = state[2];
        s3 = state[3];
        if (accepted) break;
      }
      out[k] = (b & 256) === 0 ? hs * z : -hs * z;
    }
    state[0] = s0;
    state[1] = s1;
    state[2] = s2;
    state[3] = s3;
  }
}
