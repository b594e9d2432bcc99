import { describe, expect, it } from 'vitest';
import type { ExitTimeConfig } from '../../../src-shared/model/config';
import { expandConfig } from '../../../src-shared/model/expandConfig';
import { exitTimeTheory } from '../../../src-shared/theory/report';
import { expandSweep, sweepCells } from '../../../src-shared/sweep';
import { aggregateExitTime } from '../../../src-main/engine/aggregate/exitTimeAggregate';
import { parseChunkKey, type ExitTimeChunkKey } from '../../../src-main/engine/executor/chunkKeys';
import type { ChunkSource } from '../../../src-main/engine/executor/chunkSource';
import { ExitTimePlan } from '../../../src-main/engine/executor/exitTimePlan';
import { meanExitPrediction } from '../../../src-main/engine/executor/exitTimePrediction';
import { chunksByCell, parseSweepChunkKey, SweepPlan } from '../../../src-main/engine/executor/sweepPlan';
import { runTask } from '../../../src-main/engine/runTask';
import type { ExitTimeChunkResult, KernelChunkResult } from '../../../src-main/engine/tasks';

const base = {
  kind: 'exit-time',
  landscape: { preset: 'paper' },
  x0: -0.7,
  seed: 4,
  arms: [{ label: 'heavy', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.5 }],
  etas: [0.3, 0.1],
  samples: 12,
  maxIterations: 10_000_000,
};

const planOf = (config: ExitTimeConfig, completed: ReadonlyMap<string, KernelChunkResult>, chunkIterations: number, parallelism = 2) =>
  new ExitTimePlan(config, completed, { chunkIterations, parallelism, prediction: meanExitPrediction(config) });

/** Runs a source to the end in this thread, in the order it hands chunks out; returns the committed chunks in that order. */
function drain(source: ChunkSource): [string, KernelChunkResult][] {
  const done: [string, KernelChunkResult][] = [];
  for (let job = source.next(); job; job = source.next()) {
    const result = runTask(job.task)!;
    source.complete(job, result);
    done.push([job.key, result]);
  }
  expect(source.finished()).toBe(true);
  return done;
}

const exitChunks = (chunks: Iterable<[string, KernelChunkResult]>) =>
  [...chunks].map(([k, r]) => [parseChunkKey(k) as ExitTimeChunkKey, r as ExitTimeChunkResult] as [ExitTimeChunkKey, ExitTimeChunkResult]);

describe('a sweep\'s plan over its cells', () => {
  it('gives each cell exactly the numbers of its standalone run, chunked differently', () => {
    const sweep = expandSweep({ kind: 'sweep', base, over: [{ field: 'clip', values: [0.3, 0.45, 0.7] }] });
    const cells = sweepCells(sweep);
    const configs = cells.map((c) => c.config as ExitTimeConfig);
    const committed = drain(new SweepPlan(configs.map((c) => planOf(c, new Map(), 500))));
    // The first pass gives every cell a chunk before any cell gets a second.
    expect(committed.slice(0, 3).map(([k]) => parseSweepChunkKey(k)!.cell)).toEqual([0, 1, 2]);
    const perCell = chunksByCell(committed, cells.length);
    cells.forEach((cell, c) => {
      // The cell's config as a user would write it for a standalone run, then run alone with larger chunks.
      const alone = expandConfig({ ...base, arms: [{ ...base.arms[0], clip: cell.values.clip }] }) as ExitTimeConfig;
      const standalone = drain(planOf(alone, new Map(), 10_000_000, 1));
      const a = aggregateExitTime(configs[c], exitChunks(perCell[c]), exitTimeTheory(configs[c]));
      const b = aggregateExitTime(alone, exitChunks(standalone), exitTimeTheory(alone));
      expect(a.arms[0].points.map((p) => p.exitTimes)).toEqual(b.arms[0].points.map((p) => p.exitTimes));
      expect(a.arms[0].points[0].samples).toBe(12);
      expect(standalone.length).toBeLessThan(perCell[c].size);
      expect(a).toEqual(b);
    });
    // Different clips are different experiments: the cells' numbers differ.
    const first = (c: number) => aggregateExitTime(configs[c], exitChunks(perCell[c])).arms[0].points[1].mean;
    expect(new Set([first(0), first(1), first(2)]).size).toBe(3);
  });

  it('resumes from committed chunks: each cell plans only what is missing', () => {
    const sweep = expandSweep({ kind: 'sweep', base, over: [{ field: 'clip', values: [0.45, 0.7] }] });
    const configs = sweepCells(sweep).map((c) => c.config as ExitTimeConfig);
    const full = drain(new SweepPlan(configs.map((c) => planOf(c, new Map(), 20_000))));
    const kept = full.slice(0, Math.floor(full.length / 2));
    const perCell = chunksByCell(kept, configs.length);
    const resumed = new SweepPlan(configs.map((c, k) => planOf(c, perCell[k], 20_000)));
    const rest = drain(resumed);
    const all = chunksByCell([...kept, ...rest], configs.length);
    const fresh = chunksByCell(full, configs.length);
    configs.forEach((config, c) => {
      expect(aggregateExitTime(config, exitChunks(all[c]))).toEqual(aggregateExitTime(config, exitChunks(fresh[c])));
    });
    expect(resumed.work().done).toBeGreaterThan(0);
  });
});
