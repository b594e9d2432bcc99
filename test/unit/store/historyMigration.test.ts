import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/store/database';
import { migrations } from '../../../src-main/store/migrations';
import { RunsRepository } from '../../../src-main/store/runsRepository';
import { ChunkRows } from '../../../src-main/store/chunkRows';
import { StoredChunks } from '../../../src-main/service/storedChunks';
import { LabService } from '../../../src-main/lab';
import type { LongRunResult } from '../../../src-shared/model/results';
import { longRunConfig, tempDir } from './helpers';

/** A long-run result as version 1 stored it: whole, trajectories inside, in `runs.result`. */
const oldResult: LongRunResult = {
  kind: 'long-run',
  arms: [
    {
      label: 'light tails',
      clip: null,
      iterations: 2000,
      occupancy: [0, 0, 1, 0],
      histogram: { edges: [-1, 1], counts: [2000] },
      trajectories: [[0.3, 0.31, 0.29], [0.3, 0.28, 0.33]],
      transitions: [[0]],
      sojourns: [{ minimum: 1, count: 0, mean: 0, stderr: 0 }],
    },
  ],
};

describe('schema version 4: summary columns, results apart, change log', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  function versionOneDatabase(path: string): void {
    const v1 = openDatabase(path, { migrations: migrations.slice(0, 1) });
    const config = longRunConfig({ arms: [{ label: 'light tails', noise: { family: 'gaussian', sigma: 1 }, clip: null }] });
    v1.prepare("INSERT INTO runs (id, name, kind, status, config, created_at, started_at, finished_at, result) VALUES (1, 'old run', 'long-run', 'completed', ?, 1, 2, 3, ?)")
      .run(JSON.stringify(config), JSON.stringify(oldResult));
    v1.prepare("INSERT INTO runs (id, name, kind, status, config, created_at) VALUES (2, 'other', 'long-run', 'cancelled', ?, 4)").run(JSON.stringify(longRunConfig()));
    v1.prepare("INSERT INTO run_tags (run_id, tag) VALUES (1, 'Figure-1'), (2, 'other')").run();
    // Version 1 chunks kept the trajectory inside their JSON.
    for (const [path, trajectory] of oldResult.arms[0].trajectories.entries()) {
      const chunk = { kind: 'long-run', histogram: [1000], fieldCounts: [0, 0, 1000, 0], trajectory, transitions: [0], sojournCount: [0], sojournSum: [0], sojournSumSq: [0], state: { x: 0, n: 1000, rng: [1], lastMinimum: 0, enteredAt: 0 }, iterations: 1000 };
      v1.prepare('INSERT INTO chunks (run_id, key, result, created_at) VALUES (1, ?, ?, 5)').run(`a0/p${path}/c0`, JSON.stringify(chunk));
    }
    v1.close();
  }

  it('migrates an old database: results move out of the runs table, labels and headlines are filled in', () => {
    const path = tmp.file('old.db');
    versionOneDatabase(path);
    const db = openDatabase(path);
    expect(db.prepare('SELECT count(*) FROM runs WHERE result IS NOT NULL').pluck().get()).toBe(0);
    const stored = db.prepare('SELECT summary, full FROM run_results WHERE run_id = 1').get() as { summary: string; full: string };
    expect(JSON.parse(stored.full)).toEqual(oldResult);
    expect(stored.summary).not.toContain('trajectories');
    const runs = new RunsRepository(db);
    const [old] = runs.page({ text: 'light' }).runs;
    expect(old).toMatchObject({ id: 1, name: 'old run', headline: { arms: [{ label: 'light tails', slope: null, iterations: 2000 }] } });
    expect(runs.page({ text: 'light' }).total).toBe(1);
    expect(new StoredChunks(new ChunkRows(db)).trajectories(1, 0, 2).map((t) => Array.from(t))).toEqual(oldResult.arms[0].trajectories);
    db.close();
  });

  it('getRun returns a migrated run whole, as before; its detail leaves the trajectories out', async () => {
    const path = tmp.file('old-service.db');
    versionOneDatabase(path);
    const lab = new LabService({ dbPath: path });
    try {
      expect((await lab.getRun(1)).result).toEqual(oldResult);
      const detail = await lab.getRunDetail(1);
      expect(detail.result?.arms[0]).not.toHaveProperty('trajectories');
      expect(detail.result?.arms[0]).toMatchObject({ label: 'light tails', iterations: 2000 });
      const window = await lab.getTrajectories(1, { arm: 0, maxPaths: 1 });
      expect(window).toMatchObject({ totalPaths: 2, paths: [{ path: 0, stored: 3 }] });
    } finally {
      await lab.close();
    }
  });

  it('searches arm labels and filters tags by a case-insensitive prefix', () => {
    const path = tmp.file('search.db');
    versionOneDatabase(path);
    const runs = new RunsRepository(openDatabase(path));
    const ids = (q: Parameters<RunsRepository['page']>[0]) => runs.page(q).runs.map((r) => r.id);
    expect(ids({ text: 'LIGHT TAILS' })).toEqual([1]);
    expect(ids({ tag: 'fig' })).toEqual([1]);
    expect(ids({ tag: 'Figure-1' })).toEqual([1]);
    expect(ids({ tag: 'igure' })).toEqual([]);
    expect(ids({ tag: '%' })).toEqual([]);
    expect(ids({ tag: 'o' })).toEqual([2]);
  });

  it('logs every change to a run, by any connection, in order', () => {
    const path = tmp.file('log.db');
    versionOneDatabase(path);
    const db = openDatabase(path);
    const runs = new RunsRepository(db);
    const before = runs.lastChange();
    runs.update(2, { name: 'renamed', tags: ['a', 'b'] });
    db.prepare("UPDATE runs SET heartbeat_at = 99, progress = '{}' WHERE id = 1").run();
    runs.delete(1);
    const changes = runs.changesSince(before);
    expect(changes.map((c) => [c.runId, c.status, c.deleted])).toEqual([
      [2, 'cancelled', false],
      [2, 'cancelled', false],
      [2, 'cancelled', false],
      [2, 'cancelled', false],
      [1, 'completed', true],
    ]);
    db.close();
  });
});
