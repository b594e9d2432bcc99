import { describe, expect, it } from 'vitest';
import { expandConfig } from '../../../src-shared/model/expandConfig';
import type { ExitTimeConfig, LongRunConfig } from '../../../src-shared/model/config';
import type { ExitTimeChunkResult, KernelChunkResult, LongRunChunkResult } from '../../../src-main/engine/tasks';
import { exitTimeKey, longRunKey, parseChunkKey } from '../../../src-main/engine/executor/chunkKeys';
import { ExitTimePlan } from '../../../src-main/engine/executor/exitTimePlan';
import { LongRunPlan } from '../../../src-main/engine/executor/longRunPlan';
import { estimateMeanExit } from '../../../src-main/engine/executor/exitTimeEstimate';
import { meanExitPrediction } from '../../../src-main/engine/executor/exitTimePrediction';
import type { ChunkJob } from '../../../src-main/engine/executor/chunkSource';

const pareto = { family: 'pareto', alpha: 1.2, scale: 0.1 } as const;

const exitConfig = expandConfig({
  kind: 'exit-time',
  landscape: { preset: 'paper' },
  x0: -0.7,
  arms: [
    { label: 'clipped', noise: pareto, clip: 0.5 },
    { label: 'free', noise: pareto, clip: null },
  ],
  etas: [0.1, 0.01],
  samples: 50,
  maxIterations: 10_000,
}) as ExitTimeConfig;

const longConfig = expandConfig({
  kind: 'long-run',
  landscape: { preset: 'paper' },
  x0: 0.3,
  eta: 0.001,
  paths: 3,
  iterations: 1000,
  arms: [{ label: 'free', noise: pareto, clip: null }],
}) as LongRunConfig;

/** A fake exit-time chunk in which every sample takes `sigma` iterations. */
function exitResult(job: ChunkJob, sigma: number): ExitTimeChunkResult {
  if (job.task.kind !== 'exit-time') throw new Error('expected an exit-time task');
  const count = job.task.sampleCount;
  return { kind: 'exit-time', exitTimes: new Array(count).fill(sigma), exitTo: new Array(count).fill(1), iterations: count * sigma };
}

function longResult(job: ChunkJob): LongRunChunkResult {
  if (job.task.kind !== 'long-run') throw new Error('expected a long-run task');
  const n = (job.task.state?.n ?? 0) + job.task.iterations;
  return {
    kind: 'long-run',
    histogram: [],
    fieldCounts: [],
    trajectory: [],
    transitions: [],
    sojournCount: [],
    sojournSum: [],
    sojournSumSq: [],
    state: { x: 0.3, n, rng: [n, 0, 0, 1], lastMinimum: 3, enteredAt: 0 },
    iterations: job.task.iterations,
  };
}

/** Samples each (arm, η) group handed out, checking no sample is handed out twice. */
function drain(plan: ExitTimePlan, sigma: number, inFlight = 2): Map<string, number[]> {
  const seen = new Map<string, number[]>();
  const running: ChunkJob[] = [];
  for (;;) {
    while (running.length < inFlight) {
      const job = plan.next();
      if (!job) break;
      running.push(job);
    }
    const job = running.shift();
    if (!job) break;
    if (job.task.kind !== 'exit-time') throw new Error('expected an exit-time task');
    const id = `${job.task.arm}/${job.task.etaIndex}`;
    const list = seen.get(id) ?? [];
    for (let k = 0; k < job.task.sampleCount; k++) list.push(job.task.sampleStart + k);
    seen.set(id, list);
    plan.complete(job, exitResult(job, sigma));
  }
  return seen;
}

describe('chunk keys', () => {
  it('round-trip and reject anything else', () => {
    expect(exitTimeKey(0, 2, 40, 20)).toBe('a0/e2/s40-59');
    expect(parseChunkKey('a0/e2/s40-59')).toEqual({ kind: 'exit-time', arm: 0, etaIndex: 2, sampleStart: 40, sampleCount: 20 });
    expect(longRunKey(1, 3, 7)).toBe('a1/p3/c7');
    expect(parseChunkKey('a1/p3/c7')).toEqual({ kind: 'long-run', arm: 1, path: 3, chunk: 7 });
    for (const junk of ['', 'a1/p3', 'a0/e2/s59-40', 'x0/e0/s0-0', 'a0/e0/s0-0/extra']) expect(parseChunkKey(junk)).toBeNull();
  });
});

