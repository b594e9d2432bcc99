import { describe, expect, it } from 'vitest';
import { runTask2d } from '../../../src-main/engine/kernels2d/runTask2d';
import type {
  ExitTime2DChunkResult, ExitTime2DTask, KernelNoise2D, KernelParams2D, LongRun2DChunkResult, LongRun2DTask,
} from '../../../src-main/engine/kernels2d/tasks2d';
import { TICK_INTERVAL_2D } from '../../../src-main/engine/kernels2d/exitTime2d';
import { BASIN_MAP_NODES } from '../../../src-shared/theory2d/basinMap';

const noises: KernelNoise2D[] = [
  { family: 'pareto', alpha: 1.5, scale: 0.5, direction: 'isotropic' },
  { family: 'pareto', alpha: 1.2, scale: 0.3, direction: 'axes' },
  { family: 'gaussian', sigma: 4 },
  { family: 'stable', alpha: 1.4, scale: 0.3, direction: 'axes' },
  { family: 'student', nu: 1.6, scale: 0.3, direction: 'axes' },
];

function params(noise: KernelNoise2D, clip: number | null, landscape: KernelParams2D['landscape'] = { dimension: 2, preset: 'wide-and-sharp' }): KernelParams2D {
  return { landscape, mapNodes: BASIN_MAP_NODES, noise, clip, eta: 0.01 };
}

function exitTask(p: KernelParams2D, over: Partial<ExitTime2DTask> = {}): ExitTime2DTask {
  return { kind: 'exit-time-2d', params: p, x0: [0.973, -0.78], maxIterations: 1e7, seed: 5, arm: 1, etaIndex: 2, sampleStart: 0, sampleCount: 11, ...over };
}

function longTask(p: KernelParams2D, over: Partial<LongRun2DTask> = {}): LongRun2DTask {
  return { kind: 'long-run-2d', params: p, x0: [-0.676, -0.169], seed: 5, arm: 0, path: 3, iterations: 30_000, bins: 16, thin: 100, epsilon: 0.05, state: null, ...over };
}

const sum = (rows: number[][]): number[] => rows[0].map((_, k) => rows.reduce((s, r) => s + r[k], 0));

