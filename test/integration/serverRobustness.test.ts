import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { callApi, startServe, type ServeProcess } from './serverProcess';
import { longRunConfig } from './cliHarness';

/** `serve` under legal-but-huge input and bad arguments: a real server process on a real database. */
const base = mkdtempSync(join(tmpdir(), 'lab-robust-'));
let serve: ServeProcess;
beforeAll(async () => {
  serve = await startServe(['--db', join(base, 'lab.db'), '--workers', '1', '--memory-budget', '10', '--static', base]);
});
afterAll(async () => {
  await serve?.stop();
  rmSync(base, { recursive: true, force: true });
});

/** 101 critical points and 20 clipped arms with l* = 2 in every field: seconds of quadrature. */
function largestLandscape(): unknown {
  const n = 101;
  const criticalPoints = Array.from({ length: n }, (_, k) => -5 + (10 * k) / (n - 1) + (k % 2 ? 0.03 : 0));
  return {
    kind: 'exit-time',
    landscape: { criticalPoints, L: 6 },
    x0: 0.05,
    arms: Array.from({ length: 20 }, (_, k) => ({ label: `b${k}`, noise: { family: 'pareto', alpha: 1.2 + k / 100, scale: 0.1 }, clip: 0.069 })),
    etas: [0.001],
    samples: 1,
  };
}

describe('serve under heavy requests', () => {
  it('answers other requests while a large theory report is computed', async () => {
    const order: string[] = [];
    const theory = callApi(serve.port, 'theory', [largestLandscape(), 0.001]).then((r) => {
      order.push('theory');
      return r;
    });
    await new Promise((r) => setTimeout(r, 200));
    const list = await callApi(serve.port, 'listRuns', []);
    order.push('listRuns');
    expect(list.status).toBe(200);
    const report = await theory;
    expect(report.status).toBe(200);
    expect(JSON.parse(report.body).arms).toHaveLength(20);
    expect(order).toEqual(['listRuns', 'theory']);
  });

  it('refuses a run over its --memory-budget with 400 naming the field and the limit', async () => {
    const res = await callApi(serve.port, 'startRun', [longRunConfig({ thin: 1, iterations: 200_000 })]);
    expect(res.status).toBe(400);
    const { error } = JSON.parse(res.body) as { error: { code: string; issues: { path: string; message: string }[] } };
    expect(error.code).toBe('invalid');
    expect(error.issues[0]).toMatchObject({ path: 'thin', message: expect.stringMatching(/over the memory budget of 10 MB/) });
    expect(JSON.parse((await callApi(serve.port, 'listRuns', [])).body).total).toBe(0);
  });

  it('refuses extra positional arguments', async () => {
    const res = await callApi(serve.port, 'getRun', [1, 2, 3]);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toBe('getRun takes 1 argument, got 3');
  });
});

describe('serve with a bad --db', () => {
  function serveExit(args: string[]): Promise<{ code: number | null; stderr: string }> {
    return new Promise((done) => {
      const child = spawn(process.execPath, [resolve('out/node/serve.js'), '--port', '0', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
      child.on('close', (code) => done({ code, stderr }));
    });
  }

  it('says what is wrong in one line, without a stack trace', async () => {
    const foreign = join(base, 'foreign.db');
    const db = new BetterSqlite3(foreign);
    db.exec('CREATE TABLE notes (x)');
    db.close();
    writeFileSync(join(base, 'not-sqlite.db'), 'hello, I am a text file and not a database at all......................................');
    for (const [path, says] of [
      [join(base, 'no-such-folder', 'lab.db'), /cannot open the database .*no-such-folder/],
      [foreign, /not a Heavy-Tail SGD Lab database/],
      [join(base, 'not-sqlite.db'), /cannot open the database .*not a database/],
    ] as const) {
      const r = await serveExit(['--db', path]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(says);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
