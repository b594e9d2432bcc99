import { paretoShift, type ParetoNoise } from '../../../src-shared/model/noise';
import type { RngState } from '../random/xoshiro128';
import { bernoulliTie } from './bernoulli';
import { lomaxTail, lomaxWedge, lomaxZigguratTable, type LomaxZiggurat } from './lomaxZiggurat';
import type { NoiseSampler } from './noiseSampler';

const M53 = 1.1102230246251565e-16;
const TWO_POW_21 = 2097152;

/**
 * η·Z for Pareto noise, Z = scale · (U·W − (2p₊ − 1)/(α − 1)) (DESIGN.md §1): W from the
 * Lomax ziggurat of lomaxZiggurat.ts (same bits, same tables, its fast path inlined here with the
 * xoshiro128** steps of xoshiro128.ts so the state stays in registers), U = +1 with probability p₊.
 * For p₊ = 1/2 the sign is bit 8 of the ziggurat's second word (unused by it); otherwise it is
 * an exact Bernoulli(p₊) from one more word (bernoulli.ts).
 */
export class ParetoNoiseSampler implements NoiseSampler {
  readonly table: LomaxZiggurat;
  /** η·scale and η·scale·(2p₊ − 1)/(α − 1). */
  readonly etaScale: number;
  readonly etaShift: number;
  readonly halfSign: boolean;
  readonly pPlus: number;
  /** ⌊p₊ 2^32⌋, the first digit of the exact Bernoulli. */
  readonly signFirst: number;

  constructor(noise: ParetoNoise, eta: number) {
    this.table = lomaxZigguratTable(noise.alpha);
    this.etaScale = eta * noise.scale;
    this.etaShift = eta * noise.scale * paretoShift(noise);
    this.pPlus = noise.pPlus;
    this.halfSign = noise.pPlus === 0.5;
    this.signFirst = Math.floor(noise.pPlus * 0x100000000);
  }

  fill(state: RngState, out: Float64Array, from: number, to: number): void {
    const t = this.table;
    const X = t.x;
    const XIN = t.xIn;
    const hs = this.etaScale;
    const hshift = this.etaShift;
    const halfSign = this.halfSign;
    const first = this.signFirst;
    let s0 = state[0];
    let s1 = state[1];
    let s2 = state[2];
    let s3 = state[3];
    for (let k = from; k < to; k++) {
      let w: number;
      let plus: boolean;
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
        const b = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
        t9 = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t9;
        s3 = (s3 << 11) | (s3 >>> 21);
        const i = b & 255;
        plus = (b & 256) === 0;
        w = (a * TWO_POW_21 + (b >>> 11)) * M53 * X[i];
        if (w < XIN[i + 1]) break;
        // Rare (about 2%): the tail or a wedge; the generator goes through the state array.
        state[0] = s0;
        state[1] = s1;
        state[2] = s2;
        state[3] = s3;
        let accepted = true;
        if (i === 0) w = lomaxTail(state, t);
        else accepted = lomaxWedge(state, t, i, w);
        s0 = state[0];
        s1 = state[1];
        s2 = state[2];
        s3 = state[3];
        if (accepted) break;
      }
      if (!halfSign) {
        const r = Math.imul(s1, 5);
        const u = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
        const t9 = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t9;
        s3 = (s3 << 11) | (s3 >>> 21);
        if (u !== first) plus = u < first;
        else {
          state[0] = s0;
          state[1] = s1;
          state[2] = s2;
          state[3] = s3;
          plus = bernoulliTie(state, this.pPlus);
          s0 = state[0];
          s1 = state[1];
          s2 = state[2];
          s3 = state[3];
        }
      }
      out[k] = plus ? hs * w - hshift : -hs * w - hshift;
    }
    state[0] = s0;
    state[1] = s1;
    state[2] = s2;
    state[3] = s3;
  }
}
