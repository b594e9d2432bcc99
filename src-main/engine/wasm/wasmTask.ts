import type { KernelParams } from '../tasks';
import type { NoiseStream } from '../random/streamKey';
import { gradientConstants } from '../kernels/gradient';
import { GaussianNoiseSampler } from '../samplers/gaussianNoise';
import { ParetoNoiseSampler } from '../samplers/paretoNoise';
import { noiseSamplerFor } from '../samplers/noiseSamplerFor';
import { MAX_BINS, type WasmKernels } from './wasmModule';

/** Most critical points the module holds (assembly/layout.ts MAX_POINTS). */
const MAX_POINTS = 128;

/** The samplers whose first pass the module runs: sign from bit 10 of the second word. */
export type ZigguratSampler = ParetoNoiseSampler | GaussianNoiseSampler;

/**
 * Why these parameters need the JavaScript kernels, or null when the WebAssembly ones cover them:
 * Gaussian noise and Pareto noise with p₊ = 1/2 (a biased sign draws a third word per value,
 * which only the JavaScript sampler does).
 */
export function wasmUnsupported(params: KernelParams, bins?: number): string | null {
  const noise = params.noise;
  if (noise.family === 'pareto' && noise.pPlus !== 0.5) return 'Pareto noise with p₊ ≠ 1/2';
  if (noise.family !== 'pareto' && noise.family !== 'gaussian') return `${(noise as { family: string }).family} noise`;
  if (params.criticalPoints.length > MAX_POINTS) return `more than ${MAX_POINTS} critical points`;
  if (bins !== undefined && bins > MAX_BINS) return `more than ${MAX_BINS} histogram bins`;
  return null;
}

/** The sampler (for its tables and second pass), with the task's constants written into the module. */
export function setUpTask(k: WasmKernels, params: KernelParams, left: number, right: number): ZigguratSampler {
  const sampler = noiseSamplerFor(params.noise, params.eta);
  if (!(sampler instanceof ParetoNoiseSampler || sampler instanceof GaussianNoiseSampler)) {
    throw new Error(`no WebAssembly kernel for ${params.noise.family} noise`);
  }
  const g = gradientConstants(params.criticalPoints, params.gradientScale, params.eta);
  k.points.fill(0);
  k.points.set(g.c);
  k.tableX.set(sampler.table.x);
  k.tableXIn.set(sampler.table.xIn);
  const [hs, hshift] = sampler instanceof ParetoNoiseSampler ? [sampler.etaScale, sampler.etaShift] : [sampler.etaSigma, 0];
  k.exports.setParams(g.n, g.etaKappa, params.clip ?? Infinity, params.L, left, right, hs, hshift);
  return sampler;
}

/**
 * The second pass for `lane`: the JavaScript sampler finishes the module's pending notes in order
 * with the stream's auxiliary words (4–7), writing into `out` at the noted positions.
 */
export function finishLane(k: WasmKernels, sampler: ZigguratSampler, lane: number, stream: NoiseStream, out: Float64Array): void {
  const count = k.pendingCount[lane];
  if (count === 0) return;
  const notes = k.pending[lane];
  sampler.pending.position = notes.position;
  sampler.pending.candidate = notes.candidate;
  sampler.pending.word = notes.word;
  sampler.finish(stream, out, count);
}
