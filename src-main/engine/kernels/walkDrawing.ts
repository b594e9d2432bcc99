import type { NoiseStream } from '../random/streamKey';
import { GaussianNoiseSampler } from '../samplers/gaussianNoise';
import type { NoiseSampler } from '../samplers/noiseSampler';
import { ParetoNoiseSampler } from '../samplers/paretoNoise';
import { etaGradient } from './gradient';
import { walkBlock, type Walk } from './walk';

const M53 = 1.1102230246251565e-16;
const TWO_POW_21 = 2097152;
const TWO_POW_31 = 2147483648;

/**
 * A long path is one dependency chain (X(n+1) needs f'(X(n))), so while it walks the CPU mostly
 * waits on multiplication latency. This loop fills that wait: each step of block k also makes the
 * first ziggurat attempt of block k+1's noise (the sampler's first pass: the same words and
 * arithmetic as paretoNoise.ts / gaussianNoise.ts); the sampler's second pass then finishes the
 * rare rejections. The noise is identical, value for value, to filling block k+1 before walking
 * it. Measured on a long path (CPU time, shared machine): 31.1 → 27.7 ns per iteration. Putting
 * the tallies into this loop as well made it slower again (30.0): too many live values.
 *
 * Walks w.buf[0 … steps) into w.xs and draws w.next[0 … nextSteps) (nextSteps ≤ steps; smaller
 * only in a chunk's last block, whose rest runs through walkBlock). Returns false, doing nothing,
 * for a sampler without a fused loop (Pareto with p₊ ≠ 1/2).
 */
export function walkDrawing(w: Walk, steps: number, sampler: NoiseSampler, stream: NoiseStream, nextSteps: number): boolean {
  if (sampler instanceof ParetoNoiseSampler && sampler.pPlus === 0.5) {
    sampler.pending.reserve(nextSteps);
    const pending = walkDrawingZiggurat(w, stream, nextSteps, sampler.table.x, sampler.table.xIn, sampler.etaScale, sampler.etaShift, sampler.pending);
    if (pending > 0) sampler.finish(stream, w.next, pending);
  } else if (sampler instanceof GaussianNoiseSampler) {
    sampler.pending.reserve(nextSteps);
    const pending = walkDrawingZiggurat(w, stream, nextSteps, sampler.table.x, sampler.table.xIn, sampler.etaSigma, 0, sampler.pending);
    if (pending > 0) sampler.finish(stream, w.next, pending);
  } else {
    return false;
  }
  if (nextSteps < steps) walkBlock(w, nextSteps, steps);
  return true;
}

/**
 * The fused loop, shared by both samplers whose sign is bit 10 of the second word: the value is
 * ±hs·v − hshift with v from the ziggurat tables X, XIN (Pareto with p₊ = 1/2: hs = η·scale,
 * hshift = η·scale·(2p₊ − 1)/(α − 1) = 0; Gaussian: hs = η·σ, hshift = 0; subtracting 0 changes
 * no bit). Returns the number of pending draws for the second pass.
 */
function walkDrawingZiggurat(
  w: Walk, stream: NoiseStream, steps: number,
  X: Float64Array, XIN: Float64Array, hs: number, hshift: number,
  pending: { position: Int32Array; candidate: Float64Array; word: Int32Array },
): number {
  const { buf, next, xs, c, b, L, clipped } = w;
  const { position, candidate, word } = pending;
  const ek = w.etaKappa;
  const cn = w.n;
  const c7 = w.c7;
  const c0 = c7[0], c1 = c7[1], c2 = c7[2], c3 = c7[3], c4 = c7[4], c5 = c7[5], c6 = c7[6];
  let s0 = stream[0];
  let s1 = stream[1];
  let s2 = stream[2];
  let s3 = stream[3];
  let np = 0;
  let x = w.x;
  for (let j = 0; j < steps; j++) {
    // First ziggurat attempt for next[j] (independent of x: overlaps with the chain below).
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
    const bw = Math.imul((r << 7) | (r >>> 25), 9);
    t9 = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t9;
    s3 = (s3 << 11) | (s3 >>> 21);
    const i = bw & 1023;
    const v = ((a + TWO_POW_31) * TWO_POW_21 + (bw >>> 11)) * M53 * X[i];
    if (v < XIN[i + 1]) {
      next[j] = (bw & 1024) === 0 ? hs * v - hshift : -hs * v - hshift;
    } else {
      position[np] = j;
      candidate[np] = v;
      word[np] = bw & 2047;
      np++;
    }
    // One step of the recursion on this block's noise (as walkBlock).
    const g = etaGradient(x, cn, ek, c0, c1, c2, c3, c4, c5, c6, c);
    if (clipped) {
      let d = g - buf[j];
      if (!(d <= b && d >= -b)) d = d > b ? b : -b;
      x -= d;
    } else {
      x = x - g + buf[j];
    }
    if (!(x <= L && x >= -L)) x = x > L ? L : -L;
    xs[j] = x;
  }
  w.x = x;
  stream[0] = s0;
  stream[1] = s1;
  stream[2] = s2;
  stream[3] = s3;
  return np;
}
