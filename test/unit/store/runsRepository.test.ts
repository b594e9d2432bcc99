import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../../src-main/store/database';
import { RunsRepository, type RunOwner } from '../../../src-main/store/runsRepository';
import { ChunkRows } from '../../../src-main/store/chunkRows';
import { StoredChunks } from '../../../src-main/service/storedChunks';
import { ENGINE_VERSION } from '../../../src-main/engine/taskCodec';
import { migrations } from '../../../src-main/store/migrations';
import { registerOwnerToken, unregisterOwnerToken, HEARTBEAT_STALE_MS } from '../../../src-main/store/ownerLiveness';
import { exitTimeConfig, longRunConfig, tempDir } from './helpers';

describe('RunsRepository', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Database;
  let runs: RunsRepository;
  const owner: RunOwner = { pid: process.pid, token: 'test-owner' };

  beforeEach(() => {
    tmp = tempDir();
    db = openDatabase(tmp.file('runs.db'));
    runs = new RunsRepository(db);
    registerOwnerToken(owner.token);
  });
  afterEach(() => {
    unregisterOwnerToken(owner.token);
    db.close();
    tmp.cleanup();
  });

  it('stores the expanded config and reads it back as a summary', () => {
    const config = exitTimeConfig();
    const id = runs.create(config, owner, Date.UTC(2026, 0, 1));
    const page = runs.page();
    expect(page.total).toBe(1);
    expect(page.runs[0]).toMatchObject({ id, name: 'exit test', kind: 'exit-time', status: 'queued', tags: [], notes: '', createdAt: '2026-01-01T00:00:00.000Z', startedAt: null });
    expect(page.runs[0].config).toEqual(config);
  });

  it('moves queued → running → completed and keeps timings and result', () => {
    const id = runs.create(exitTimeConfig(), owner, 1000);
    expect(runs.markRunning(id, owner, 2000)).toBe(true);
    const result = { kind: 'exit-time' as const, arms: [] };
    expect(runs.finish(id, owner, { status: 'completed', result }, 5000)).toBe(true);
    const row = runs.get(id)!;
    expect(row).toMatchObject({ status: 'completed', started_at: 2000, finished_at: 5000, owner_pid: null, owner_token: null });
    expect(JSON.parse(runs.storedResult(id)!.summary)).toEqual(result);
    // Ownership was released: a second finish by the same owner changes nothing.
    expect(runs.finish(id, owner, { status: 'failed', error: 'late' })).toBe(false);
  });

  it('reports a run whose owner process is dead as interrupted', () => {
    // A pid that surely is dead: a child that has already exited and been reaped.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const id = runs.create(exitTimeConfig(), { pid: dead, token: 'gone' });
    const alive = runs.create(exitTimeConfig(), owner);
    expect(runs.reapDeadOwners()).toEqual([id]);
    expect(runs.get(id)!.status).toBe('interrupted');
    expect(runs.get(alive)!.status).toBe('queued');
  });

  it('reports a run whose heartbeat is stale as interrupted, even if its pid lives', () => {
    const id = runs.create(exitTimeConfig(), owner, 1000);
    expect(runs.reapDeadOwners(1000 + HEARTBEAT_STALE_MS / 2)).toEqual([]);
    expect(runs.reapDeadOwners(1000 + HEARTBEAT_STALE_MS + 1)).toEqual([id]);
    // Reaping releases the owner: a late heartbeat learns it lost the run and revives nothing.
    expect(runs.heartbeat(id, owner, null)).toEqual({ owned: false, cancelRequested: false });
    expect(runs.get(id)).toMatchObject({ status: 'interrupted', owner_token: null });
  });

  it('treats a closed service in this same process as a dead owner', () => {
    const id = runs.create(exitTimeConfig(), { pid: process.pid, token: 'closed-service' });
    expect(runs.reapDeadOwners()).toEqual([id]);
  });

  it('lets exactly one owner claim an interrupted run, and records cancel requests', () => {
    const id = runs.create(exitTimeConfig(), { pid: process.pid, token: 'closed-service' });
    expect(runs.claim(id, owner, ['interrupted'])).toBe('claimed');
    expect(runs.get(id)).toMatchObject({ status: 'queued', owner_token: owner.token });
    expect(runs.claim(id, { pid: process.pid, token: 'other' }, ['interrupted'])).toBe('queued');
    expect(runs.claim(999, owner, ['interrupted'])).toBe('not-found');

    const checkpoints = new StoredChunks(new ChunkRows(db));
    expect(checkpoints.cancelRequested(id)).toBe(false);
    runs.requestCancel(id);
    expect(checkpoints.cancelRequested(id)).toBe(true);
    expect(runs.heartbeat(id, owner, null)).toEqual({ owned: true, cancelRequested: true });
    expect(runs.heartbeat(id, { pid: 1, token: 'thief' }, null)).toEqual({ owned: false, cancelRequested: false });
  });

  it('updates name, notes and tags, and deletes a run with its chunks', () => {
    const id = runs.create(longRunConfig(), owner);
    runs.update(id, { name: 'renamed', notes: 'a note', tags: ['b', 'a'] });
    expect(runs.page().runs[0]).toMatchObject({ name: 'renamed', notes: 'a note', tags: ['a', 'b'] });
    // The stored config is what Config and Compare show: it must carry the new name too.
    expect(JSON.parse(runs.get(id)?.config ?? '{}').name).toBe('renamed');
    new StoredChunks(new ChunkRows(db)).save(id, 'a0/p0/c0', { kind: 'exit-time', exitTimes: [1], exitTo: [2], iterations: 1 });
    expect(runs.delete(id)).toBe(true);
    expect(db.prepare('SELECT count(*) FROM chunks').pluck().get()).toBe(0);
    expect(runs.delete(id)).toBe(false);
  });
});

