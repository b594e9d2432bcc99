import type { SplicedLaw } from '../../../src-shared/stats/splicedLaw';
import type { NoiseStream } from '../random/streamKey';
import { nextU32, uniformPositive, type RngState } from '../random/xoshiro128';
import type { NoiseSampler } from './noiseSampler';

/**
 * η·(Z − m) for the spliced empirical law of splicedLaw.ts. One uniform integer k in [0, n)
 * decides everything but the tail's size: k < n_b picks body sample k; otherwise j = k − n_b
 * indexes the n_t exceedances, of which the first n₊ count as positive, so the tail is chosen with
 * probability n_t/n and its sign is + with probability n₊/n_t = p₊, both exactly. The tail's
 * magnitude is u + Y, Y = σ·((U^{−ξ} − 1)/ξ) by inversion of the GPD (σ·(−log U) at ξ = 0), with
 * U on (0, 1] as in xoshiro128.ts. Values are drawn in order from the main stream, so filling
 * [a, c) at once or in pieces gives the same values.
 */
export class SplicedNoiseSampler implements NoiseSampler {
  private readonly law: SplicedLaw;
  private readonly eta: number;
  private readonly bodyCount: number;
  /** 2^32 − (2^32 mod n): words at or above it are rejected so k mod n is exactly uniform. */
  private readonly acceptBelow: number;

  constructor(law: SplicedLaw, eta: number) {
    if (!(law.sampleCount > 0 && law.sampleCount < 0x100000000)) throw new RangeError(`spliced law: bad sample count ${law.sampleCount}`);
    this.law = law;
    this.eta = eta;
    this.bodyCount = law.body.length;
    this.acceptBelow = 0x100000000 - (0x100000000 % law.sampleCount);
  }

  fill(stream: NoiseStream, out: Float64Array, from: number, to: number): void {
    const main = stream.subarray(0, 4);
    for (let k = from; k < to; k++) out[k] = this.eta * (this.draw(main) - this.law.mean);
  }

  /** One draw of the uncentred spliced law. */
  draw(s: RngState): number {
    const n = this.law.sampleCount;
    let word = nextU32(s);
    while (word >= this.acceptBelow) word = nextU32(s);
    const k = word % n;
    if (k < this.bodyCount) return this.law.body[k];
    const { xi, sigma } = this.law.gpd;
    const l = -Math.log(uniformPositive(s));
    const y = xi === 0 ? sigma * l : (sigma * Math.expm1(xi * l)) / xi;
    const magnitude = this.law.threshold + y;
    return k - this.bodyCount < this.law.plusCount ? magnitude : -magnitude;
  }
}
