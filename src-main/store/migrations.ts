import type { Database } from 'better-sqlite3';
import type { RunResult } from '../../src-shared/model/results';
import { summarizeResult } from '../../src-shared/model/resultSummary';
import { armLabelsText, headlineOf } from './runSummaryColumns';

/**
 * The schema's history. Each migration runs in its own transaction together with
 * `PRAGMA user_version = version`, so a crash leaves the database at a whole version.
 * Append only: a shipped migration is never edited, a change is a new version.
 */
export interface Migration {
  version: number;
  description: string;
  /**
   * Run with foreign keys off (a table rebuild: dropping the old table must not cascade into the
   * tables that reference it). The runner checks the keys before it commits.
   */
  rebuildsTables?: boolean;
  up(db: Database): void;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'runs, run tags and committed chunks',
    up(db) {
      db.exec(`
        CREATE TABLE runs (
          id               INTEGER PRIMARY KEY AUTOINCREMENT,
          name             TEXT    NOT NULL,
          kind             TEXT    NOT NULL CHECK (kind IN ('exit-time', 'long-run')),
          status           TEXT    NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled', 'interrupted')),
          config           TEXT    NOT NULL,          -- the fully expanded ExperimentConfig, JSON
          notes            TEXT    NOT NULL DEFAULT '',
          created_at       INTEGER NOT NULL,          -- ms since the epoch
          started_at       INTEGER,
          finished_at      INTEGER,
          error            TEXT,
          result           TEXT,                      -- RunResult JSON once completed
          progress         TEXT,                      -- last RunProgress JSON, for other processes
          owner_pid        INTEGER,                   -- process executing the run, while queued/running
          owner_token      TEXT,                      -- that process's LabService instance
          heartbeat_at     INTEGER,
          cancel_requested INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX runs_by_created ON runs (created_at, id);
        CREATE INDEX runs_by_status  ON runs (status, created_at, id);
        CREATE INDEX runs_by_kind    ON runs (kind, created_at, id);
        CREATE INDEX runs_by_name    ON runs (name COLLATE NOCASE, id);

        CREATE TABLE run_tags (
          run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
          tag    TEXT    NOT NULL,
          PRIMARY KEY (run_id, tag)
        ) WITHOUT ROWID;
        CREATE INDEX run_tags_by_tag ON run_tags (tag, run_id);

        CREATE TABLE chunks (
          run_id     INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
          key        TEXT    NOT NULL,
          result     TEXT    NOT NULL,                -- KernelChunkResult JSON
          created_at INTEGER NOT NULL,
          PRIMARY KEY (run_id, key)
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    version: 2,
    description: 'each committed chunk records the engine version that computed it',
    up(db) {
      // Chunks committed before this column existed came from engine version 1.
      db.exec('ALTER TABLE chunks ADD COLUMN engine INTEGER NOT NULL DEFAULT 1');
    },
  },
  {
    version: 3,
    description: 'each run records a UUID (names its queue jobs) and where its chunks last ran',
    up(db) {
      // Both filled when a run starts or resumes; older runs get a UUID on their next resume.
      db.exec(`
        ALTER TABLE runs ADD COLUMN uuid TEXT;
        ALTER TABLE runs ADD COLUMN executor TEXT;  -- 'local', or 'queue <redis URL without password>'
      `);
    },
  },
  {
    version: 4,
    description: 'results in their own table, summary columns, chunk trajectories as binary, a change log',
    up(db) {
      // A run's result lived in `runs.result`; a long trajectory made every row tens of MB, and
      // reading any column stored after it walked the whole overflow chain. Results now live in a
      // table of their own, and the list reads small summary columns only.
      db.exec(`
        CREATE TABLE run_results (
          run_id  INTEGER PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
          summary TEXT NOT NULL,                      -- RunResultSummary JSON: no exit times, no trajectories
          full    TEXT                                -- the whole RunResult, only for runs stored before this version;
                                                      -- newer ones take their series from their chunks (stored once)
        );
        ALTER TABLE runs ADD COLUMN arm_labels TEXT NOT NULL DEFAULT '';   -- the arms' labels, one a line, for search
        ALTER TABLE runs ADD COLUMN headline   TEXT;                       -- RunHeadline JSON once completed
        ALTER TABLE chunks ADD COLUMN trajectory BLOB;                     -- thinned X(n) as float64 (little endian)

        -- Every change to a run, by any process, in commit order: open views follow it.
        CREATE TABLE run_changes (
          seq    INTEGER PRIMARY KEY AUTOINCREMENT,
          run_id INTEGER NOT NULL,
          status TEXT    NOT NULL,                    -- the run's status after the change (before it, when deleted)
          deleted INTEGER NOT NULL DEFAULT 0,
          at     INTEGER NOT NULL
        );
        CREATE TRIGGER runs_changed_insert AFTER INSERT ON runs BEGIN
          INSERT INTO run_changes (run_id, status, at) VALUES (NEW.id, NEW.status, unixepoch('subsec') * 1000);
        END;
        CREATE TRIGGER runs_changed_update AFTER UPDATE OF name, status, notes, finished_at ON runs BEGIN
          INSERT INTO run_changes (run_id, status, at) VALUES (NEW.id, NEW.status, unixepoch('subsec') * 1000);
        END;
        CREATE TRIGGER runs_changed_delete AFTER DELETE ON runs BEGIN
          INSERT INTO run_changes (run_id, status, deleted, at) VALUES (OLD.id, OLD.status, 1, unixepoch('subsec') * 1000);
        END;
        CREATE TRIGGER run_tags_changed_insert AFTER INSERT ON run_tags BEGIN
          INSERT INTO run_changes (run_id, status, at) SELECT id, status, unixepoch('subsec') * 1000 FROM runs WHERE id = NEW.run_id;
        END;
        CREATE TRIGGER run_tags_changed_delete AFTER DELETE ON run_tags BEGIN
          INSERT INTO run_changes (run_id, status, at) SELECT id, status, unixepoch('subsec') * 1000 FROM runs WHERE id = OLD.run_id;
        END;
        -- The log only has to reach views that poll every second or so: keep the last thousand.
        CREATE TRIGGER run_changes_trim AFTER INSERT ON run_changes BEGIN
          DELETE FROM run_changes WHERE seq <= NEW.seq - 1000;
        END;
      `);
      const rows = db.prepare<[], { id: number; config: string; result: string | null }>('SELECT id, config, result FROM runs').all();
      const set = db.prepare('UPDATE runs SET arm_labels = ?, headline = ? WHERE id = ?');
      const keep = db.prepare('INSERT INTO run_results (run_id, summary, full) VALUES (?, ?, ?)');
      for (const row of rows) {
        const result = row.result === null ? null : (JSON.parse(row.result) as RunResult);
        const headline = result === null ? null : headlineOf(result);
        set.run(armLabelsText(JSON.parse(row.config)), headline === null ? null : JSON.stringify(headline), row.id);
        if (result !== null) keep.run(row.id, JSON.stringify(summarizeResult(result)), row.result);
      }
      // Kept empty (dropping a column rewrites the whole table): the result is in run_results now.
      db.exec('UPDATE runs SET result = NULL WHERE result IS NOT NULL');
    },
  },
  {
    version: 5,
    description: 'runs.kind is any registered kind: the hard-coded list of kinds leaves the table',
    rebuildsTables: true,
    up(db) {
      // SQLite cannot drop a CHECK in place, so the table is rebuilt (sqlite.org/lang_altertable.html,
      // "other kinds of table schema changes"): the same definition less the kind list, every row
      // copied with its id, then its indexes and every trigger (those on run_tags name `runs`) again.
      const objects = db.prepare<[string], { name: string; type: string; tbl_name: string; sql: string }>(
        'SELECT name, type, tbl_name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND type = ?',
      );
      const schema = (type: string, table?: string) => objects.all(type).filter((o) => table === undefined || o.tbl_name === table);
      const [table] = schema('table', 'runs');
      const withoutKinds = table.sql.replace(/\s*CHECK\s*\(\s*kind\s+IN\s*\([^)]*\)\s*\)/i, '');
      if (withoutKinds === table.sql) return;
      const indexes = schema('index', 'runs');
      const triggers = schema('trigger');
      const sequence = db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'runs'").get();
      for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
      db.exec(withoutKinds.replace(/^CREATE TABLE\s+"?runs"?/i, 'CREATE TABLE runs_rebuilt'));
      db.exec('INSERT INTO runs_rebuilt SELECT * FROM runs');
      db.exec('DROP TABLE runs');
      db.exec('ALTER TABLE runs_rebuilt RENAME TO runs');
      for (const i of indexes) db.exec(i.sql);
      for (const t of triggers) db.exec(t.sql);
      // Ids are never reused, even those of runs deleted at the top.
      if (sequence) db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'runs'").run(sequence.seq);
    },
  },
];

export const latestSchemaVersion = migrations[migrations.length - 1].version;