describe('StoredChunks', () => {
  it('commits chunks durably: a second connection sees them exactly', () => {
    const tmp = tempDir();
    const path = tmp.file('chunks.db');
    const db = openDatabase(path);
    const runs = new RunsRepository(db);
    const id = runs.create(exitTimeConfig(), { pid: process.pid, token: 't' });
    const checkpoints = new StoredChunks(new ChunkRows(db));
    // Awkward doubles must survive the JSON round trip bit for bit.
    const result = { kind: 'exit-time' as const, exitTimes: [0.1 + 0.2, 1e-300, 123456789012345], exitTo: [1, 3, 0], iterations: 42 };
    checkpoints.save(id, 'a0/e0/s0-2', result);
    checkpoints.save(id, 'a0/e0/s0-2', result);
    const other = openDatabase(path);
    const seen = new StoredChunks(new ChunkRows(other)).completed(id);
    expect([...seen.keys()]).toEqual(['a0/e0/s0-2']);
    expect(seen.get('a0/e0/s0-2')).toEqual(result);
    // Saving for a deleted run is silently dropped rather than failing the executor.
    runs.delete(id);
    expect(() => checkpoints.save(id, 'a0/e0/s3-3', result)).not.toThrow();
    expect(new ChunkRows(db).count(id)).toBe(0);
    expect(checkpoints.cancelRequested(id)).toBe(true);
    other.close();
    db.close();
    tmp.cleanup();
  });

  it('marks each chunk with the engine that computed it; chunks from before that count as version 1', () => {
    const tmp = tempDir();
    const path = tmp.file('engine.db');
    // A database as the first schema left it, with one committed chunk.
    const old = openDatabase(path, { migrations: migrations.slice(0, 1) });
    const id = Number(
      old.prepare("INSERT INTO runs (name, kind, status, config, created_at) VALUES ('old', 'exit-time', 'interrupted', ?, 0)")
        .run(JSON.stringify(exitTimeConfig())).lastInsertRowid,
    );
    old.prepare("INSERT INTO chunks (run_id, key, result, created_at) VALUES (?, 'a0/e0/s0-0', ?, 0)")
      .run(id, JSON.stringify({ kind: 'exit-time', exitTimes: [5], exitTo: [1], iterations: 5 }));
    old.close();

    const db = openDatabase(path);
    const chunks = new StoredChunks(new ChunkRows(db));
    expect(chunks.completed(id).get('a0/e0/s0-0')).toEqual({ kind: 'exit-time', exitTimes: [5], exitTo: [1], iterations: 5 });
    expect(new ChunkRows(db).engines(id)).toEqual([1]);
    const fromOldEngine = [1].filter((v) => v !== ENGINE_VERSION);
    expect(chunks.foreignEngines(id)).toEqual(fromOldEngine);
    new ChunkRows(db).insert(id, 'a0/e0/s1-1', ENGINE_VERSION + 1, '{}');
    expect(chunks.foreignEngines(id)).toEqual([...fromOldEngine, ENGINE_VERSION + 1]);
    db.close();
    tmp.cleanup();
  });
});
