import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/store/database';
import { migrations } from '../../../src-main/store/migrations';
import { exitTimeConfig, longRunConfig, tempDir } from './helpers';

/** The schema objects a database holds, by type and name. */
function schemaNames(db: ReturnType<typeof openDatabase>, type: string): string[] {
  return (db.prepare('SELECT name FROM sqlite_schema WHERE type = ? AND sql IS NOT NULL ORDER BY name').pluck().all(type) as string[]);
}

describe('schema version 5: runs.kind without a hard-coded list', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  /** A file as the lab before version 5 left it: three runs (the last deleted), tags, chunks, a result. */
  function versionFourDatabase(path: string) {
    const v4 = openDatabase(path, { migrations: migrations.slice(0, 4) });
    expect(() => v4.prepare("INSERT INTO runs (name, kind, status, config, created_at) VALUES ('x', 'sweep', 'queued', '{}', 1)").run()).toThrow(/CHECK/);
    const insert = v4.prepare('INSERT INTO runs (name, kind, status, config, created_at, arm_labels) VALUES (?, ?, ?, ?, ?, ?)');
    insert.run('exit', 'exit-time', 'completed', JSON.stringify(exitTimeConfig()), 10, 'a');
    insert.run('long', 'long-run', 'cancelled', JSON.stringify(longRunConfig()), 20, 'b');
    insert.run('gone', 'long-run', 'failed', JSON.stringify(longRunConfig()), 30, 'c');
    v4.prepare('DELETE FROM runs WHERE id = 3').run();
    v4.prepare("INSERT INTO run_tags (run_id, tag) VALUES (1, 'fig-4'), (2, 'fig-1')").run();
    v4.prepare("INSERT INTO chunks (run_id, key, result, created_at, engine) VALUES (1, 'a0/e0/s0-9', '{}', 11, 1), (2, 'a0/p0/c0', '{}', 21, 1)").run();
    v4.prepare("INSERT INTO run_results (run_id, summary) VALUES (1, '{\"kind\":\"exit-time\",\"arms\":[]}')").run();
    const before = {
      runs: v4.prepare('SELECT * FROM runs ORDER BY id').all(),
      indexes: schemaNames(v4, 'index'),
      triggers: schemaNames(v4, 'trigger'),
    };
    v4.close();
    return before;
  }

  it('keeps every row, index, trigger and foreign key of an old database and accepts any kind', () => {
    const path = tmp.file('v4.db');
    const before = versionFourDatabase(path);
    const db = openDatabase(path);
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(5);
      const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'runs'").pluck().get() as string;
      expect(sql).not.toMatch(/kind\s+IN/i);
      expect(sql).toMatch(/status\s+IN/i); // only the kind list left; the status CHECK stays
      expect(db.prepare('SELECT * FROM runs ORDER BY id').all()).toEqual(before.runs);
      expect(schemaNames(db, 'index')).toEqual(before.indexes);
      expect(schemaNames(db, 'trigger')).toEqual(before.triggers);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);

      // A kind the old list did not have is stored; the id continues after the deleted run 3.
      const seq = db.prepare("SELECT max(seq) FROM run_changes").pluck().get() as number;
      const id = db.prepare("INSERT INTO runs (name, kind, status, config, created_at) VALUES ('grid', 'sweep', 'queued', '{}', 40)").run().lastInsertRowid;
      expect(id).toBe(4);
      // The change-log triggers still fire, on runs and on run_tags.
      db.prepare("UPDATE runs SET status = 'running' WHERE id = 4").run();
      db.prepare("INSERT INTO run_tags (run_id, tag) VALUES (4, 'new')").run();
      expect(db.prepare('SELECT run_id, status FROM run_changes WHERE seq > ? ORDER BY seq').all(seq)).toEqual([
        { run_id: 4, status: 'queued' },
        { run_id: 4, status: 'running' },
        { run_id: 4, status: 'running' },
      ]);
      // The foreign keys still cascade: deleting a run deletes its chunks, tags and result.
      db.prepare('DELETE FROM runs WHERE id = 1').run();
      expect(db.prepare('SELECT count(*) FROM chunks WHERE run_id = 1').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM run_tags WHERE run_id = 1').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM run_results WHERE run_id = 1').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM chunks WHERE run_id = 2').pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });

  it('a fresh database has no kind list either', () => {
    const db = openDatabase(tmp.file('fresh.db'));
    try {
      expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'runs'").pluck().get()).not.toMatch(/kind\s+IN/i);
    } finally {
      db.close();
    }
  });
});
