import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { expandConfig } from '../../src-shared/model/expandConfig';
import type { ExperimentConfig, LongRunConfig } from '../../src-shared/model/config';
import type { LongRunResult } from '../../src-shared/model/results';
import { LabService } from '../lab';
import { openDatabase } from '../store/database';
import { RunsRepository } from '../store/runsRepository';
import { ChunkRows } from '../store/chunkRows';
import { StoredChunks } from '../service/storedChunks';
import type { LongRunChunkResult } from '../engine/tasks';

export interface HistoryBenchOptions {
  runs?: number;
  heavyRuns?: number;
  /** Trajectory points per heavy run (8 bytes each as stored). */
  heavyPoints?: number;
  repetitions?: number;
}

export interface HistoryBenchResult {
  runs: number;
  heavyRuns: number;
  heavyRunMB: number;
  databaseMB: number;
  /** Median milliseconds per call (the first call on a fresh service separately). */
  ms: Record<string, number>;
  repetitions: number;
}

const owner = { pid: process.pid, token: 'history-bench' };

/**
 * Builds a database of `runs` runs, `heavyRuns` of which carry long trajectories (20 MB of
 * doubles each by default), and times what the Runs view and the run detail call. Every call
 * is synchronous in the service, so its time is also how long it holds the event loop, i.e.
 * how long the server could not answer anything else.
 */
