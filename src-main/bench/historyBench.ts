import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
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
import { createLabServer } from '../server/labServer';
import { deriveLabApi } from '../../src-shared/ipc';
import type { LabApi } from '../../src-shared/api';

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
  /** listRuns through the HTTP door while a heavy run's getRun is served, read on each thread. */
  duringGetRun: SmallDuringHeavy[];
}

export interface SmallDuringHeavy {
  /**
   * Where the whole run is rebuilt and serialised: the server's own thread (as before) or a
   * reader thread; `no getRun` is the control, listRuns alone for as long.
   */
  readOn: 'main thread' | 'reader thread' | 'no getRun';
  /** The getRun call, from request to the last byte. */
  getRunMs: number;
  /** listRuns calls made one after another while the getRun was in flight. */
  smallCalls: number;
  smallMedianMs: number;
  smallMaxMs: number;
  /** The longest the server's thread was held meanwhile (by anything: the read, the bench's own client, GC). */
  longestBlockMs: number;
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
    let duringGetRun: SmallDuringHeavy[] = [];
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
      duringGetRun = await smallDuringHeavy(lab, heavy);
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
      duringGetRun,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A small request's latency while a heavy getRun is served through the HTTP door, in the same
 * process and side by side: the service as the doors use it (the whole run is read on a reader
 * thread) against the same service with only its LabApi methods (read on the server's thread, as
 * before the reader existed). Three rounds, alternating; medians.
 */
async function smallDuringHeavy(lab: LabService, heavy: number): Promise<SmallDuringHeavy[]> {
  const mainThreadOnly = Object.assign(
    deriveLabApi((method) => (...args: never[]) => (lab[method] as (...a: unknown[]) => Promise<unknown>).apply(lab, args)),
    { on: lab.on.bind(lab) },
  );
  const doors = [
    { readOn: 'main thread' as const, service: mainThreadOnly as LabApi & Pick<LabService, 'on'> },
    { readOn: 'reader thread' as const, service: lab },
  ];
  const rounds = new Map<SmallDuringHeavy['readOn'], SmallDuringHeavy[]>([
    ['main thread', []],
    ['reader thread', []],
    ['no getRun', []],
  ]);
  for (let round = 0; round < 3; round++) {
    for (const door of doors) {
      const server = createLabServer({ service: door.service, staticDir: tmpdir(), token: null, log: () => {} });
      await new Promise<void>((r) => server.server.listen(0, '127.0.0.1', () => r()));
      const port = (server.server.address() as AddressInfo).port;
      try {
        const measured = await oneRound(port, heavy, door.readOn);
        rounds.get(door.readOn)!.push(measured);
        if (door.readOn === 'reader thread') rounds.get('no getRun')!.push(await oneRound(port, null, 'no getRun', measured.getRunMs));
      } finally {
        await server.close();
      }
    }
  }
  return [...doors.map((d) => d.readOn), 'no getRun' as const].map((readOn) => {
    const all = rounds.get(readOn)!;
    const med = (pick: (r: SmallDuringHeavy) => number) => middle(all.map(pick));
    return { readOn, getRunMs: med((r) => r.getRunMs), smallCalls: med((r) => r.smallCalls), smallMedianMs: med((r) => r.smallMedianMs), smallMaxMs: med((r) => r.smallMaxMs), longestBlockMs: med((r) => r.longestBlockMs) };
  });
}

/** listRuns after listRuns while `heavy`'s getRun is served (or, with none, for `forMs`). */
async function oneRound(port: number, heavy: number | null, readOn: SmallDuringHeavy['readOn'], forMs = 0): Promise<SmallDuringHeavy> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const t0 = performance.now();
  let getRunMs = 0;
  const whole =
    heavy === null
      ? new Promise((r) => setTimeout(r, forMs)).then(() => (getRunMs = forMs))
      : post(port, 'getRun', [heavy]).then(() => (getRunMs = performance.now() - t0));
  const small: number[] = [];
  while (getRunMs === 0) {
    const t = performance.now();
    await post(port, 'listRuns', []);
    small.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 5));
  }
  await whole;
  delay.disable();
  return { readOn, getRunMs, smallCalls: small.length, smallMedianMs: middle(small), smallMaxMs: Math.max(...small), longestBlockMs: delay.max / 1e6 };
}

function post(port: number, method: string, args: unknown[]): Promise<void> {
  return new Promise((resolvePost, reject) => {
    const req = request({ host: '127.0.0.1', port, path: `/api/${method}`, method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      res.on('data', () => {});
      res.on('end', () => (res.statusCode === 200 ? resolvePost() : reject(new Error(`${method}: HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(JSON.stringify(args));
  });
}

function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
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
