import { paretoShift, type ParetoNoise } from '../../../src-shared/model/noise';
import type { NoiseStream } from '../random/streamKey';
import { bernoulliTie } from './bernoulli';
import { lomaxTail, lomaxWedge, lomaxZiggurat, lomaxZigguratTable, type LomaxZiggurat } from './lomaxZiggurat';
import { PendingDraws, type NoiseSampler } from './noiseSampler';

const M53 = 1.1102230246251565e-16;
const TWO_POW_21 = 2097152;
const TWO_POW_31 = 2147483648;
/** Flags in PendingDraws.word beside the layer (bits 0–9) and the sign (bit 10, set = minus). */
const SIGN_UNDECIDED = 2048;
const MAGNITUDE_DONE = 4096;

/**
 * η·Z for Pareto noise, Z = scale · (U·W − (2p₊ − 1)/(α − 1)), in the two
 * passes of noiseSampler.ts. W: the Lomax ziggurat of lomaxZiggurat.ts (same tables and bits; its
 * fast path and the xoshiro128** steps of xoshiro128.ts are inlined so the state stays in
 * registers; the words stay signed int32, because V8 turns full-range unsigned values into
 * doubles, which cost about 4 ns per draw). U = +1 with probability p₊: for p₊ = 1/2 it is bit 10
 * of the ziggurat's second word (unused by the ziggurat); otherwise an exact Bernoulli(p₊) from
 * one more main-stream word (first digit here, the rare tie finished by bernoulli.ts).
 */
export class ParetoNoiseSampler implements NoiseSampler {
  readonly table: LomaxZiggurat;
  /** η·scale and η·scale·(2p₊ − 1)/(α − 1). */
  readonly etaScale: number;
  readonly etaShift: number;
  readonly pPlus: number;
  /** ⌊p₊ 2^32⌋ − 2^31: the first digit of p₊, compared with a signed word. */
  private readonly signFirst: number;
  /** The first pass's notes for the second (public for the kernels that run the first pass themselves). */
  readonly pending = new PendingDraws();

  constructor(noise: ParetoNoise, eta: number) {
    this.table = lomaxZigguratTable(noise.alpha);
    this.etaScale = eta * noise.scale;
    this.etaShift = eta * noise.scale * paretoShift(noise);
    this.pPlus = noise.pPlus;
    this.signFirst = Math.floor(noise.pPlus * 0x100000000) - TWO_POW_31;
  }

  fill(stream: NoiseStream, out: Float64Array, from: number, to: number): void {
    this.pending.reserve(to - from);
    const count = this.pPlus === 0.5 ? this.firstPassHalf(stream, out, from, to) : this.firstPassBiased(stream, out, from, to);
    if (count > 0) this.finish(stream, out, count);
  }

  /** p₊ = 1/2: two words per value. Returns how many values were left pending. */
  private firstPassHalf(stream: NoiseStream, out: Float64Array, from: number, to: number): number {
    const X = this.table.x;
    const XIN = this.table.xIn;
    const hs = this.etaScale;
    const hshift = this.etaShift;
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
      const w = ((a + TWO_POW_31) * TWO_POW_21 + (b >>> 11)) * M53 * X[i];
      if (w < XIN[i + 1]) {
        out[k] = (b & 1024) === 0 ? hs * w - hshift : -hs * w - hshift;
      } else {
        position[np] = k;
        candidate[np] = w;
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

  /** p₊ ≠ 1/2: a third word per value decides the sign against p₊'s first 32-bit digit. */
  private firstPassBiased(stream: NoiseStream, out: Float64Array, from: number, to: number): number {
    const X = this.table.x;
    const XIN = this.table.xIn;
    const hs = this.etaScale;
    const hshift = this.etaShift;
    const first = this.signFirst;
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
      r = Math.imul(s1, 5);
      // The sign word minus 2^31 (top bit flipped), so a signed compare orders it as unsigned.
      const u = Math.imul((r << 7) | (r >>> 25), 9) ^ -2147483648;
      t9 = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t9;
      s3 = (s3 << 11) | (s3 >>> 21);
      const i = b & 1023;
      const w = ((a + TWO_POW_31) * TWO_POW_21 + (b >>> 11)) * M53 * X[i];
      const fast = w < XIN[i + 1];
      if (fast && u !== first) {
        out[k] = u < first ? hs * w - hshift : -hs * w - hshift;
      } else {
        position[np] = k;
        candidate[np] = w;
        word[np] = i | (u < first ? 0 : 1024) | (u === first ? SIGN_UNDECIDED : 0) | (fast ? MAGNITUDE_DONE : 0);
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
      let w = candidate[q];
      if ((wd & MAGNITUDE_DONE) === 0) {
        if (i === 0) w = lomaxTail(aux, t);
        else if (!lomaxWedge(aux, t, i, w)) w = lomaxZiggurat(aux, t);
      }
      const plus = (wd & SIGN_UNDECIDED) !== 0 ? bernoulliTie(aux, this.pPlus) : (wd & 1024) === 0;
      out[position[q]] = plus ? this.etaScale * w - this.etaShift : -this.etaScale * w - this.etaShift;
    }
    for (let q = 0; q < 4; q++) stream[4 + q] = aux[q];
  }
}
