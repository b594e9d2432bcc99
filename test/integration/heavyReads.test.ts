import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { LabService } from '../../src-main/lab';
import { invokeEncoded } from '../../src-main/service/encodedReads';
import { parseExact } from '../../src-shared/codec/exactJson';
import { LabError } from '../../src-shared/api';
import { exitTimeConfig, heavy, longRunConfig, scratch, waitFor } from './cliHarness';
import { callApi, startServe } from './serverProcess';

/**
 * getRun and exportRun answered by a reader thread: the same bytes the main thread would have
 * produced, for every kind of run and every door's encoding.
 */
const workerUrl = pathToFileURL(resolve(__dirname, '../../out/node/worker.js'));
const tmp = scratch('lab-heavy-reads-');
afterAll(() => tmp.cleanup());
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  // Servers first, then the services behind them.
  for (const c of open.splice(0).reverse()) await c.close();
});
function service(name: string): LabService {
  const s = new LabService({ dbPath: tmp.path(name), workers: 2, workerUrl, chunkIterations: 40_000 });
  open.push(s);
  return s;
}
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('heavy reads off the main thread', () => {
  it('answers getRun and exportRun with the bytes the main thread would send, for every kind of run', async () => {
    const lab = service('identical.db');
    const long = await lab.whenSettled((await lab.startRun(longRunConfig({ paths: 3, iterations: 60_000, thin: 20, arms: [heavy(0.5), heavy(null)] }))).id);
    const exit = await lab.whenSettled((await lab.startRun(exitTimeConfig({ samples: 40 }))).id);
    // A run stopped part-way: its result is the aggregate of what was committed.
    const partial = await lab.startRun(longRunConfig({ name: 'stopped', paths: 2, iterations: 200_000_000, thin: 4_000 }));
    await waitFor(() => (query(tmp.path('identical.db'), 'SELECT count(*) FROM chunks WHERE run_id = ?', partial.id) as number) >= 2, 'two committed chunks');
    await lab.cancelRun(partial.id);
    expect([long.status, exit.status, (await lab.getRun(partial.id)).status]).toEqual(['completed', 'completed', 'cancelled']);

    for (const id of [long.id, exit.id, partial.id]) {
      const record = await lab.getRun(id);
      expect(text(await lab.getRunEncoded(id, 'json'))).toBe(JSON.stringify(record));
      expect(parseExact(text(await lab.getRunEncoded(id, 'exact')))).toEqual(record);
      for (const format of ['json', 'csv'] as const) {
        const file = await lab.exportRun(id, format);
        expect(text(await lab.exportRunEncoded(id, format, 'json'))).toBe(JSON.stringify(file));
      }
    }
    for (const [arm, eta] of [[0, 0], [1, 1]]) {
      expect(text(await lab.getExitTimesEncoded(exit.id, arm, eta, null, 'json'))).toBe(JSON.stringify(await lab.getExitTimes(exit.id, arm, eta)));
    }
    // The whole result really is in it: every path of every arm.
    const whole = JSON.parse(text(await lab.getRunEncoded(long.id, 'json'))) as { result: { arms: { trajectories: number[][] }[] } };
    expect(whole.result.arms.map((a) => a.trajectories.map((t) => t.length))).toEqual([
      [3001, 3001, 3001],
      [3001, 3001, 3001],
    ]);
  });

  it('reads a result stored whole by an older lab the same way', async () => {
    const lab = service('legacy.db');
    const run = await lab.whenSettled((await lab.startRun(exitTimeConfig())).id);
    const record = await lab.getRun(run.id);
    const db = new BetterSqlite3(tmp.path('legacy.db'));
    db.prepare('UPDATE run_results SET full = ? WHERE run_id = ?').run(JSON.stringify(record.result), run.id);
    db.close();
    expect(text(await lab.getRunEncoded(run.id, 'json'))).toBe(JSON.stringify(await lab.getRun(run.id)));
  });

  it('checks ids, formats and argument counts as every call does', async () => {
    const lab = service('errors.db');
    await expect(lab.getRunEncoded(99, 'json')).rejects.toMatchObject({ code: 'not-found' });
    await expect(lab.getRunEncoded('1', 'json')).rejects.toBeInstanceOf(LabError);
    await expect(lab.exportRunEncoded(1, 'xml', 'json')).rejects.toMatchObject({ code: 'invalid' });
    const run = await lab.whenSettled((await lab.startRun(exitTimeConfig({ samples: 2 }))).id);
    await expect(lab.getExitTimesEncoded(run.id, 2, 0, null, 'json')).rejects.toMatchObject({ code: 'invalid', issues: [{ path: 'arm' }] });
    await expect(invokeEncoded(lab, 'getExitTimes', [run.id, 0], 'json')).rejects.toMatchObject({ code: 'invalid' });
    await expect(invokeEncoded(lab, 'getRun', [1, 2], 'json')).rejects.toMatchObject({ code: 'invalid', message: 'getRun takes 1 argument, got 2' });
    expect(invokeEncoded(lab, 'listRuns', [], 'json')).toBeNull();
  });

  it('serves a running run with its live progress', async () => {
    const lab = service('live.db');
    const run = await lab.startRun(longRunConfig({ paths: 2, iterations: 200_000_000, thin: 100_000 }));
    await waitFor(() => (query(tmp.path('live.db'), 'SELECT count(*) FROM chunks WHERE run_id = ?', run.id) as number) >= 1, 'a committed chunk');
    const record = JSON.parse(text(await lab.getRunEncoded(run.id, 'json'))) as { status: string; progress: { done: number } | null; result: unknown };
    expect(record.status).toBe('running');
    expect(record.progress?.done).toBeGreaterThan(0);
    expect(record.result).not.toBeNull();
    await lab.cancelRun(run.id);
  });

  it('through the HTTP door: the same body as before, and a small request issued after a heavy one is answered before the heavy answer begins', async () => {
    const dbPath = tmp.path('door.db');
    const lab = service('door.db');
    // About 27 MB of JSON: 3 paths × 450,001 points.
    const big = await lab.whenSettled((await lab.startRun(longRunConfig({ name: 'big', paths: 3, iterations: 450_000, thin: 1 }))).id);
    expect(big.status, big.error ?? '').toBe('completed');
    const expected = JSON.stringify(await lab.getRun(big.id));
    const expectedCsv = JSON.stringify(await lab.exportRun(big.id, 'csv'));
    expect(expected.length).toBeGreaterThan(20e6);
    await lab.close();
    const serve = await startServe(['--db', dbPath, '--workers', '1', '--static', tmp.dir]);
    open.push({ close: async () => void (await serve.stop()) });

    // The heavy answer's start (its headers), not its end: 27 MB take a while to cross even a loopback socket.
    const order: string[] = [];
    const heavyCall = post(serve.port, 'getRun', [big.id], () => order.push('getRun answer begins'));
    await new Promise((r) => setTimeout(r, 100));
    const small = await callApi(serve.port, 'appInfo', []);
    order.push('appInfo answered');
    const whole = await heavyCall;
    expect(small.status).toBe(200);
    expect(whole.status).toBe(200);
    expect(whole.body === expected).toBe(true);
    expect(order).toEqual(['appInfo answered', 'getRun answer begins']);

    const exported = await callApi(serve.port, 'exportRun', [big.id, 'csv']);
    expect(exported.body === expectedCsv).toBe(true);
  }, 300_000);
});

/** POST /api/<method>, calling `onHeaders` when the answer starts arriving. */
function post(port: number, method: string, args: unknown[], onHeaders: () => void): Promise<{ status: number; body: string }> {
  return new Promise((resolveRes, reject) => {
    const req = request({ host: '127.0.0.1', port, path: `/api/${method}`, method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      onHeaders();
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolveRes({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(args));
  });
}

function query(dbPath: string, sql: string, ...params: unknown[]): unknown {
  const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).pluck().get(...params);
  } finally {
    db.close();
  }
}
