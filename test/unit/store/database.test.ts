import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { DatabaseVersionError, LAB_APPLICATION_ID, latestSchemaVersion, openDatabase } from '../../../src-main/store/database';
import { migrations } from '../../../src-main/store/migrations';
import { tempDir } from './helpers';

describe('openDatabase', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('creates a fresh file at the latest schema, in WAL mode with foreign keys on', () => {
    const path = tmp.file('fresh.db');
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['chunks', 'run_tags', 'runs']));
    db.close();
    expect(existsSync(path)).toBe(true);
  });

  it('reopens an existing database without migrating it again, keeping its rows', () => {
    const path = tmp.file('reopen.db');
    const first = openDatabase(path);
    first.prepare("INSERT INTO runs (name, kind, status, config, created_at) VALUES ('r', 'exit-time', 'completed', '{}', 1)").run();
    first.close();
    const again = openDatabase(path);
    expect(again.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(again.prepare('SELECT count(*) FROM runs').pluck().get()).toBe(1);
    again.close();
  });

  it('applies a later migration to an older database, in order', () => {
    const path = tmp.file('upgrade.db');
    openDatabase(path).close();
    const next = latestSchemaVersion + 1;
    const db = openDatabase(path, {
      migrations: [...migrations, { version: next, description: 'test column', up: (d) => d.exec('ALTER TABLE runs ADD COLUMN extra TEXT') }],
    });
    expect(db.pragma('user_version', { simple: true })).toBe(next);
    expect(db.prepare('SELECT extra FROM runs').all()).toEqual([]);
    db.close();
  });

  it('rolls a failing migration back entirely: no half-applied schema, version unchanged', () => {
    const path = tmp.file('failing.db');
    openDatabase(path).close();
    const broken = {
      version: latestSchemaVersion + 1,
      description: 'fails half way',
      up: (d: BetterSqlite3.Database) => {
        d.exec('CREATE TABLE half (x)');
        throw new Error('boom');
      },
    };
    expect(() => openDatabase(path, { migrations: [...migrations, broken] })).toThrow('boom');
    const raw = new BetterSqlite3(path);
    expect(raw.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    raw.close();
  });

  it('refuses a database written by a newer schema version and leaves the file untouched', () => {
    const path = tmp.file('newer.db');
    const raw = new BetterSqlite3(path);
    raw.exec('CREATE TABLE future (x)');
    raw.pragma(`application_id = ${LAB_APPLICATION_ID}`);
    raw.pragma(`user_version = ${latestSchemaVersion + 5}`);
    raw.close();
    const before = readFileSync(path);

    let error: unknown;
    try {
      openDatabase(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseVersionError);
    expect((error as Error).message).toMatch(/newer version of the lab/);
    expect((error as Error).message).toContain(String(latestSchemaVersion + 5));
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('cascades: deleting a run deletes its chunks and tags', () => {
    const db = openDatabase(tmp.file('cascade.db'));
    const id = db.prepare("INSERT INTO runs (name, kind, status, config, created_at) VALUES ('r', 'exit-time', 'queued', '{}', 1)").run().lastInsertRowid;
    db.prepare("INSERT INTO chunks (run_id, key, result, created_at) VALUES (?, 'a0/e0/s0-1', '{}', 1)").run(id);
    db.prepare("INSERT INTO run_tags (run_id, tag) VALUES (?, 'x')").run(id);
    db.prepare('DELETE FROM runs WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) FROM chunks').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM run_tags').pluck().get()).toBe(0);
    expect(() => db.prepare("INSERT INTO chunks (run_id, key, result, created_at) VALUES (999, 'k', '{}', 1)").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
