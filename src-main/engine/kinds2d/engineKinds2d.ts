import type { ExitTime2DConfig, LongRun2DConfig } from '../../../src-shared/model/config2d';
import type { ExitTime2DResult, LongRun2DResult } from '../../../src-shared/model/results2d';
import type { CsvCell, EngineKind, RunningKindAggregate } from '../kinds/engineKind';
import { exitTime2dKernel, longRun2dKernel } from '../wasm/kernelChoice2d';
import type { ExitTime2DChunkResult, ExitTime2DTask, LongRun2DChunkResult, LongRun2DTask } from '../kernels2d/tasks2d';
import { aggregateExitTime2d, aggregateLongRun2d } from './aggregate2d';
import { ExitTime2DPlan } from './exitTime2dPlan';
import { LongRun2DPlan } from './longRun2dPlan';

/**
 * The live summary of a 2-D run: the aggregate over the chunks so far. Its cost grows with the
 * chunks, which 2-D runs have few of (16 samples or a second of a path each).
 */
class Running2D<C, R> implements RunningKindAggregate<R | null> {
  private readonly chunks = new Map<string, unknown>();
  constructor(
    private readonly config: C,
    private readonly kind: string,
    private readonly aggregate: (config: C, chunks: ReadonlyMap<string, unknown>) => R | null,
  ) {}
  add(key: string, result: { kind: string }): boolean {
    if (result.kind !== this.kind) return false;
    this.chunks.set(key, result);
    return true;
  }
  summary(): R | null {
    return this.aggregate(this.config, this.chunks);
  }
}

export const exitTime2dEngine: EngineKind<ExitTime2DConfig, ExitTime2DTask, ExitTime2DChunkResult, ExitTime2DResult, ExitTime2DResult | null> = {
  kind: 'exit-time-2d',
  plan: (config, completed) => new ExitTime2DPlan(config, completed),
  kernel: (task, tick) => exitTime2dKernel(task, tick),
  aggregate: (config, chunks) => aggregateExitTime2d(config, chunks),
  running: (config) => new Running2D(config, 'exit-time-2d', aggregateExitTime2d),
  csv: {
    header: ['arm', 'clip', 'eta', 'sample', 'exit_time', 'censored', 'home_basin', 'exit_basin'],
    *rows(run, chunks) {
      const result = aggregateExitTime2d(run.config as unknown as ExitTime2DConfig, chunks());
      const to = exitDestinations(chunks());
      for (const [a, arm] of (result?.arms ?? []).entries()) {
        for (const [e, p] of arm.points.entries()) {
          const dest = to.get(`${a}/${e}`) ?? [];
          for (const [s, t] of p.exitTimes.entries()) {
            yield [arm.label, arm.clip, p.eta, s, t, dest[s] === 0 ? 1 : 0, arm.home, dest[s] || null] as CsvCell[];
          }
        }
      }
    },
  },
};

/** Each sample's destination in sample order per (arm, η). */
function exitDestinations(chunks: ReadonlyMap<string, unknown>): Map<string, number[]> {
  const parts = new Map<string, { first: number; to: number[] }[]>();
  for (const [key, value] of chunks) {
    const m = /^a(\d+)\/e(\d+)\/s(\d+)-/.exec(key);
    const r = value as ExitTime2DChunkResult;
    if (!m || r?.kind !== 'exit-time-2d') continue;
    const id = `${m[1]}/${m[2]}`;
    parts.set(id, [...(parts.get(id) ?? []), { first: +m[3], to: r.exitTo }]);
  }
  return new Map([...parts].map(([id, list]) => [id, list.sort((p, q) => p.first - q.first).flatMap((p) => p.to)]));
}

export const longRun2dEngine: EngineKind<LongRun2DConfig, LongRun2DTask, LongRun2DChunkResult, LongRun2DResult, LongRun2DResult | null> = {
  kind: 'long-run-2d',
  plan: (config, completed, options) => new LongRun2DPlan(config, completed, options.chunkIterations),
  kernel: (task, tick) => longRun2dKernel(task, tick),
  aggregate: (config, chunks) => aggregateLongRun2d(config, chunks),
  running: (config) => new Running2D(config, 'long-run-2d', aggregateLongRun2d),
  csv: {
    header: ['arm', 'clip', 'path', 'point', 'x', 'y'],
    *rows(run) {
      const result = run.result as unknown as LongRun2DResult | null;
      if (result?.kind !== 'long-run-2d') return;
      for (const arm of result.arms) {
        for (const [p, path] of arm.trajectories.entries()) {
          for (const [k, [x, y]] of path.entries()) yield [arm.label, arm.clip, p, k, x, y] as CsvCell[];
        }
      }
    },
  },
};
