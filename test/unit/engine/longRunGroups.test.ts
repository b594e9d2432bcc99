import { describe, expect, it } from 'vitest';
import { expandConfig } from '../../../src-shared/model/expandConfig';
import type { LongRunConfig } from '../../../src-shared/model/config';
import type { KernelChunkResult, LongRunTask } from '../../../src-main/engine/tasks';
import type { ChunkJob } from '../../../src-main/engine/executor/chunkSource';
import { LongRunPlan } from '../../../src-main/engine/executor/longRunPlan';
import { longRunGroupSize } from '../../../src-main/engine/executor/longRunGroups';
import { aggregateRun } from '../../../src-main/engine/aggregate/aggregateRun';
import { longRunKernel } from '../../../src-main/engine/wasm/kernelChoice';
import { parseChunkKey } from '../../../src-main/engine/executor/chunkKeys';

/**
 * Long-run plans that hand out 2 or 4 paths per task, run on the real kernels in this thread:
 * every path's pieces are committed under their own keys with the numbers a lone path gets, so
 * the aggregated result is byte for byte the one of a plan without groups — for any group size,
 * either implementation, any number of chunks in flight, and after a resume from whatever was
 * committed when the run stopped (even by a plan of another group size).
 */

const config = expandConfig({
  kind: 'long-run',
  landscape: { preset: 'paper' },
  x0: 0.3,
  seed: 5,
  eta: 0.01,
  paths: 6,
  iterations: 25_000,
  thin: 100,
  bins: 40,
  arms: [
    { label: 'heavy, b=0.5', noise: { family: 'pareto', alpha: 1.2, scale: 1 }, clip: 0.5 },
    { label: 'light', noise: { family: 'gaussian', sigma: 2 }, clip: null },
  ],
}) as LongRunConfig;

const CHUNK = 7_000;

interface Drive {
  /** Chunks in flight at once (the worker count the executor would have). */
  inFlight: number;
  implementation: 'js' | 'wasm';
  /** Stop after this many tasks came back, discarding the ones still in flight. */
  stopAfter?: number;
}

/** Runs a plan as ChunkedRun does (commit each part under its key, then complete), tasks finishing in a shuffled order. */
function drive(plan: LongRunPlan, completed: Map<string, KernelChunkResult>, d: Drive, seen: LongRunTask[] = []): void {
  const running: ChunkJob[] = [];
  let returned = 0;
  let turn = 0;
  for (;;) {
    while (running.length < d.inFlight) {
      const job = plan.next();
      if (!job) break;
      running.push(job);
    }
    if (running.length === 0) return;
    // Not first-in first-out: the third-oldest job (or the oldest) finishes next.
    const job = running.splice((turn++ * 2) % running.length, 1)[0];
    const task = job.task as LongRunTask;
    seen.push(task);
    const result = longRunKernel(task, undefined, d.implementation)!;
    for (const part of job.parts?.(result) ?? [{ key: job.key, result }]) completed.set(part.key, part.result);
    plan.complete(job, result);
    if (d.stopAfter !== undefined && ++returned >= d.stopAfter) return;
  }
}

function result(completed: Map<string, KernelChunkResult>): string {
  return JSON.stringify(aggregateRun(config, completed));
}

function wholeRun(groupSize: number, d: Drive, seen?: LongRunTask[]): { text: string; completed: Map<string, KernelChunkResult> } {
  const completed = new Map<string, KernelChunkResult>();
  drive(new LongRunPlan(config, completed, CHUNK, groupSize), completed, d, seen);
  return { text: result(completed), completed };
}

describe('long-run plans with groups of paths', () => {
  const alone = wholeRun(1, { inFlight: 1, implementation: 'js' });

  it.each([
    { groupSize: 4, inFlight: 1, implementation: 'wasm' },
    { groupSize: 4, inFlight: 3, implementation: 'wasm' },
    { groupSize: 2, inFlight: 2, implementation: 'wasm' },
    { groupSize: 4, inFlight: 2, implementation: 'js' },
  ] as const)('give the lone-path result byte for byte: groups of $groupSize, $inFlight in flight, $implementation', ({ groupSize, inFlight, implementation }) => {
    const tasks: LongRunTask[] = [];
    const grouped = wholeRun(groupSize, { inFlight, implementation }, tasks);
    expect(grouped.text).toBe(alone.text);
    // The same keys hold the same pieces, each without a group.
    expect([...grouped.completed.keys()].sort()).toEqual([...alone.completed.keys()].sort());
    for (const [key, r] of grouped.completed) expect(JSON.stringify(r), key).toBe(JSON.stringify(alone.completed.get(key)));
    // The groups really formed: 6 paths of an arm are a 4 and a 2 (or three 2s) while all are free.
    const sizes = tasks.map((t) => 1 + (t.group?.length ?? 0));
    expect(Math.max(...sizes)).toBe(groupSize);
    for (const t of tasks) for (const g of t.group ?? []) expect(g.path).not.toBe(t.path);
  });

  it('resumes from what a stopped run committed, under another group size, to the same bytes', () => {
    for (const [first, second, stopAfter] of [[4, 2, 3], [2, 4, 5], [4, 1, 4], [1, 4, 7]]) {
      const completed = new Map<string, KernelChunkResult>();
      drive(new LongRunPlan(config, completed, CHUNK, first), completed, { inFlight: 3, implementation: 'wasm', stopAfter });
      expect(completed.size, 'the first run stopped part way').toBeGreaterThan(0);
      expect(completed.size).toBeLessThan(alone.completed.size);
      // Resumed with a different chunk size too: where the cuts fall does not change the result.
      const resumed = new LongRunPlan(config, completed, CHUNK + 1_000, second);
      expect(resumed.work().done).toBe([...completed.values()].reduce((s, r) => s + (r.kind === 'long-run' ? r.iterations : 0), 0));
      drive(resumed, completed, { inFlight: 2, implementation: 'wasm' });
      expect(resumed.finished()).toBe(true);
      expect(result(completed), `groups of ${first}, then ${second}`).toBe(alone.text);
      expect([...completed.keys()].every((k) => parseChunkKey(k)?.kind === 'long-run')).toBe(true);
    }
  });

  it('groups only while every worker still gets a chunk', () => {
    const sized = (arms: number, paths: number, workers: number) =>
      longRunGroupSize({ ...config, arms: config.arms.slice(0, 1).concat(Array(arms - 1).fill(config.arms[1])), paths }, workers);
    expect(sized(4, 20, 2)).toBe(4);
    expect(sized(1, 4, 2)).toBe(2);
    expect(sized(1, 8, 2)).toBe(4);
    expect(sized(1, 2, 2)).toBe(1);
    expect(sized(1, 3, 1)).toBe(2);
    expect(sized(2, 1, 1)).toBe(1);
  });
});
