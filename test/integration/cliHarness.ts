import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/** The real bundled `lab` command (test/globalSetup.ts builds it), run as a child process. */
export const LAB = resolve(__dirname, '../../out/node/lab.js');

export interface LabResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface LabChild {
  child: ChildProcess;
  /** Everything written so far. */
  stdout: () => string;
  stderr: () => string;
  exited: Promise<LabResult>;
}

export function startLab(args: string[], env: Record<string, string> = {}): LabChild {
  const child = spawn(process.execPath, [LAB, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<LabResult>((resolveExit) => {
    child.on('close', (code, signal) => resolveExit({ code, signal, stdout: out, stderr: err }));
  });
  return { child, stdout: () => out, stderr: () => err, exited };
}

export function lab(args: string[], env: Record<string, string> = {}): Promise<LabResult> {
  return startLab(args, env).exited;
}

/** A scratch folder for config files and databases. */
export function scratch(prefix = 'lab-cli-'): { dir: string; path: (name: string) => string; writeJson: (name: string, value: unknown) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    path: (name) => join(dir, name),
    writeJson: (name, value) => {
      const p = join(dir, name);
      writeFileSync(p, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
      return p;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs stored in a database file, read directly (0 when the file was never created). */
export function storedRuns(dbPath: string): number {
  if (!existsSync(dbPath)) return 0;
  const db = new BetterSqlite3(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM runs').pluck().get() as number;
  } finally {
    db.close();
  }
}

/** Read one value from a database another process is writing (WAL: readers never block). */
export function query<T>(dbPath: string, sql: string, ...params: unknown[]): T | undefined {
  if (!existsSync(dbPath)) return undefined;
  const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).pluck().get(...params) as T | undefined;
  } catch {
    return undefined;
  } finally {
    db.close();
  }
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 60_000, everyMs = 25): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export const heavy = (clip: number | null, label = clip === null ? 'no clip' : `b=${clip}`) => ({
  label,
  noise: { family: 'pareto', alpha: 1.2, scale: 0.1 },
  clip,
});

export function exitTimeConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'cli exit-time',
    kind: 'exit-time',
    landscape: { preset: 'paper' },
    x0: -0.7,
    seed: 7,
    arms: [heavy(0.5), heavy(null)],
    etas: [0.1, 0.05],
    samples: 6,
    ...overrides,
  };
}

export function longRunConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'cli long-run',
    kind: 'long-run',
    landscape: { preset: 'paper' },
    x0: 0.3,
    seed: 3,
    eta: 0.01,
    paths: 2,
    iterations: 100_000,
    thin: 5_000,
    arms: [heavy(0.5)],
    ...overrides,
  };
}
