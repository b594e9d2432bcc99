import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { lab, scratch } from './cliHarness';

/** The store changes no file it does not own, and commands that only read create nothing. */
const tmp = scratch('lab-foreign-');
afterAll(() => tmp.cleanup());

describe('lab and files that are not its databases', () => {
  it('list, show, cancel and run refuse an unrelated SQLite file and leave it byte for byte', async () => {
    const path = tmp.path('foreign.db');
    const db = new BetterSqlite3(path);
    db.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine')");
    db.close();
    const before = readFileSync(path);
    const config = tmp.writeJson('c.json', { kind: 'exit-time', landscape: { preset: 'paper' }, x0: -0.7, arms: [{ label: 'a', noise: { family: 'gaussian' }, clip: null }], etas: [0.1], samples: 1 });
    for (const args of [['list'], ['show', '1'], ['cancel', '1'], ['run', '--config', config]]) {
      const r = await lab([...args, '--db', path]);
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(1);
      expect(r.stderr).toMatch(/not a Heavy-Tail SGD Lab database/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('show, list and export with a mistyped --db create no database', async () => {
    for (const args of [['show', '1'], ['list'], ['export', '1', '--format', 'json']]) {
      const path = tmp.path(`typo-${args[0]}.db`);
      const r = await lab([...args, '--db', path]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/no database at/);
      expect(existsSync(path)).toBe(false);
    }
  });
});