describe('exit-time plan', () => {
  it('hands out every sample of every (arm, η) exactly once, largest η first', () => {
    const plan = new ExitTimePlan(exitConfig, new Map(), { chunkIterations: 1000, parallelism: 2 });
    const first = plan.next();
    expect(first?.task).toMatchObject({ kind: 'exit-time', etaIndex: 0, arm: 0, sampleStart: 0, sampleCount: 1 });
    expect(first?.task).toMatchObject({ left: -1.3, right: 0.2 });
    if (first) plan.complete(first, exitResult(first, 7));
    const seen = drain(plan, 7);
    seen.get('0/0')?.unshift(0);
    for (const id of ['0/0', '1/0', '0/1', '1/1']) expect(seen.get(id)?.sort((p, q) => p - q)).toEqual([...Array(50).keys()]);
    expect(plan.finished()).toBe(true);
    expect(plan.work()).toEqual({ done: 4 * 50 * 7, total: 4 * 50 * 7, estimated: false });
  });

  it('sizes chunks to about chunkIterations of work, growing at most 2× per finished chunk', () => {
    const plan = new ExitTimePlan({ ...exitConfig, arms: [exitConfig.arms[0]], etas: [0.1], samples: 1000 }, new Map(), {
      chunkIterations: 1000,
      parallelism: 1,
    });
    const sizes: number[] = [];
    for (let job = plan.next(); job; job = plan.next()) {
      if (job.task.kind !== 'exit-time') throw new Error('expected an exit-time task');
      sizes.push(job.task.sampleCount);
      plan.complete(job, exitResult(job, 10));
    }
    // σ = 10 per sample and 1000 iterations per chunk → 100 samples, reached by doubling 1, 2, 4, …
    expect(sizes.slice(0, 8)).toEqual([1, 2, 4, 8, 16, 32, 64, 100]);
    expect(sizes.reduce((s, v) => s + v, 0)).toBe(1000);
  });

  it('on resume never hands out a committed sample again and counts its work as done', () => {
    const completed = new Map<string, KernelChunkResult>();
    const committed = [exitTimeKey(0, 0, 0, 10), exitTimeKey(0, 0, 20, 5), exitTimeKey(1, 1, 0, 50)];
    for (const key of committed) {
      const k = parseChunkKey(key);
      if (k?.kind !== 'exit-time') throw new Error('bad key');
      completed.set(key, exitResult({ key, task: { kind: 'exit-time', sampleCount: k.sampleCount } } as ChunkJob, 3));
    }
    const plan = new ExitTimePlan(exitConfig, completed, { chunkIterations: 1000, parallelism: 2 });
    expect(plan.work().done).toBe(65 * 3);
    const seen = drain(plan, 3);
    expect(seen.get('0/0')?.sort((p, q) => p - q)).toEqual([...Array(50).keys()].filter((s) => !(s < 10 || (s >= 20 && s < 25))));
    expect(seen.has('1/1')).toBe(false);
    expect(plan.finished()).toBe(true);
  });

  it('estimates the total from the running mean, then says it is exact when done', () => {
    const plan = new ExitTimePlan({ ...exitConfig, etas: [0.1] }, new Map(), { chunkIterations: 1000, parallelism: 1 });
    const job = plan.next();
    if (!job) throw new Error('expected a chunk');
    plan.complete(job, exitResult(job, 40));
    const work = plan.work();
    expect(work.estimated).toBe(true);
    // arm 0: 49 more at the measured 40; arm 1 (no sample yet): extrapolated from nothing, (1/η)^α.
    expect(work.total).toBeCloseTo(40 + 49 * 40 + 50 * 10 ** 1.2, 6);
  });
});

