import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { DatabaseRefusedError, LAB_APPLICATION_ID, latestSchemaVersion, openDatabase } from '../../../src-main/store/database';
import { RunsRepository } from '../../../src-main/store/runsRepository';
import { exitTimeConfig, tempDir } from './helpers';

/** Make a plain SQLite file the way another program would. */
function sqliteFile(path: string, sql: string): void {
  const db = new BetterSqlite3(path);
  db.exec(sql);
  db.close();
}

function refusal(fn: () => unknown): DatabaseRefusedError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DatabaseRefusedError) return error;
    throw error;
  }
  throw new Error('expected the database to be refused');
}

describe('opening a database that is not the lab’s', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it.each([
    ['an unrelated SQLite file', 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES (\'keep me\');'],
    ['a version-0 file that happens to have a runs table', 'CREATE TABLE runs (id INTEGER PRIMARY KEY, what TEXT);'],
    ['a file stamped by another application', 'PRAGMA application_id = 1234; CREATE TABLE runs (x); CREATE TABLE run_tags (x); CREATE TABLE chunks (x); PRAGMA user_version = 1;'],
  ])('refuses %s and leaves every byte as it was', (_what, sql) => {
    const path = tmp.file('foreign.db');
    sqliteFile(path, sql);
    const before = readFileSync(path);
    for (const access of ['create', 'existing', 'read'] as const) {
      expect(refusal(() => openDatabase(path, { access })).message).toMatch(/not a Heavy-Tail SGD Lab database.*left untouched/);
    }
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('stamps its application id on a database it creates', () => {
    const path = tmp.file('new.db');
    openDatabase(path).close();
    const db = new BetterSqlite3(path, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(LAB_APPLICATION_ID);
    db.close();
  });

  it('recognises a lab database made before the stamp by its schema, and stamps it on the next write', () => {
    const path = tmp.file('legacy.db');
    openDatabase(path).close();
    const raw = new BetterSqlite3(path);
    raw.pragma('application_id = 0');
    raw.close();
    const db = openDatabase(path);
    expect(db.pragma('application_id', { simple: true })).toBe(LAB_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    db.close();
  });

  it('never creates a file when asked to open an existing one (a typo in --db)', () => {
    for (const access of ['existing', 'read'] as const) {
      const path = tmp.file(`typo-${access}.db`);
      expect(refusal(() => openDatabase(path, { access })).message).toMatch(/no database at/);
      expect(existsSync(path)).toBe(false);
    }
  });
});

/**
 * A read-only folder needs a read-only file system here: the tests may run as root, which
 * ignores permission bits. Skipped (with this reason) where tmpfs cannot be mounted.
 */
function mountTmpfs(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const probe = tempDir('lab-mount-probe-');
const canMount = mountTmpfs(probe.dir) && (execFileSync('umount', [probe.dir]), true);
probe.cleanup();

describe.skipIf(!canMount)('reading a database in a read-only folder', () => {
  let tmp: ReturnType<typeof tempDir>;
  let dir: string;
  beforeEach(() => {
    tmp = tempDir();
    dir = tmp.file('mnt');
    mkdirSync(dir);
    mountTmpfs(dir);
  });
  afterEach(() => {
    execFileSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
    tmp.cleanup();
  });
  const readOnly = () => execFileSync('mount', ['-o', 'remount,ro', dir]);

  function labDatabase(path: string): void {
    const db = openDatabase(path);
    new RunsRepository(db).create(exitTimeConfig({ name: 'kept' }), { pid: 1, token: 't' });
    db.close();
  }
  const names = (path: string) => {
    const db = openDatabase(path, { access: 'read' });
    try {
      return db.prepare('SELECT name FROM runs').pluck().all();
    } finally {
      db.close();
    }
  };

  it('lists a WAL database closed cleanly (no -shm to open), from a copy of its main file', () => {
    const path = `${dir}/lab.db`;
    labDatabase(path);
    expect(existsSync(`${path}-shm`)).toBe(false);
    readOnly();
    expect(names(path)).toEqual(['kept']);
  });

  it('lists a rollback-journal database read-only', () => {
    const path = `${dir}/lab.db`;
    labDatabase(path);
    const db = new BetterSqlite3(path);
    db.pragma('journal_mode = DELETE');
    db.close();
    readOnly();
    expect(names(path)).toEqual(['kept']);
  });

  it('refuses to write there, and says so, rather than failing later', () => {
    const path = `${dir}/lab.db`;
    labDatabase(path);
    readOnly();
    expect(() => openDatabase(path, { access: 'existing' })).toThrow(/is read-only.*can be listed and read/);
    expect(() => openDatabase(`${dir}/other.db`)).toThrow(/folder is not writable/);
  });
});
