import type { NoiseStream } from '../random/streamKey';
import { GaussianNoiseSampler } from '../samplers/gaussianNoise';
import { lomaxTail, lomaxWedge, lomaxZiggurat, lomaxZigguratTable, type LomaxZiggurat } from '../samplers/lomaxZiggurat';
import { PendingDraws, type NoiseSampler } from '../samplers/noiseSampler';
import { noiseSamplerFor } from '../samplers/noiseSamplerFor';
import { ParetoNoiseSampler } from '../samplers/paretoNoise';
import type { KernelNoise2D } from './tasks2d';

const M53 = 1.1102230246251565e-16;
const M52 = 2.220446049250313e-16;
const TWO_POW_21 = 2097152;
const TWO_POW_26 = 67108864;
const TWO_POW_31 = 2147483648;

/**
 * η·Z for 2-D noise: fill(stream, out, from, to) writes the pairs of steps from … to − 1 to
 * out[2·from … 2·to), x then y. As in 1-D, filling [a, c) at once or as [a, b) then [b, c)
 * gives the same values, so a long path may be cut anywhere.
 *
 * How each family uses a step's stream (main words first, the auxiliary stream only for the
 * rare ziggurat rejections, in order):
 * - `gaussian`: the 1-D Gaussian sampler (gaussianNoise.ts) draws Z_x, Z_y, Z_x, … in turn;
 * - Pareto `axes`: the 1-D Pareto sampler with p₊ = 1/2 (paretoNoise.ts) draws Z_x, Z_y, … in
 *   turn, each scale·(±W), W ~ Lomax(α);
 * - Pareto `isotropic`: IsotropicParetoSampler below;
 * - stable, Student-t and measured noise (`axes` only): the family's 1-D sampler
 *   (noiseSamplerFor.ts) draws Z_x, Z_y, … in turn; measured noise needs its samples provided in
 *   this thread, as in 1-D.
 */
export function noiseSampler2d(noise: KernelNoise2D, eta: number): NoiseSampler {
  switch (noise.family) {
    case 'gaussian':
      return new PairSampler(new GaussianNoiseSampler(noise, eta));
    case 'pareto':
      if (noise.direction === 'axes') {
        return new PairSampler(new ParetoNoiseSampler({ family: 'pareto', alpha: noise.alpha, scale: noise.scale, pPlus: 0.5 }, eta));
      }
      return new IsotropicParetoSampler(noise.alpha, noise.scale, eta);
    default:
      return new PairSampler(noiseSamplerFor(noise, eta));
  }
}

/** Two independent coordinates from a 1-D sampler: value 2k is step k's x, 2k + 1 its y. */
export class PairSampler implements NoiseSampler {
  constructor(readonly coordinate: NoiseSampler) {}

  fill(stream: NoiseStream, out: Float64Array, from: number, to: number): void {
    this.coordinate.fill(stream, out, 2 * from, 2 * to);
  }
}

/**
 * Z = scale·W·Θ with W ~ Lomax(α) and Θ uniform on the unit circle, times η. Per step, from the
 * main stream:
 * 1. W's first ziggurat attempt: two words, exactly as the 1-D Pareto sampler (lomaxZiggurat.ts);
 * 2. Θ by rejection from the square: two coordinates u, v = (2k + 1)·2^−52 − 1 with k uniform on
 *    0 … 2^52 − 1 (two words each, 26 bits of each), repeated until 0 < u² + v² < 1; then
 *    Θ = (u, v)/√(u² + v²). The grid is symmetric and never hits 0 or ±1, so Θ is uniform up to
 *    that 2^−52 grid; no trigonometric function.
 * The ~1.1% of attempts at W that the ziggurat cannot accept at once are finished after the
 * block with the auxiliary stream (tail by exact inversion, wedges by the squeeze, else a fresh
 * ziggurat draw), in step order, as in 1-D.
 */
export class IsotropicParetoSampler implements NoiseSampler {
  readonly table: LomaxZiggurat;
  /** η·scale */
  readonly etaScale: number;
  readonly pending = new PendingDraws();

  constructor(alpha: number, scale: number, eta: number) {
    this.table = lomaxZigguratTable(alpha);
    this.etaScale = eta * scale;
  }

  fill(stream: NoiseStream, out: Float64Array, from: number, to: number): void {
    this.pending.reserve(to - from);
    const count = this.firstPass(stream, out, from, to);
    if (count > 0) this.finish(stream, out, count);
  }

  private firstPass(stream: NoiseStream, out: Float64Array, from: number, to: number): number {
    const X = this.table.x;
    const XIN = this.table.xIn;
    const hs = this.etaScale;
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
      let u = 0;
      let v = 0;
      let r2 = 0;
      do {
        r = Math.imul(s1, 5);
        const w0 = Math.imul((r << 7) | (r >>> 25), 9);
        t9 = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t9;
        s3 = (s3 << 11) | (s3 >>> 21);
        r = Math.imul(s1, 5);
        const w1 = Math.imul((r << 7) | (r >>> 25), 9);
        t9 = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t9;
        s3 = (s3 << 11) | (s3 >>> 21);
        r = Math.imul(s1, 5);
        const w2 = Math.imul((r << 7) | (r >>> 25), 9);
        t9 = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t9;
        s3 = (s3 << 11) | (s3 >>> 21);
        r = Math.imul(s1, 5);
        const w3 = Math.imul((r << 7) | (r >>> 25), 9);
        t9 = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t9;
        s3 = (s3 << 11) | (s3 >>> 21);
        u = (2 * ((w0 >>> 6) * TWO_POW_26 + (w1 >>> 6)) + 1) * M52 - 1;
        v = (2 * ((w2 >>> 6) * TWO_POW_26 + (w3 >>> 6)) + 1) * M52 - 1;
        r2 = u * u + v * v;
      } while (!(r2 < 1));
      const inv = 1 / Math.sqrt(r2);
      const ux = u * inv;
      const uy = v * inv;
      if (w < XIN[i + 1]) {
        const m = hs * w;
        out[2 * k] = m * ux;
        out[2 * k + 1] = m * uy;
      } else {
        out[2 * k] = ux;
        out[2 * k + 1] = uy;
        position[np] = k;
        candidate[np] = w;
        word[np] = i;
        np++;
      }
    }
    stream[0] = s0;
    stream[1] = s1;
    stream[2] = s2;
    stream[3] = s3;
    return np;
  }

  /** Second pass: W of the pending steps from the auxiliary stream (words 4–7), in step order. */
  finish(stream: NoiseStream, out: Float64Array, count: number): void {
    const t = this.table;
    const { position, candidate, word, aux } = this.pending;
    for (let q = 0; q < 4; q++) aux[q] = stream[4 + q];
    for (let q = 0; q < count; q++) {
      const i = word[q];
      let w = candidate[q];
      if (i === 0) w = lomaxTail(aux, t);
      else if (!lomaxWedge(aux, t, i, w)) w = lomaxZiggurat(aux, t);
      const m = this.etaScale * w;
      const k = position[q];
      out[2 * k] = m * out[2 * k];
      out[2 * k + 1] = m * out[2 * k + 1];
    }
    for (let q = 0; q < 4; q++) stream[4 + q] = aux[q];
  }
}
