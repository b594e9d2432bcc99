import BetterSqlite3, { type Database } from 'better-sqlite3';
import { latestSchemaVersion, migrations, type Migration } from './migrations';

export type { Database } from 'better-sqlite3';

export interface OpenDatabaseOptions {
  /** Path to a better_sqlite3.node built for this runtime (Electron passes its own ABI build). */
  nativeBinding?: string;
  /** Migrations to apply; tests pass a longer list to exercise upgrades. */
  migrations?: readonly Migration[];
}

/** The database was written by a newer lab: we refuse it rather than risk overwriting it. */
export class DatabaseVersionError extends Error {
  constructor(
    readonly path: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `The database ${path} has schema version ${found}, written by a newer version of the lab; ` +
        `this version understands up to ${supported}. It was left untouched: open it with a newer lab, or use another --db.`,
    );
    this.name = 'DatabaseVersionError';
  }
}

/**
 * Open (creating if needed) the lab's SQLite database and bring its schema up to date.
 * The version check happens before anything is written, so a newer database is never
 * modified, not even its journal mode.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database {
  const list = options.migrations ?? migrations;
  const supported = list.length ? list[list.length - 1].version : 0;
  // A busy timeout lets several processes (a `lab run`, `lab cancel`, the app) share one file.
  const db = new BetterSqlite3(path, {
    timeout: 5000,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    const found = userVersion(db);
    if (found > supported) throw new DatabaseVersionError(path, found, supported);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // WAL + NORMAL is durable across application crashes (only an OS crash can lose the last commits).
    db.pragma('synchronous = NORMAL');
    migrate(db, path, list, supported);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function userVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Database, path: string, list: readonly Migration[], supported: number): void {
  for (const migration of list) {
    // IMMEDIATE takes the write lock first, so two processes opening a fresh file do not
    // both run the same migration: the second sees the new version and skips it.
    const step = db.transaction(() => {
      const current = userVersion(db);
      if (current > supported) throw new DatabaseVersionError(path, current, supported);
      if (current >= migration.version) return;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    });
    step.immediate();
  }
}

export { latestSchemaVersion };
