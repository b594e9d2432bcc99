import type { NoiseStream } from '../random/streamKey';

/**
 * Fills out[from … to) with η·Z(n), η·Z(n+1), … from one NoiseStream (main + auxiliary
 * xoshiro128** states, streamKey.ts). Kernels draw the noise a block at a time: the sampler's
 * loop keeps the generator in registers and has no dependency on X, and the recursion's loop is
 * a pure floating-point chain; each stays monomorphic, and the one polymorphic call (which noise
 * family) happens once per block.
 *
 * Two passes: the first draws every value's first ziggurat attempt from the main stream, with no
 * function call in the loop (a call makes V8 spill the generator's registers on every iteration,
 * which cost more than the samples themselves); the ~1% of attempts that land in the tail or a
 * wedge are marked and finished in the second pass with the auxiliary stream. Randomness for the
 * finishing steps only has to be independent of the first attempt, so the values are exactly
 * distributed. Filling [a, c) in one call or as [a, b) then [b, c) gives the same values, so a
 * long path may be cut into chunks anywhere.
 */
export interface NoiseSampler {
  fill(stream: NoiseStream, out: Float64Array, from: number, to: number): void;
}

/**
 * The first pass's notes for the second: positions to finish, the attempt's candidate value and
 * its second generator word (layer and sign bits). Grown, never shrunk, outside the hot loop.
 */
export class PendingDraws {
  position = new Int32Array(64);
  candidate = new Float64Array(64);
  word = new Int32Array(64);
  /** Scratch for the auxiliary state while the second pass runs. */
  readonly aux = new Int32Array(4);

  reserve(count: number): void {
    if (count <= this.position.length) return;
    this.position = new Int32Array(count);
    this.candidate = new Float64Array(count);
    this.word = new Int32Array(count);
  }
}