export async function benchHistory(options: HistoryBenchOptions = {}): Promise<HistoryBenchResult> {
  const total = options.runs ?? 1000;
  const heavyRuns = options.heavyRuns ?? 20;
  const heavyPoints = options.heavyPoints ?? 2_600_000;
  const repetitions = options.repetitions ?? 20;
  const dir = mkdtempSync(join(tmpdir(), 'lab-history-bench-'));
  const dbPath = join(dir, 'history.db');
  try {
    const heavyIds = build(dbPath, total, heavyRuns, heavyPoints);
    const lab = new LabService({ dbPath });
    const ms: Record<string, number> = {};
    try {
      let t = performance.now();
      await lab.listRuns();
      ms['listRuns, first call'] = performance.now() - t;
      const heavy = heavyIds[0];
      const calls: [string, () => Promise<unknown>][] = [
        ['listRuns (newest 50)', () => lab.listRuns()],
        ['listRuns (text = an arm label)', () => lab.listRuns({ text: 'clipped' })],
        ['listRuns (tag prefix)', () => lab.listRuns({ tag: 'fig' })],
        ['listRuns (sort by duration)', () => lab.listRuns({ sort: 'duration' })],
        ['getRunDetail (heavy run)', () => lab.getRunDetail(heavy)],
        ['getTrajectories (heavy run, 1 arm, 8 paths, 1000 columns)', () => lab.getTrajectories(heavy, { arm: 0, columns: 1000 })],
      ];
      for (const [name, call] of calls) ms[name] = await median(call, repetitions);
      // getTrajectories yields between paths: the longest the event loop was held meanwhile.
      const delay = monitorEventLoopDelay({ resolution: 1 });
      delay.enable();
      for (let k = 0; k < 5; k++) await lab.getTrajectories(heavy, { arm: 0, columns: 1000 });
      delay.disable();
      ms['longest event-loop block during getTrajectories'] = delay.max / 1e6;
      t = performance.now();
      const whole = await lab.getRun(heavy);
      ms['getRun (heavy run, whole result)'] = performance.now() - t;
      t = performance.now();
      JSON.stringify(whole);
      ms['JSON of that whole result'] = performance.now() - t;
    } finally {
      await lab.close();
    }
    return {
      runs: total,
      heavyRuns,
      heavyRunMB: (heavyPoints * 8) / 1e6,
      databaseMB: statSync(dbPath).size / 1e6,
      ms,
      repetitions,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function median(call: () => Promise<unknown>, repetitions: number): Promise<number> {
  await call();
  const times: number[] = [];
  for (let k = 0; k < repetitions; k++) {
    const t = performance.now();
    await call();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** The database, written through the store as real runs would be; returns the heavy runs' ids. */
function build(dbPath: string, total: number, heavyRuns: number, heavyPoints: number): number[] {
  const db = openDatabase(dbPath);
  const runs = new RunsRepository(db);
  const checkpoints = new StoredChunks(new ChunkRows(db));
  const small = expandConfig({
    name: 'exit times',
    kind: 'exit-time',
    landscape: { preset: 'paper' },
    x0: -0.7,
    etas: [0.1, 0.01],
    samples: 20,
    arms: [
      { label: 'clipped b=0.5', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.5 },
      { label: 'no clipping', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: null },
    ],
  });
  const paths = 20;
  const perPath = Math.ceil(heavyPoints / paths);
  const long = expandConfig({
    name: 'long run',
    kind: 'long-run',
    landscape: { preset: 'paper' },
    x0: 0.3,
    eta: 0.001,
    paths,
    thin: 250,
    iterations: (perPath - 1) * 250,
    arms: [{ label: 'heavy', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: null }],
  }) as LongRunConfig;
  const heavyIds: number[] = [];
  const every = Math.floor(total / Math.max(1, heavyRuns));
  db.transaction(() => {
    for (let i = 1; i <= total; i++) {
      const heavy = heavyIds.length < heavyRuns && i % every === 0;
      const config: ExperimentConfig = { ...(heavy ? long : small), name: `${heavy ? 'long run' : 'exit times'} ${i}` };
      const id = runs.create(config, owner, Date.UTC(2026, 0, 1) + i * 60_000);
      runs.markRunning(id, owner);
      if (i % 10 === 0) runs.setTags(id, ['figure-4', `batch-${i % 7}`]);
      if (heavy) {
        heavyIds.push(id);
        runs.finish(id, owner, { status: 'completed', result: heavyResult(long, checkpoints, id, perPath) });
      } else {
        runs.finish(id, owner, { status: 'completed', result: smallResult() });
      }
    }
  })();
  db.close();
  return heavyIds;
}

function smallResult() {
  const point = (eta: number) => ({ eta, samples: 20, censored: 0, mean: 1 / eta, stderr: 0.1 / eta, exitTimes: Array.from({ length: 20 }, (_, k) => (k + 1) / eta), exitTo: { '1': 15, '3': 5 } });
  const arm = (label: string, clip: number | null) => ({
    label,
    clip,
    points: [point(0.1), point(0.01)],
    fit: { slope: 1, slopeStderr: 0, intercept: 0, r2: 1, points: 2 },
    theory: { field: 2, lStar: 1, exponent: 1.2 },
  });
  return { kind: 'exit-time' as const, arms: [arm('clipped b=0.5', 0.5), arm('no clipping', null)] };
}

/** One committed chunk per path with a random-walk trajectory, and the run's summary. */
function heavyResult(config: LongRunConfig, checkpoints: StoredChunks, id: number, perPath: number): LongRunResult {
  let seed = id;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
  for (let path = 0; path < config.paths; path++) {
    const trajectory = new Array<number>(perPath);
    let x = config.x0;
    for (let k = 0; k < perPath; k++) trajectory[k] = x = Math.max(-1, Math.min(1, x + 0.01 * random()));
    const chunk: LongRunChunkResult = {
      kind: 'long-run',
      histogram: new Array<number>(config.bins).fill(0),
      fieldCounts: [0, 0, config.iterations, 0],
      trajectory,
      transitions: new Array<number>(16).fill(0),
      sojournCount: [0, 0, 0, 0],
      sojournSum: [0, 0, 0, 0],
      sojournSumSq: [0, 0, 0, 0],
      state: { x, n: config.iterations, rng: [1, 2, 3, 4], lastMinimum: 0, enteredAt: 0 },
      iterations: config.iterations,
    };
    checkpoints.save(id, `a0/p${path}/c0`, chunk);
  }
  return {
    kind: 'long-run',
    arms: [
      {
        label: 'heavy',
        clip: null,
        iterations: config.iterations * config.paths,
        occupancy: [0, 0, 1, 0],
        histogram: { edges: Array.from({ length: config.bins + 1 }, (_, k) => -1 + (2 * k) / config.bins), counts: new Array<number>(config.bins).fill(0) },
        trajectories: [],
        transitions: [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
        sojourns: [1, 2, 3, 4].map((minimum) => ({ minimum, count: 0, mean: 0, stderr: 0 })),
      },
    ],
  };
}
