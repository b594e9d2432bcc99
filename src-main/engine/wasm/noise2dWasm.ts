import type { NoiseStream } from '../random/streamKey';
import { IsotropicParetoSampler } from '../kernels2d/noise2d';
import type { KernelNoise2D } from '../kernels2d/tasks2d';
import { GaussianNoiseSampler } from '../samplers/gaussianNoise';
import type { NoiseSampler } from '../samplers/noiseSampler';
import { ParetoNoiseSampler } from '../samplers/paretoNoise';
import { BLOCK } from '../kernels/exitTime';
import type { Walk2DWasm } from './walk2dWasm';
import { finishLane, type ZigguratSampler } from './wasmTask';
import type { WasmKernels } from './wasmModule';

/**
 * 2-D noise whose coordinates are the 1-D ziggurat samplers' values (axes Pareto, p₊ = 1/2, and
 * Gaussian, as noise2d.ts pairs them) drawn by the module's 1-D first pass (fill1, lane 0) straight
 * into the walk's noise block, the JavaScript sampler finishing the rare rejections: the values
 * the 1-D WebAssembly kernels draw, which are the JavaScript sampler's bit for bit.
 */
class ZigguratPairWasm implements NoiseSampler {
  constructor(
    private readonly k: WasmKernels,
    private readonly m: Walk2DWasm,
    private readonly sampler: ZigguratSampler,
  ) {
    k.tableX.set(sampler.table.x);
    k.tableXIn.set(sampler.table.xIn);
    const [hs, hshift] = sampler instanceof ParetoNoiseSampler ? [sampler.etaScale, sampler.etaShift] : [sampler.etaSigma, 0];
    k.exports.setParams(0, 0, Infinity, 0, -Infinity, Infinity, hs, hshift);
  }

  /** Values 2·from … 2·to of the stream into one of the walk's noise blocks (`buf` or `bufB`). */
  fill(stream: NoiseStream, out: Float64Array, from: number, to: number): void {
    const address = this.m.addressOf(out);
    const { k } = this;
    for (let q = 0; q < 4; q++) k.state[4 * q] = stream[q];
    // At most BLOCK values a pass: lane 0's notes for the second pass hold BLOCK.
    for (let a = 2 * from; a < 2 * to; a += BLOCK) {
      k.exports.fill1(0, address, 1, 0, a, Math.min(2 * to, a + BLOCK));
      for (let q = 0; q < 4; q++) stream[q] = k.state[4 * q];
      finishLane(k, this.sampler, 0, stream, out);
    }
  }
}

/**
 * Isotropic Pareto noise: the module's copy of IsotropicParetoSampler's first pass (assembly/
 * noise2d.ts) straight into the walk's noise block; the JavaScript sampler finishes the rare
 * rejections from the module's notes, as in 1-D.
 */
class IsotropicWasm implements NoiseSampler {
  private readonly sampler: IsotropicParetoSampler;
  private readonly exports: { fillIsotropic(out: number, from: number, to: number): void };

  constructor(
    private readonly k: WasmKernels,
    private readonly m: Walk2DWasm,
    alpha: number,
    scale: number,
    eta: number,
  ) {
    this.sampler = new IsotropicParetoSampler(alpha, scale, eta);
    this.exports = k.exports as unknown as { fillIsotropic(out: number, from: number, to: number): void };
    k.tableX.set(this.sampler.table.x);
    k.tableXIn.set(this.sampler.table.xIn);
    k.exports.setParams(0, 0, Infinity, 0, -Infinity, Infinity, this.sampler.etaScale, 0);
    const notes = k.pending[0];
    this.sampler.pending.position = notes.position;
    this.sampler.pending.candidate = notes.candidate;
    this.sampler.pending.word = notes.word;
  }

  fill(stream: NoiseStream, out: Float64Array, from: number, to: number): void {
    const address = this.m.addressOf(out);
    if (to - from > BLOCK) throw new Error('the WebAssembly 2-D sampler fills at most a block');
    const { k } = this;
    for (let q = 0; q < 4; q++) k.state[4 * q] = stream[q];
    this.exports.fillIsotropic(address, from, to);
    for (let q = 0; q < 4; q++) stream[q] = k.state[4 * q];
    const count = k.pendingCount[0];
    if (count > 0) this.sampler.finish(stream, out, count);
  }
}

/** The module's sampler for this noise, or null when the JavaScript one must draw it. */
export function wasmNoise2d(k: WasmKernels, m: Walk2DWasm, noise: KernelNoise2D, eta: number): NoiseSampler | null {
  if (noise.family === 'gaussian') return new ZigguratPairWasm(k, m, new GaussianNoiseSampler(noise, eta));
  if (noise.family === 'pareto' && noise.direction === 'axes') {
    return new ZigguratPairWasm(k, m, new ParetoNoiseSampler({ family: 'pareto', alpha: noise.alpha, scale: noise.scale, pPlus: 0.5 }, eta));
  }
  if (noise.family === 'pareto') return new IsotropicWasm(k, m, noise.alpha, noise.scale, eta);
  return null;
}
