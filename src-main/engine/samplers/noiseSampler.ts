import type { RngState } from '../random/xoshiro128';

/**
 * Fills out[from … to) with η·Z(n), η·Z(n+1), … from one stream. Kernels draw the noise a block
 * at a time: the sampler's loop keeps the generator in registers and has no dependency on X, and
 * the recursion's loop is a pure floating-point chain; each stays monomorphic, and the one
 * polymorphic call (which noise family) happens once per block. A stream used this way gives
 * exactly the same Z(0), Z(1), … as one draw at a time.
 */
export interface NoiseSampler {
  fill(state: RngState, out: Float64Array, from: number, to: number): void;
}
