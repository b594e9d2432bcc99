import { landscapePresets } from '../../../src-shared/model/landscape';
import type { Noise } from '../../../src-shared/model/noise';
import type { ExitTimeTask, KernelParams, LongRunTask } from '../../../src-main/engine/tasks';
import { exitTimeStream } from '../../../src-main/engine/random/streamKey';
import type { NoiseSampler } from '../../../src-main/engine/samplers/noiseSampler';

export const paper = landscapePresets.paper;
export const heavy: Noise = { family: 'pareto', alpha: 1.2, scale: 0.1, pPlus: 0.5 };
export const light: Noise = { family: 'gaussian', sigma: 1 };

export function params(noise: Noise, clip: number | null, eta: number): KernelParams {
  return { criticalPoints: [...paper.criticalPoints], L: paper.L, gradientScale: paper.gradientScale, noise, clip, eta };
}

/** Ω2 of the paper landscape = (s1, s2) = (−1.3, 0.2). */
export function exitTask(p: KernelParams, over: Partial<ExitTimeTask> = {}): ExitTimeTask {
  return {
    kind: 'exit-time', params: p, x0: -0.7, left: -1.3, right: 0.2, maxIterations: 1e7,
    seed: 1, arm: 0, etaIndex: 0, sampleStart: 0, sampleCount: 10, ...over,
  };
}

export function longTask(p: KernelParams, over: Partial<LongRunTask> = {}): LongRunTask {
  return {
    kind: 'long-run', params: p, x0: 0.3, seed: 1, arm: 0, path: 0, iterations: 100_000,
    bins: 50, thin: 100, epsilon: 0.05, state: null, ...over,
  };
}

/** 20,000 values of a sampler from the stream of `seed`, filled at once and in uneven pieces (cuts at 1, 1000, 1001, 12,345). */
export function fillWholeAndInPieces(sampler: NoiseSampler, seed: number): { whole: Float64Array; pieces: Float64Array } {
  const whole = new Float64Array(20_000);
  sampler.fill(exitTimeStream(seed, 0, 0, 0), whole, 0, whole.length);
  const pieces = new Float64Array(20_000);
  const s = exitTimeStream(seed, 0, 0, 0);
  for (const [a, b] of [[0, 1], [1, 1000], [1000, 1001], [1001, 12_345], [12_345, 20_000]]) sampler.fill(s, pieces, a, b);
  return { whole, pieces };
}
