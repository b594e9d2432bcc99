import type { Database } from 'better-sqlite3';

/**
 * The schema's history. Each migration runs in its own transaction together with
 * `PRAGMA user_version = version`, so a crash leaves the database at a whole version.
 * Append only: a shipped migration is never edited, a change is a new version.
 */
export interface Migration {
  version: number;
  description: string;
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
];

export const latestSchemaVersion = migrations[migrations.length - 1].version;
