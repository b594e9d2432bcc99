import { describe, expect, it } from 'vitest';
import { expandConfig } from '../../../src-shared/model/expandConfig';
import type { ExitTimeConfig } from '../../../src-shared/model/config';
import type { ExitTimeChunkResult, KernelChunkResult } from '../../../src-main/engine/tasks';
import { exitTimePoint } from '../../../src-main/engine/aggregate/exitTimeAggregate';
import { logLogFit } from '../../../src-main/engine/aggregate/logLogFit';
import { aggregateRun } from '../../../src-main/engine/aggregate/aggregateRun';
import { exitTimeKey } from '../../../src-main/engine/executor/chunkKeys';
import { exitTimeStream } from '../../../src-main/engine/random/streamKey';
import { uniformPositive } from '../../../src-main/engine/random/xoshiro128';
import { slopeStandardError } from './statistics';

const config = expandConfig({
  kind: 'exit-time',
  landscape: { preset: 'paper' },
  x0: -0.7,
  arms: [
    { label: 'clipped', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.5 },
    { label: 'light', noise: { family: 'gaussian', sigma: 1 }, clip: null },
  ],
  etas: [0.1, 0.01],
  samples: 6,
  maxIterations: 1000,
}) as ExitTimeConfig;

/** σ and exit field of sample s in group (arm, η index): arbitrary but fixed, some censored. */
function sample(arm: number, e: number, s: number): { sigma: number; to: number } {
  const sigma = ((arm + 1) * 37 + (e + 1) * 101 + s * 53) % 1200;
  return sigma >= 1000 ? { sigma: 1000, to: 0 } : { sigma, to: s % 2 === 0 ? 1 : 3 };
}

function chunk(arm: number, e: number, start: number, count: number): [string, ExitTimeChunkResult] {
  const xs = Array.from({ length: count }, (_, k) => sample(arm, e, start + k));
  return [
    exitTimeKey(arm, e, start, count),
    { kind: 'exit-time', exitTimes: xs.map((x) => x.sigma), exitTo: xs.map((x) => x.to), iterations: xs.reduce((t, x) => t + x.sigma, 0) },
  ];
}

describe('exit-time aggregation', () => {
  it('gives mean, sd/√n, censoring and exit fields of a point', () => {
    const p = exitTimePoint(0.01, [
      { index: 2, sigma: 6, to: 3 },
      { index: 0, sigma: 2, to: 1 },
      { index: 1, sigma: 10, to: 0 },
      { index: 3, sigma: 2, to: 1 },
    ]);
    expect(p.exitTimes).toEqual([2, 10, 6, 2]);
    expect(p.samples).toBe(4);
    expect(p.censored).toBe(1);
    expect(p.mean).toBe(5);
    // sd² = ((−3)² + 5² + 1² + (−3)²)/3 = 44/3
    expect(p.stderr).toBeCloseTo(Math.sqrt(44 / 3 / 4), 12);
    expect(p.exitTo).toEqual({ '1': 2, '3': 1 });
  });

  it('does not depend on how the samples were chunked or in which order chunks finished', () => {
    const coarse = new Map<string, KernelChunkResult>();
    const fine = new Map<string, KernelChunkResult>();
    for (let arm = 0; arm < 2; arm++) {
      for (let e = 0; e < 2; e++) {
        coarse.set(...chunk(arm, e, 0, 6));
        for (const [start, count] of [[4, 2], [0, 1], [1, 3]]) fine.set(...chunk(arm, e, start, count));
      }
    }
    const reversed = new Map([...fine].reverse());
    const a = JSON.stringify(aggregateRun(config, coarse));
    expect(JSON.stringify(aggregateRun(config, fine))).toBe(a);
    expect(JSON.stringify(aggregateRun(config, reversed))).toBe(a);
  });

  it('reports the samples done so far in a partial run, and zeros for an η not started', () => {
    const partial = new Map<string, KernelChunkResult>([chunk(0, 0, 3, 2)]);
    const result = aggregateRun(config, partial);
    if (result?.kind !== 'exit-time') throw new Error('expected an exit-time result');
    expect(result.arms[0].points[0].samples).toBe(2);
    expect(result.arms[0].points[0].exitTimes).toEqual([sample(0, 0, 3).sigma, sample(0, 0, 4).sigma]);
    expect(result.arms[0].points[1]).toMatchObject({ samples: 0, mean: 0, stderr: 0, exitTimes: [] });
    expect(aggregateRun(config, new Map())).toBeNull();
  });

  it('attaches the theory of Ω2: β = 1.4 with b = 0.5 (l* = 2), none for Gaussian noise', () => {
    const result = aggregateRun(config, new Map([chunk(0, 0, 0, 1)]));
    if (result?.kind !== 'exit-time') throw new Error('expected an exit-time result');
    expect(result.arms[0].theory).toEqual({ field: 2, lStar: 2, exponent: expect.closeTo(1.4, 12) });
    expect(result.arms[1].theory).toBeNull();
  });
});

