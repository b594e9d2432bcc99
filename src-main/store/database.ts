import BetterSqlite3, { type Database } from 'better-sqlite3';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { latestSchemaVersion, migrations, type Migration } from './migrations';

export type { Database } from 'better-sqlite3';

export interface OpenDatabaseOptions {
  /** Path to a better_sqlite3.node built for this runtime (Electron passes its own ABI build). */
  nativeBinding?: string;
  /** Migrations to apply; tests pass a longer list to exercise upgrades. */
  migrations?: readonly Migration[];
  /**
   * `create` (default): create the file if missing. `existing`: never create it. `read`: never
   * create it, and open it read-only when it cannot be written (commands that only read).
   */
  access?: DatabaseAccess;
}

export type DatabaseAccess = 'create' | 'existing' | 'read';

/**
 * `PRAGMA application_id` of every lab database ("HTSG"), stamped when the lab creates a file
 * (or first writes one made before the stamp existed), so that any other SQLite file is
 * recognised and left alone.
 */
export const LAB_APPLICATION_ID = 0x48545347;

/** Tables every lab database has had since its first schema version. */
const labTables = ['runs', 'run_tags', 'chunks'];

/** The file is not the lab's (or is missing where it must exist): nothing was written to it. */
export class DatabaseRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseRefusedError';
  }
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
 * Open the lab's SQLite database and bring its schema up to date. Whose file it is and which
 * version it has are checked before anything is written, so a foreign or newer database is
 * never modified, not even its journal mode.
 *
 * Read access to a file that cannot be written: a rollback-journal database, or a WAL database
 * whose -shm file exists, is opened read-only; a WAL database in a read-only folder without its
 * -shm (SQLite cannot create one there) is read from an in-memory copy of its main file, which
 * holds everything a cleanly closed lab wrote (only commits still in a -wal file are not seen).
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database {
  const list = options.migrations ?? migrations;
  const supported = list.length ? list[list.length - 1].version : 0;
  const access = options.access ?? 'create';
  if (access !== 'create' && !existsSync(path)) {
    throw new DatabaseRefusedError(`There is no database at ${path} (nothing was created; check the path).`);
  }
  if (!writable(path)) {
    if (access === 'read') return openReadOnly(path, options, supported);
    throw new DatabaseRefusedError(
      existsSync(path)
        ? `The database ${path} is read-only (or its folder is); it can be listed and read, not written.`
        : `Cannot create a database in ${dirname(path)}: the folder is not writable.`,
    );
  }
  // A busy timeout lets several processes (a `lab run`, `lab cancel`, the app) share one file.
  const db = new BetterSqlite3(path, {
    timeout: 5000,
    fileMustExist: access !== 'create',
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    const identity = identify(db);
    if (identity === 'foreign') throw foreign(path, db);
    const found = userVersion(db);
    if (found > supported) throw new DatabaseVersionError(path, found, supported);
    db.pragma('journal_mode = WAL');
    if (identity !== 'ours') db.pragma(`application_id = ${LAB_APPLICATION_ID}`);
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

function writable(path: string): boolean {
  try {
    if (existsSync(path)) accessSync(path, constants.W_OK);
    // The journal, -wal and -shm files live beside the database.
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function openReadOnly(path: string, options: OpenDatabaseOptions, supported: number): Database {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const header = readFileSync(path).subarray(0, 20);
  // Bytes 18–19 of the header are 2 in WAL mode (SQLite file format §1.3.4).
  const wal = header.length === 20 && header[18] === 2;
  let db: Database;
  if (wal && !existsSync(`${path}-shm`)) {
    const image = readFileSync(path);
    // The copy is read as a rollback-journal database; the file on disk is not touched.
    image[18] = 1;
    image[19] = 1;
    db = new BetterSqlite3(image, binding);
  } else {
    db = new BetterSqlite3(path, { readonly: true, fileMustExist: true, timeout: 5000, ...binding });
  }
  try {
    if (identify(db) === 'foreign') throw foreign(path, db);
    const found = userVersion(db);
    if (found > supported) throw new DatabaseVersionError(path, found, supported);
    if (found < supported) {
      throw new DatabaseRefusedError(
        `The database ${path} has schema version ${found} and cannot be written, so it cannot be upgraded to ${supported}; open it once where it is writable.`,
      );
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Ours when stamped; `legacy` when made by the lab before the stamp (its tables and a schema
 * version); `empty` for a file with no tables at all; anything else is foreign.
 */
function identify(db: Database): 'ours' | 'legacy' | 'empty' | 'foreign' {
  const id = db.pragma('application_id', { simple: true }) as number;
  if (id === LAB_APPLICATION_ID) return 'ours';
  if (id !== 0) return 'foreign';
  const tables = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all();
  if (tables.length === 0 && userVersion(db) === 0) return 'empty';
  if (userVersion(db) >= 1 && labTables.every((t) => tables.includes(t))) return 'legacy';
  return 'foreign';
}

function foreign(path: string, db: Database): DatabaseRefusedError {
  const id = db.pragma('application_id', { simple: true }) as number;
  return new DatabaseRefusedError(
    `${path} is not a Heavy-Tail SGD Lab database (application_id ${id}, schema version ${userVersion(db)}); ` +
      'it was left untouched. Use another --db.',
  );
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
      if (migration.rebuildsTables) {
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`migration ${migration.version} would break ${broken.length} foreign key(s)`);
      }
      db.pragma(`user_version = ${migration.version}`);
    });
    // The switch works only outside a transaction (sqlite.org/pragma.html#pragma_foreign_keys).
    if (migration.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      step.immediate();
    } finally {
      if (migration.rebuildsTables) db.pragma('foreign_keys = ON');
    }
  }
}

export { latestSchemaVersion };
