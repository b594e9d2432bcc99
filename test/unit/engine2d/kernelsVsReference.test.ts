import { describe, expect, it } from 'vitest';
import { runTask2d } from '../../../src-main/engine/kernels2d/runTask2d';
import type { ExitTime2DChunkResult, KernelNoise2D, KernelParams2D, LongRun2DChunkResult } from '../../../src-main/engine/kernels2d/tasks2d';
import { BASIN_MAP_NODES } from '../../../src-shared/theory2d/basinMap';
import { landscapeTheory2d } from '../../../src-shared/theory2d/landscapeTheory';
import { basinShares, exitTimes, meanAndStderr, type Model2D, type PlainNoise2D } from './referenceSimulator';

/**
 * The 2-D kernels against the independent simulator of referenceSimulator.ts on the
 * wide-and-sharp preset at η = 0.01. Fixed seeds on both sides. Each check is a z-score against
 * the combined standard error: for mean exit times sd/√n per side (the times are roughly
 * exponential, so about 6% of the mean at n = 300); for destination shares the pooled binomial
 * √(p(1 − p)(1/n₁ + 1/n₂)); for long-run shares the spread of the per-path shares over
 * independent paths, sd/√paths per side. |z| < 4 fails a correct kernel with probability
 * below 10⁻⁴ per check, and a wrong scale, clip or direction moves these means by far more.
 */
const landscape = { dimension: 2, preset: 'wide-and-sharp' } as const;
const theory = landscapeTheory2d(landscape);
const m2: [number, number] = [0.892, 0.793];
const m3: [number, number] = [0.973, -0.78];
const ETA = 0.01;
const SAMPLES = 300;

function params(noise: KernelNoise2D, clip: number | null): KernelParams2D {
  return { landscape, mapNodes: BASIN_MAP_NODES, noise, clip, eta: ETA };
}

function model(noise: PlainNoise2D, clip: number | null): Model2D {
  return { surface: theory.surface, map: theory.map, noise, clip, eta: ETA };
}

function z(a: { mean: number; stderr: number }, b: { mean: number; stderr: number }): number {
  return (a.mean - b.mean) / Math.hypot(a.stderr, b.stderr);
}

const cases: { name: string; noise: PlainNoise2D; clip: number | null; x0: [number, number] }[] = [
  { name: 'isotropic Pareto, clipped', noise: { family: 'pareto', alpha: 1.5, scale: 0.5, direction: 'isotropic' }, clip: 0.5, x0: m3 },
  { name: 'axes Pareto, clipped', noise: { family: 'pareto', alpha: 1.5, scale: 0.5, direction: 'axes' }, clip: 0.5, x0: m3 },
  { name: 'isotropic Pareto, unclipped', noise: { family: 'pareto', alpha: 1.5, scale: 0.2, direction: 'isotropic' }, clip: null, x0: m2 },
  { name: 'Gaussian, clipped', noise: { family: 'gaussian', sigma: 4 }, clip: 0.5, x0: m3 },
];

describe('2-D kernels agree with an independent simulator', () => {
  it.each(cases)('exit times and destinations: $name', ({ noise, clip, x0 }) => {
    const ours = runTask2d({
      kind: 'exit-time-2d', params: params(noise, clip), x0, maxIterations: 1e8,
      seed: 7, arm: 0, etaIndex: 0, sampleStart: 0, sampleCount: SAMPLES,
    }) as ExitTime2DChunkResult;
    const ref = exitTimes(model(noise, clip), x0, SAMPLES, 99);
    expect(ours.exitTo.every((b) => b > 0 && b !== ours.home)).toBe(true);
    const zMean = z(meanAndStderr(ours.exitTimes), meanAndStderr(ref.times));
    expect(Math.abs(zMean)).toBeLessThan(4);
    for (let basin = 1; basin <= theory.minima.length; basin++) {
      const p1 = ours.exitTo.filter((b) => b === basin).length / SAMPLES;
      const p2 = ref.to.filter((b) => b === basin).length / SAMPLES;
      const pooled = (p1 + p2) / 2;
      if (pooled === 0 || pooled === 1) continue;
      expect(Math.abs(p1 - p2) / Math.sqrt((pooled * (1 - pooled) * 2) / SAMPLES)).toBeLessThan(4);
    }
  });

  it('long-run share of time per basin', () => {
    const noise: KernelNoise2D = { family: 'pareto', alpha: 1.5, scale: 0.2, direction: 'isotropic' };
    const x0: [number, number] = [-0.676, -0.169];
    const paths = 12;
    const T = 60_000;
    const ours = Array.from({ length: paths }, (_, path) => {
      const r = runTask2d({
        kind: 'long-run-2d', params: params(noise, null), x0, seed: 3, arm: 0, path,
        iterations: T, bins: 20, thin: 1000, epsilon: 0.05, state: null,
      }) as LongRun2DChunkResult;
      return r.basinCounts.map((c) => c / T);
    });
    const ref = basinShares(model(noise, null), x0, paths, T, 5);
    for (let basin = 0; basin < theory.minima.length; basin++) {
      const a = meanAndStderr(ours.map((row) => row[basin]));
      const b = meanAndStderr(ref.map((row) => row[basin]));
      expect(Math.abs(z(a, b))).toBeLessThan(4);
    }
    // Every basin is visited on some path, so no comparison above is 0 against 0.
    for (let basin = 0; basin < theory.minima.length; basin++) expect(ours.some((row) => row[basin] > 0)).toBe(true);
  });
});