describe('2-D kernels give the same numbers for any chunking', () => {
  it.each(noises)('exit times: one chunk of 11 samples = chunks of 4, 1 and 6 ($family $direction)', (noise) => {
    for (const clip of [0.5, null]) {
      const whole = runTask2d(exitTask(params(noise, clip))) as ExitTime2DChunkResult;
      const pieces = [[0, 4], [4, 1], [5, 6]].map(([start, count]) =>
        runTask2d(exitTask(params(noise, clip), { sampleStart: start, sampleCount: count })) as ExitTime2DChunkResult,
      );
      expect(pieces.flatMap((r) => r.exitTimes)).toStrictEqual(whole.exitTimes);
      expect(pieces.flatMap((r) => r.exitTo)).toStrictEqual(whole.exitTo);
      expect(pieces.reduce((s, r) => s + r.iterations, 0)).toBe(whole.iterations);
      expect(new Set(whole.exitTimes).size).toBeGreaterThan(1);
    }
  });

  it('censors at maxIterations with destination 0, and a censored sample does not disturb the next', () => {
    const p = params({ family: 'pareto', alpha: 1.5, scale: 0.5, direction: 'isotropic' }, 0.5);
    const free = runTask2d(exitTask(p, { sampleCount: 6 })) as ExitTime2DChunkResult;
    const cap = [...free.exitTimes].sort((a, b) => a - b)[2];
    const capped = runTask2d(exitTask(p, { sampleCount: 6, maxIterations: cap })) as ExitTime2DChunkResult;
    free.exitTimes.forEach((t, k) => {
      expect(capped.exitTimes[k]).toBe(Math.min(t, cap));
      expect(capped.exitTo[k]).toBe(t <= cap ? free.exitTo[k] : 0);
    });
  });

  it.each(noises)('a long path cut in uneven pieces continues bit for bit ($family $direction)', (noise) => {
    for (const clip of [0.5, null]) {
      const p = params(noise, clip);
      const whole = runTask2d(longTask(p)) as LongRun2DChunkResult;
      const pieces: LongRun2DChunkResult[] = [];
      let state: LongRun2DTask['state'] = null;
      for (const iterations of [1, 10_239, 7_777, 11_983]) {
        const r = runTask2d(longTask(p, { iterations, state })) as LongRun2DChunkResult;
        pieces.push(r);
        state = r.state;
      }
      expect(pieces.at(-1)!.state).toStrictEqual(whole.state);
      expect(pieces.flatMap((r) => r.trajectory)).toStrictEqual(whole.trajectory);
      for (const field of ['histogram', 'basinCounts', 'transitions', 'sojournCount', 'sojournSum', 'sojournSumSq'] as const) {
        expect(sum(pieces.map((r) => r[field]))).toStrictEqual(whole[field]);
      }
      expect(whole.histogram.reduce((s, c) => s + c, 0)).toBe(30_000);
      expect(whole.trajectory.length).toBe(2 * (30_000 / 100 + 1));
    }
  });

  it('counts moves between minima and sojourns on a path that moves', () => {
    const r = runTask2d(longTask(params({ family: 'pareto', alpha: 1.5, scale: 0.2, direction: 'isotropic' }, null), { iterations: 100_000 })) as LongRun2DChunkResult;
    const moves = r.transitions.reduce((s, c) => s + c, 0);
    expect(moves).toBeGreaterThan(0);
    expect(r.sojournCount.reduce((s, c) => s + c, 0)).toBe(moves);
    for (let i = 0; i < 3; i++) expect(r.transitions[i * 3 + i]).toBe(0);
  });

  it('Müller–Brown: the same identities hold on the anisotropic surface', () => {
    const p = params({ family: 'pareto', alpha: 1.5, scale: 0.5, direction: 'isotropic' }, 0.5, { dimension: 2, preset: 'muller-brown' });
    const x0: [number, number] = [0.148, -0.42];
    const whole = runTask2d(exitTask(p, { x0, sampleCount: 5 })) as ExitTime2DChunkResult;
    const a = runTask2d(exitTask(p, { x0, sampleCount: 2 })) as ExitTime2DChunkResult;
    const b = runTask2d(exitTask(p, { x0, sampleStart: 2, sampleCount: 3 })) as ExitTime2DChunkResult;
    expect([...a.exitTimes, ...b.exitTimes]).toStrictEqual(whole.exitTimes);
    expect(whole.home).toBe(2);
  });

  it('stops when the tick says so, and ticks at least every 2^18 iterations', () => {
    const p = params({ family: 'gaussian', sigma: 0.1 }, 0.5);
    const seen: number[] = [];
    const stopped = runTask2d(exitTask(p, { maxIterations: 1e9, sampleCount: 3 }), (n) => {
      seen.push(n);
      return seen.length < 5;
    });
    expect(stopped).toBeNull();
    expect(seen).toHaveLength(5);
    seen.forEach((n, k) => expect(n - (seen[k - 1] ?? 0)).toBeLessThanOrEqual(TICK_INTERVAL_2D + 2));
    const longSeen: number[] = [];
    expect(runTask2d(longTask(p, { iterations: 3 * TICK_INTERVAL_2D }), (n) => (longSeen.push(n), true))).not.toBeNull();
    expect(longSeen.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses an ε whose ball would reach outside its basin', () => {
    const p = params({ family: 'gaussian', sigma: 1 }, 0.5);
    expect(() => runTask2d(longTask(p, { epsilon: 0.5, iterations: 10 }))).toThrow(/ball of m2 outside its basin/);
  });
});
