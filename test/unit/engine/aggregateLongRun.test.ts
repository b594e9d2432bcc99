import { describe, expect, it } from 'vitest';
import { expandConfig } from '../../../src-shared/model/expandConfig';
import type { LongRunConfig } from '../../../src-shared/model/config';
import type { KernelChunkResult, LongRunChunkResult } from '../../../src-main/engine/tasks';
import { aggregateRun } from '../../../src-main/engine/aggregate/aggregateRun';
import { histogramEdges, sojournStats } from '../../../src-main/engine/aggregate/longRunAggregate';
import { longRunKey } from '../../../src-main/engine/executor/chunkKeys';

const config = expandConfig({
  kind: 'long-run',
  landscape: { criticalPoints: [-1, 0, 1], L: 2, gradientScale: 1 },
  x0: 0.5,
  eta: 0.01,
  paths: 2,
  iterations: 10,
  bins: 4,
  thin: 5,
  epsilon: 0.1,
  arms: [{ label: 'only', noise: { family: 'pareto', alpha: 1.5, scale: 0.1 }, clip: null }],
}) as LongRunConfig;

function piece(path: number, chunk: number, fill: number): LongRunChunkResult {
  return {
    kind: 'long-run',
    histogram: [fill, 0, 1, 4 - fill],
    fieldCounts: [fill, 5 - fill],
    trajectory: [path * 10 + chunk],
    transitions: [0, fill, 1, 0],
    sojournCount: [fill, 1],
    sojournSum: [3 * fill, 7],
    sojournSumSq: [9 * fill, 49],
    state: { x: 0, n: 5 * (chunk + 1), rng: [1, 2, 3, 4], lastMinimum: 1, enteredAt: 0 },
    iterations: 5,
  };
}

describe('long-run aggregation', () => {
  it('sums the pieces of every path and reads occupancy, histogram, transitions and trajectories', () => {
    const chunks = new Map<string, KernelChunkResult>([
      [longRunKey(0, 1, 1), piece(1, 1, 2)],
      [longRunKey(0, 0, 0), piece(0, 0, 1)],
      [longRunKey(0, 1, 0), piece(1, 0, 0)],
      [longRunKey(0, 0, 1), piece(0, 1, 3)],
    ]);
    const result = aggregateRun(config, chunks);
    if (result?.kind !== 'long-run') throw new Error('expected a long-run result');
    const arm = result.arms[0];
    expect(arm.iterations).toBe(20);
    expect(arm.histogram.edges).toEqual([-2, -1, 0, 1, 2]);
    expect(arm.histogram.counts).toEqual([6, 0, 4, 10]);
    expect(arm.occupancy).toEqual([6 / 20, 14 / 20]);
    expect(arm.trajectories).toEqual([[0, 1], [10, 11]]);
    expect(arm.transitions).toEqual([[0, 6], [4, 0]]);
    // m1: 6 sojourns summing to 18 (squares 54), i.e. six of length 3.
    expect(arm.sojourns[0]).toEqual({ minimum: 1, count: 6, mean: 3, stderr: 0 });
    expect(arm.sojourns[1]).toMatchObject({ minimum: 2, count: 4, mean: 7, stderr: 0 });
  });

  it('gives the same bytes whatever order the pieces finished in', () => {
    const keys = [longRunKey(0, 0, 0), longRunKey(0, 0, 1), longRunKey(0, 1, 0), longRunKey(0, 1, 1)];
    const inOrder = new Map<string, KernelChunkResult>(keys.map((k, i) => [k, piece(i >> 1, i & 1, i)]));
    const shuffled = new Map([...inOrder].reverse());
    expect(JSON.stringify(aggregateRun(config, shuffled))).toBe(JSON.stringify(aggregateRun(config, inOrder)));
  });

  it('computes sojourn mean and standard error from running sums', () => {
    const xs = [3, 5, 10, 2];
    const sum = xs.reduce((s, v) => s + v, 0);
    const sumSq = xs.reduce((s, v) => s + v * v, 0);
    const mean = sum / 4;
    const sd = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / 3);
    const stats = sojournStats(2, 4, sum, sumSq);
    expect(stats.mean).toBe(mean);
    expect(stats.stderr).toBeCloseTo(sd / 2, 12);
  });

  it('has no sojourn mean without sojourns, and no standard error from a single one', () => {
    expect(sojournStats(1, 0, 0, 0)).toEqual({ minimum: 1, count: 0, mean: null, stderr: null });
    expect(sojournStats(3, 1, 42, 42 * 42)).toEqual({ minimum: 3, count: 1, mean: 42, stderr: null });
    expect(sojournStats(3, 2, 6, 4 + 16)).toEqual({ minimum: 3, count: 2, mean: 3, stderr: 1 });
  });

  it('has bins + 1 edges from −L to exactly L', () => {
    const edges = histogramEdges({ bins: 200, landscape: { criticalPoints: [0], L: 1.6, gradientScale: 1 } });
    expect(edges).toHaveLength(201);
    expect(edges[0]).toBe(-1.6);
    expect(edges[200]).toBe(1.6);
  });
});
