import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { LabService } from '../../src-main/lab';
import type { LabEvents } from '../../src-shared/api';
import { expandConfig } from '../../src-shared/model/expandConfig';
import { summarizeResult } from '../../src-shared/model/resultSummary';
import { aggregateRun } from '../../src-main/engine/aggregate/aggregateRun';
import { RunningAggregate } from '../../src-main/engine/aggregate/runningAggregate';
import { ChunkRows } from '../../src-main/store/chunkRows';
import { StoredChunks } from '../../src-main/service/storedChunks';
import { openDatabase } from '../../src-main/store/database';
import { exitTimeConfig, heavy, lab as labCommand, longRunConfig, scratch, waitFor } from './cliHarness';

/** History that does not grow with the runs: what is stored, what the detail view reads, what other processes see. */
const workerUrl = pathToFileURL(resolve(__dirname, '../../out/node/worker.js'));
const tmp = scratch('lab-history-');
afterAll(() => tmp.cleanup());
const open: LabService[] = [];
function service(name: string): LabService {
  const s = new LabService({ dbPath: tmp.path(name), workers: 2, workerUrl, chunkIterations: 40_000 });
  open.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const longRun = longRunConfig({ name: 'paths', paths: 12, iterations: 200_000, thin: 50, arms: [heavy(0.5, 'clipped'), heavy(null, 'free')] });

describe('run history at scale', () => {
  it('stores trajectories once, as 8-byte doubles, and getRun still returns the whole result', async () => {
    const lab = service('stored.db');
    const run = await lab.whenSettled((await lab.startRun(longRun)).id);
    expect(run.status, run.error ?? '').toBe('completed');
    const db = new BetterSqlite3(tmp.path('stored.db'), { readonly: true });
    try {
      const stored = db.prepare('SELECT summary, full FROM run_results WHERE run_id = ?').get(run.id) as { summary: string; full: string | null };
      expect(stored.full).toBeNull();
      expect(stored.summary).not.toContain('trajectories');
      // 2 arms × 12 paths × (200,000 / 50 + 1) points, 8 bytes each, and nothing more for them.
      const bytes = db.prepare('SELECT sum(length(trajectory)) FROM chunks WHERE run_id = ?').pluck().get(run.id) as number;
      expect(bytes).toBe(2 * 12 * 4001 * 8);
      const jsonBytes = db.prepare('SELECT sum(length(result)) FROM chunks WHERE run_id = ?').pluck().get(run.id) as number;
      expect(jsonBytes).toBeLessThan(bytes / 4);
    } finally {
      db.close();
    }
    // The whole result, trajectories included, equals the aggregate of the committed chunks.
    const config = expandConfig(longRun);
    const chunks = new StoredChunks(new ChunkRows(openDatabase(tmp.path('stored.db')))).completed(run.id);
    expect(JSON.stringify(run.result)).toBe(JSON.stringify(aggregateRun(config, chunks)));
    if (run.result?.kind !== 'long-run') throw new Error('expected a long-run result');
    expect(run.result.arms[1].trajectories).toHaveLength(12);
    expect(run.result.arms[1].trajectories[11]).toHaveLength(4001);
  });

  it('serves a summary without series, and trajectories reduced to a window with the count of paths', async () => {
    const lab = service('detail.db');
    const run = await lab.whenSettled((await lab.startRun(longRun)).id);
    if (run.result?.kind !== 'long-run') throw new Error('expected a long-run result');
    const detail = await lab.getRunDetail(run.id);
    expect(detail.result).toEqual(summarizeResult(run.result));
    expect(JSON.stringify(detail).length).toBeLessThan(JSON.stringify(run).length / 20);
    expect(detail.headline?.arms.map((a) => a.iterations)).toEqual([12 * 200_000, 12 * 200_000]);

    const window = await lab.getTrajectories(run.id, { arm: 1, from: 50_000, to: 150_000, columns: 100, maxPaths: 5 });
    expect(window).toMatchObject({ arm: 1, thin: 50, from: 50_000, to: 150_000, totalPaths: 12 });
    expect(window.paths.map((p) => p.path)).toEqual([0, 1, 2, 3, 4]);
    const full = run.result.arms[1].trajectories[3];
    const shown = window.paths[3];
    expect(shown.stored).toBe(4001);
    expect(shown.points.length).toBeLessThanOrEqual(200);
    // Every point is a stored one, inside the window; the window's extremes survive the reduction.
    const inWindow = full.slice(1000, 3001);
    for (const [n, x] of shown.points) {
      expect(n).toBeGreaterThanOrEqual(50_000);
      expect(n).toBeLessThanOrEqual(150_000);
      expect(full[n / 50]).toBe(x);
    }
    const ys = shown.points.map((p) => p[1]);
    expect(Math.max(...ys)).toBe(Math.max(...inWindow));
    expect(Math.min(...ys)).toBe(Math.min(...inWindow));

    await expect(lab.getTrajectories(run.id, { arm: 2 })).rejects.toMatchObject({ code: 'invalid', issues: [{ path: 'query.arm' }] });
    await expect(lab.getTrajectories(run.id, { arm: 0, from: 10, to: 5 })).rejects.toMatchObject({ code: 'invalid' });
    await expect(lab.getExitTimes(run.id, 0, 0)).rejects.toMatchObject({ code: 'invalid' });
  });

  it('serves one η’s exit times on their own, equal to the whole result’s', async () => {
    const lab = service('exit.db');
    const run = await lab.whenSettled((await lab.startRun(exitTimeConfig({ etas: [0.3, 0.1], samples: 7 }))).id);
    if (run.result?.kind !== 'exit-time') throw new Error('expected an exit-time result');
    expect(await lab.getExitTimes(run.id, 0, 1)).toEqual(run.result.arms[0].points[1].exitTimes);
    const detail = await lab.getRunDetail(run.id);
    expect(JSON.stringify(detail.result)).not.toContain('exitTimes');
    await expect(lab.getExitTimes(run.id, 0, 2)).rejects.toMatchObject({ code: 'invalid', issues: [{ path: 'etaIndex' }] });
  });

  it('keeps a live summary chunk by chunk that ends equal to the final aggregate', () => {
    const config = expandConfig(longRun);
    const chunks = new StoredChunks(new ChunkRows(openDatabase(tmp.path('stored.db')))).completed(1);
    const running = new RunningAggregate(config);
    expect(running.summary()).toBeNull();
    // In reverse: the order chunks finish in must not matter.
    for (const [key, result] of [...chunks].reverse()) running.add(key, result);
    const final = aggregateRun(config, chunks)!;
    expect(running.summary()).toEqual(summarizeResult(final));

    const exitConfig = expandConfig(exitTimeConfig({ etas: [0.3, 0.1], samples: 7 }));
    const exitChunks = new StoredChunks(new ChunkRows(openDatabase(tmp.path('exit.db')))).completed(1);
    const exitRunning = new RunningAggregate(exitConfig);
    const keys = [...exitChunks.keys()];
    exitRunning.add(keys[0], exitChunks.get(keys[0])!);
    expect(exitRunning.summary()).toEqual(summarizeResult(aggregateRun(exitConfig, new Map([[keys[0], exitChunks.get(keys[0])!]]))!));
    for (const key of keys.slice(1)) exitRunning.add(key, exitChunks.get(key)!);
    expect(exitRunning.summary()).toEqual(summarizeResult(aggregateRun(exitConfig, exitChunks)!));
  });

  it('tells its listeners about runs another process changed (a CLI run, a tag change, a delete)', async () => {
    const watcher = service('shared.db');
    const seen: LabEvents['runChanged'][] = [];
    watcher.on('runChanged', (e) => seen.push(e));
    const db = tmp.path('shared.db');
    const config = tmp.writeJson('small.json', exitTimeConfig({ name: 'small', etas: [0.1], samples: 20 }));
    const ran = await labCommand(['run', '--config', config, '--db', db, '--json', '--workers', '1']);
    expect(ran.code, ran.stderr).toBe(0);
    // `lab run` waited for its run: created, started and completed by another process.
    expect((JSON.parse(ran.stdout) as { id: number }).id).toBe(1);
    await waitFor(() => seen.some((e) => e.id === 1 && e.status === 'completed'), 'the other process’s completion', 10_000);
    expect(seen.every((e) => e.id === 1)).toBe(true);
    const other = new LabService({ dbPath: db, workerUrl });
    open.push(other);
    await other.updateRun(1, { tags: ['moved'] });
    await waitFor(() => seen.filter((e) => e.id === 1).length >= 2, 'the tag change', 10_000);
    await other.deleteRun(1);
    await waitFor(() => seen.some((e) => e.id === 1 && e.deleted === true), 'the deletion', 10_000);
  }, 120_000);
});
