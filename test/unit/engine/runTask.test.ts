import { describe, expect, it } from 'vitest';
import { runTask } from '../../../src-main/engine/runTask';
import type { ExitTimeChunkResult, LongRunChunkResult } from '../../../src-main/engine/tasks';
import { exitTask, heavy, light, longTask, params } from './fixtures';

const variants = [
  { name: 'pareto clipped', p: params(heavy, 0.5, 0.01) },
  { name: 'pareto unclipped', p: params(heavy, null, 0.01) },
  { name: 'gaussian clipped', p: params(light, 0.5, 0.05) },
  { name: 'gaussian unclipped', p: params(light, null, 0.05) },
];

describe.each(variants)('runTask $name', ({ p }) => {
  it('gives identical results for the same task twice', () => {
    const task = exitTask(p, { sampleCount: 5, maxIterations: 200_000 });
    expect(runTask(task)).toEqual(runTask(task));
    const long = longTask(p);
    expect(runTask(long)).toEqual(runTask(long));
  });

  it('gives each sample its own stream: results do not depend on how samples are chunked', () => {
    const all = runTask(exitTask(p, { sampleCount: 6, maxIterations: 200_000 })) as ExitTimeChunkResult;
    const a = runTask(exitTask(p, { sampleCount: 2, maxIterations: 200_000 })) as ExitTimeChunkResult;
    const b = runTask(exitTask(p, { sampleStart: 2, sampleCount: 4, maxIterations: 200_000 })) as ExitTimeChunkResult;
    expect([...a.exitTimes, ...b.exitTimes]).toEqual(all.exitTimes);
    expect([...a.exitTo, ...b.exitTo]).toEqual(all.exitTo);
    expect(a.iterations + b.iterations).toBe(all.iterations);
  });

  it('continues a long path split into chunks bit-identically', () => {
    const whole = runTask(longTask(p, { iterations: 30_000, thin: 7 })) as LongRunChunkResult;
    let state = null;
    const parts: LongRunChunkResult[] = [];
    for (const iterations of [9_999, 1, 10_001, 9_999]) {
      const r = runTask(longTask(p, { iterations, thin: 7, state })) as LongRunChunkResult;
      parts.push(r);
      state = r.state;
    }
    const sum = (pick: (r: LongRunChunkResult) => number[]) =>
      parts.map(pick).reduce((acc, v) => acc.map((x, k) => x + v[k]));
    expect(state).toEqual(whole.state);
    expect(parts.flatMap((r) => r.trajectory)).toEqual(whole.trajectory);
    expect(sum((r) => r.histogram)).toEqual(whole.histogram);
    expect(sum((r) => r.fieldCounts)).toEqual(whole.fieldCounts);
    expect(sum((r) => r.transitions)).toEqual(whole.transitions);
    expect(sum((r) => r.sojournCount)).toEqual(whole.sojournCount);
    expect(sum((r) => r.sojournSum)).toEqual(whole.sojournSum);
    expect(sum((r) => r.sojournSumSq)).toEqual(whole.sojournSumSq);
  });
});

describe('runTask bookkeeping', () => {
  it('counts every iterate once in the histogram and the fields, and thins from X(0)', () => {
    const r = runTask(longTask(params(heavy, null, 0.01), { iterations: 10_000, thin: 100 })) as LongRunChunkResult;
    expect(r.histogram.reduce((a, b) => a + b)).toBe(10_000);
    expect(r.fieldCounts.reduce((a, b) => a + b)).toBe(10_000);
    expect(r.trajectory).toHaveLength(101);
    expect(r.trajectory[0]).toBe(0.3);
    expect(r.state.n).toBe(10_000);
  });

  it('censors samples that never leave Ω at maxIterations with exit field 0', () => {
    // Gaussian noise with σ = 1 at η = 0.001 practically never leaves Ω2 in 1000 steps.
    const r = runTask(exitTask(params(light, 0.5, 0.001), { maxIterations: 1000, sampleCount: 3 })) as ExitTimeChunkResult;
    expect(r.exitTimes).toEqual([1000, 1000, 1000]);
    expect(r.exitTo).toEqual([0, 0, 0]);
    expect(r.iterations).toBe(3000);
  });

  it('reports σ = 0 and the field of x0 when x0 is already outside Ω', () => {
    const r = runTask(exitTask(params(heavy, 0.5, 0.01), { x0: 0.3, sampleCount: 1 })) as ExitTimeChunkResult;
    expect(r.exitTimes).toEqual([0]);
    expect(r.exitTo).toEqual([3]);
  });

  it('exits Ω2 to a neighbouring field, with σ ≥ 1', () => {
    const r = runTask(exitTask(params(heavy, 0.5, 0.05), { sampleCount: 20 })) as ExitTimeChunkResult;
    for (let k = 0; k < 20; k++) {
      expect(r.exitTimes[k]).toBeGreaterThanOrEqual(1);
      expect([1, 3, 4]).toContain(r.exitTo[k]);
    }
  });

  it('stops and returns null when tick asks to cancel', () => {
    const ticks: number[] = [];
    const r = runTask(longTask(params(heavy, null, 0.01), { iterations: 3 << 20 }), (done) => {
      ticks.push(done);
      return ticks.length < 2;
    });
    expect(r).toBeNull();
    expect(ticks).toEqual([1 << 20, 2 << 20]);
  });
});
