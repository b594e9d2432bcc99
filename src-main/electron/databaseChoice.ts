import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';

/**
 * Which SQLite file the desktop app opens: lab.sqlite in the user-data folder unless the user
 * chose another one with File › Open Database…, remembered in userData/database.json. A
 * remembered file that has since disappeared (moved, on an unplugged drive) falls back to the
 * default rather than silently creating an empty database in its place.
 */
export const defaultDatabaseName = 'lab.sqlite';
const choiceFile = (userData: string) => join(userData, 'database.json');

export function defaultDatabasePath(userData: string): string {
  return join(userData, defaultDatabaseName);
}

export function chosenDatabasePath(userData: string): string {
  try {
    const saved = (JSON.parse(readFileSync(choiceFile(userData), 'utf8')) as { path?: unknown }).path;
    if (typeof saved === 'string' && isAbsolute(saved) && existsSync(saved)) return saved;
  } catch {
    // No choice yet, or a damaged file: the default.
  }
  return defaultDatabasePath(userData);
}

/** Remember the choice (write-then-rename); choosing the default forgets it. */
export function saveDatabaseChoice(userData: string, dbPath: string): void {
  const file = choiceFile(userData);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(dbPath === defaultDatabasePath(userData) ? {} : { path: dbPath }));
  renameSync(`${file}.tmp`, file);
}