describe('mean exit estimate', () => {
  const measured = (table: Record<string, number>) => (arm: number, e: number) => table[`${arm}/${e}`] ?? null;

  it('trusts measurement, then the theory, then the nearest measured η scaled by (η′/η)^α', () => {
    expect(estimateMeanExit(exitConfig, 0, 1, measured({ '0/1': 123 }), () => 999)).toBe(123);
    expect(estimateMeanExit(exitConfig, 0, 1, measured({ '0/0': 50 }), () => 999)).toBe(999);
    expect(estimateMeanExit(exitConfig, 0, 1, measured({ '0/0': 50 }))).toBeCloseTo(50 * 10 ** 1.2, 9);
  });

  it('never exceeds maxIterations', () => {
    expect(estimateMeanExit(exitConfig, 0, 1, measured({}), () => 1e12)).toBe(10_000);
  });
});

describe('long-run plan', () => {
  it('runs a path\'s pieces in order, each from the state the last one ended in, paths side by side', () => {
    const plan = new LongRunPlan(longConfig, new Map(), 400);
    const a = plan.next();
    const b = plan.next();
    const c = plan.next();
    expect([a?.key, b?.key, c?.key]).toEqual(['a0/p0/c0', 'a0/p1/c0', 'a0/p2/c0']);
    expect(plan.next()).toBeNull(); // every path has its piece running
    if (!a || !b || !c) throw new Error('expected three chunks');
    const ra = longResult(a);
    plan.complete(a, ra);
    const a2 = plan.next();
    expect(a2?.key).toBe('a0/p0/c1');
    expect(a2?.task).toMatchObject({ iterations: 400, state: ra.state });
    expect(plan.next()).toBeNull();
  });

  it('covers exactly the requested iterations per path, the last piece short', () => {
    const plan = new LongRunPlan(longConfig, new Map(), 400);
    const pieces: number[] = [];
    for (let job = plan.next(); job; job = plan.next()) {
      if (job.task.kind === 'long-run' && job.task.path === 1) pieces.push(job.task.iterations);
      plan.complete(job, longResult(job));
    }
    expect(pieces).toEqual([400, 400, 200]);
    expect(plan.finished()).toBe(true);
    expect(plan.work()).toEqual({ done: 3000, total: 3000, estimated: false });
  });

  it('resumes each path after its committed pieces, whatever the piece size was', () => {
    const first = new LongRunPlan(longConfig, new Map(), 300);
    const completed = new Map<string, KernelChunkResult>();
    const job = first.next(); // a0/p0/c0: iterations 0..300
    if (!job) throw new Error('expected a chunk');
    const r = longResult(job);
    completed.set(job.key, r);
    const resumed = new LongRunPlan(longConfig, completed, 500);
    expect(resumed.work().done).toBe(300);
    const keys: string[] = [];
    for (let next = resumed.next(); next; next = resumed.next()) {
      keys.push(next.key);
      if (next.key === 'a0/p0/c1') expect(next.task).toMatchObject({ iterations: 500, state: r.state });
      resumed.complete(next, longResult(next));
    }
    expect(keys).not.toContain('a0/p0/c0');
    expect(keys).toContain('a0/p0/c2');
    expect(resumed.finished()).toBe(true);
  });

  it('refuses checkpoints that do not continue their path', () => {
    const broken = longResult({ key: 'a0/p0/c0', task: { kind: 'long-run', iterations: 100, state: null } } as unknown as ChunkJob);
    broken.state.n = 999;
    expect(() => new LongRunPlan(longConfig, new Map([['a0/p0/c0', broken]]), 100)).toThrow(/does not continue/);
  });
});

describe('the theory\'s mean exit time as a progress estimate', () => {
  it('predicts 1/(q λ(η)) for heavy tails, growing as η shrinks, and nothing for Gaussian noise', () => {
    const withLight = { ...exitConfig, arms: [...exitConfig.arms, { label: 'light', noise: { family: 'gaussian', sigma: 1 } as const, clip: null }] };
    const predict = meanExitPrediction(withLight);
    const big = predict(1, 0);
    const small = predict(1, 1);
    if (big === null || small === null) throw new Error('expected predictions for the heavy-tailed arm');
    // Unclipped, E σ ∝ (1/η)^α up to the slowly varying tail: about 10^1.2 ≈ 16 from η = 0.1 to 0.01.
    expect(small / big).toBeGreaterThan(10);
    expect(small / big).toBeLessThan(25);
    expect(predict(2, 0)).toBeNull();
  });
});