describe('log-log fit', () => {
  it('recovers an exact power law mean = e^c (1/η)^β', () => {
    const points = [0.1, 0.03, 0.01, 0.003].map((eta) => ({ eta, mean: Math.exp(0.7) * (1 / eta) ** 1.3, stderr: 0 }));
    const fit = logLogFit(points);
    expect(fit?.slope).toBeCloseTo(1.3, 12);
    expect(fit?.intercept).toBeCloseTo(0.7, 12);
    expect(fit?.r2).toBeCloseTo(1, 12);
    expect(fit?.points).toBe(4);
  });

  it('is null with fewer than two usable points', () => {
    expect(logLogFit([{ eta: 0.1, mean: 10, stderr: 1 }])).toBeNull();
    expect(logLogFit([{ eta: 0.1, mean: 10, stderr: 1 }, { eta: 0.01, mean: 0, stderr: 0 }])).toBeNull();
  });

  it('reports "no fit" (null), not a number, when every η is the same', () => {
    // 10,000 copies of one η: rounding in the mean of log(1/η) once made this a "fit" of noise.
    const points = Array.from({ length: 10_000 }, (_, k) => ({ eta: 0.003, mean: 100 + (k % 7), stderr: 1 }));
    expect(logLogFit(points)).toBeNull();
  });

  it('gives the slope\'s standard error from the points\' errors, as the independent helper computes it', () => {
    const points = [
      { eta: 0.1, mean: 120, stderr: 15 },
      { eta: 0.03, mean: 700, stderr: 90 },
      { eta: 0.01, mean: 2600, stderr: 400 },
    ];
    expect(logLogFit(points)?.slopeStderr).toBeCloseTo(slopeStandardError(points)!, 12);
  });

  it('has a standard error that matches the spread of slopes over independent replications', () => {
    // Exit times are nearly exponential, so each replication draws n exponential σ per η with
    // mean 5·(1/η)^1.4 and fits them. Over R = 400 replications the sd of the slopes estimates
    // the true error with relative standard error ≈ 1/√(2R) = 3.5%; the mean reported stderr
    // has its own small spread. 15% is over 4 of those standard errors.
    const etas = [0.1, 0.03, 0.01];
    const n = 30;
    const state = exitTimeStream(11, 0, 0, 0).subarray(0, 4);
    const slopes: number[] = [];
    const stderrs: number[] = [];
    for (let r = 0; r < 400; r++) {
      const points = etas.map((eta) => {
        const mu = 5 * (1 / eta) ** 1.4;
        const sigma = Array.from({ length: n }, () => -mu * Math.log(uniformPositive(state)));
        return exitTimePoint(eta, sigma.map((s, index) => ({ index, sigma: s, to: 1 })));
      });
      const fit = logLogFit(points)!;
      slopes.push(fit.slope);
      stderrs.push(fit.slopeStderr);
    }
    const mean = slopes.reduce((s, v) => s + v, 0) / slopes.length;
    const sd = Math.sqrt(slopes.reduce((s, v) => s + (v - mean) ** 2, 0) / (slopes.length - 1));
    const reported = stderrs.reduce((s, v) => s + v, 0) / stderrs.length;
    expect(Math.abs(reported / sd - 1)).toBeLessThan(0.15);
    // And the slope itself is unbiased within 4 standard errors of the mean of 400 slopes.
    expect(Math.abs(mean - 1.4)).toBeLessThan((4 * sd) / Math.sqrt(slopes.length));
  });

  it('leaves censored points out of a run\'s fit', () => {
    const censoredConfig = { ...config, etas: [0.1, 0.03, 0.01] };
    const chunks = new Map<string, KernelChunkResult>([
      ['a0/e0/s0-0', { kind: 'exit-time', exitTimes: [10], exitTo: [1], iterations: 10 }],
      ['a0/e1/s0-0', { kind: 'exit-time', exitTimes: [40], exitTo: [3], iterations: 40 }],
      ['a0/e2/s0-0', { kind: 'exit-time', exitTimes: [1000], exitTo: [0], iterations: 1000 }],
    ]);
    const result = aggregateRun(censoredConfig, chunks);
    if (result?.kind !== 'exit-time') throw new Error('expected an exit-time result');
    expect(result.arms[0].fit?.points).toBe(2);
    expect(result.arms[0].fit?.slope).toBeCloseTo(Math.log(4) / Math.log(0.1 / 0.03), 12);
  });
});
