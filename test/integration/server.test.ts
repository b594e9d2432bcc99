import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord, RunSummary } from '../../src-shared/api';
import { callApi, http, startServe, subscribe } from './serverProcess';
import type { ServeProcess } from './serverProcess';

/**
 * The browser door end to end: a real `node out/node/serve.js` process, a real SQLite file in a
 * temp folder, real worker threads, raw HTTP over loopback.
 */
const base = mkdtempSync(join(tmpdir(), 'lab-serve-'));
const staticDir = join(base, 'renderer');
const dbPath = join(base, 'lab.db');
const secret = 'TOP-SECRET-OUTSIDE-RENDERER';
mkdirSync(join(staticDir, 'assets'), { recursive: true });
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>lab shell</title>');
writeFileSync(join(staticDir, 'assets', 'app.js'), 'export {};');
writeFileSync(join(base, 'secret.txt'), secret);

// Small enough for a shared 2-core machine: 2 η × 4 samples of the paper landscape's Ω2 exit.
const exitConfig = {
  name: 'doors: exit time',
  kind: 'exit-time',
  landscape: { preset: 'paper' },
  x0: -0.7,
  seed: 7,
  arms: [{ label: 'clipped b=0.5', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.5 }],
  etas: [0.1, 0.05],
  samples: 4,
  maxIterations: 200_000,
};

let serve: ServeProcess;
beforeAll(async () => {
  serve = await startServe(['--db', dbPath, '--workers', '2', '--static', staticDir]);
});
afterAll(async () => {
  await serve?.stop();
  rmSync(base, { recursive: true, force: true });
});

describe('npm run serve', () => {
  it('listens on loopback and prints the URL without a token', () => {
    expect(serve.url).toBe(`http://127.0.0.1:${serve.port}/`);
  });

  it('starts a run, streams its progress as server-sent events, and returns its result', async () => {
    const stream = subscribe(serve.port);
    expect(await stream.opened).toBe(200);
    const started = await callApi(serve.port, 'startRun', [exitConfig]);
    expect(started.status).toBe(200);
    const run = JSON.parse(started.body) as RunSummary;
    expect(run.name).toBe('doors: exit time');

    await stream.waitFor((e) => e.event === 'runChanged' && (e.data as { id: number; status: string }).id === run.id && (e.data as { status: string }).status === 'completed');
    stream.close();
    const progress = stream.events.filter((e) => e.event === 'runProgress' && (e.data as { id: number }).id === run.id);
    expect(progress.length).toBeGreaterThan(0);
    const last = progress.at(-1)!.data as { done: number; total: number };
    expect(last.done).toBeGreaterThan(0);

    const fetched = await callApi(serve.port, 'getRun', [run.id]);
    expect(fetched.status).toBe(200);
    const record = JSON.parse(fetched.body) as RunRecord;
    expect(record.status).toBe('completed');
    const arm = (record.result as { arms: { points: { eta: number; samples: number }[] }[] }).arms[0];
    expect(arm.points.map((p) => [p.eta, p.samples])).toEqual([
      [0.1, 4],
      [0.05, 4],
    ]);

    const listed = JSON.parse((await callApi(serve.port, 'listRuns', [{}])).body) as { runs: RunSummary[]; total: number };
    expect(listed.runs.map((r) => r.id)).toContain(run.id);
  });

  it('answers 400 with the offending field path for an invalid config, and stores nothing', async () => {
    const before = JSON.parse((await callApi(serve.port, 'listRuns', [{}])).body) as { total: number };
    const bad = { ...exitConfig, arms: [{ ...exitConfig.arms[0], noise: { family: 'pareto', alpha: 0.5, scale: 0.1 } }] };
    const res = await callApi(serve.port, 'startRun', [bad]);
    expect(res.status).toBe(400);
    const { error } = JSON.parse(res.body) as { error: { code: string; message: string; issues: { path: string }[] } };
    expect(error.code).toBe('invalid');
    expect(error.issues.map((i) => i.path)).toContain('arms[0].noise.alpha');
    const after = JSON.parse((await callApi(serve.port, 'listRuns', [{}])).body) as { total: number };
    expect(after.total).toBe(before.total);
  });

  it('imports measured noise over HTTP (a file\'s text, never a server path) and refuses a bad file with its line', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => {
      const z = Math.pow(1 - (i + 0.5) / 2000, -1 / 2) - 1;
      return String(i % 2 === 0 ? z : -z);
    });
    const ok = await callApi(serve.port, 'importNoise', ['grads.csv', lines.join('\n')]);
    expect(ok.status).toBe(200);
    const answer = JSON.parse(ok.body) as { asset: { asset: string; count: number }; preview: { tailCount: number } };
    expect(answer.asset.asset).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(answer.asset.count).toBe(2000);
    expect(answer.preview.tailCount).toBe(100);
    const bad = await callApi(serve.port, 'importNoise', ['grads.csv', `${lines.join('\n')}\nNaN`]);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toMatch(/grads\.csv, line 2001: "NaN" is not a finite number/);

    // And hands the samples back by name, exactly; an unknown name is 404, a second argument 400.
    const read = await callApi(serve.port, 'getNoiseAsset', [answer.asset.asset]);
    expect(read.status).toBe(200);
    const samples = (JSON.parse(read.body) as { name: string; samples: number[] });
    expect(samples.name).toBe('grads.csv');
    expect(samples.samples).toEqual(lines.map(Number));
    expect((await callApi(serve.port, 'getNoiseAsset', [`sha256:${'0'.repeat(64)}`])).status).toBe(404);
    expect((await callApi(serve.port, 'getNoiseAsset', [answer.asset.asset, 1])).status).toBe(400);
  });

  it('answers 400 when the body is not an array of arguments', async () => {
    const res = await http(serve.port, '/api/getRun', { method: 'POST', body: '{"id":1}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toMatch(/array/);
  });

  it('answers 404 for an unknown method and for a missing run', async () => {
    const unknown = await callApi(serve.port, 'launchMissiles', []);
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error.message).toMatch(/launchMissiles/);
    const missing = await callApi(serve.port, 'getRun', [987654]);
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).error.code).toBe('not-found');
  });

  it('serves the renderer with exact MIME types and falls back to index.html for client routes', async () => {
    const js = await http(serve.port, '/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const route = await http(serve.port, '/runs/42?tab=plots');
    expect(route.status).toBe(200);
    expect(route.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(route.headers['content-security-policy']).toContain("default-src 'none'");
    expect(route.body).toContain('lab shell');
    expect((await http(serve.port, '/assets/missing.js')).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/..\\secret.txt',
    `/${encodeURIComponent(join(base, 'secret.txt'))}`,
    `/${join(base, 'secret.txt')}`,
    '/%252e%252e/secret.txt',
  ])('never serves a file outside the renderer folder for %s', async (path) => {
    const res = await http(serve.port, path);
    expect(res.body).not.toContain(secret);
    expect([200, 400, 404]).toContain(res.status);
    if (res.status === 200) expect(res.body).toContain('lab shell'); // only ever the app shell
  });
});

describe('shutdown', () => {
  it('on SIGTERM leaves a run in flight interrupted, resumable by the next server', async () => {
    const db = join(base, 'shutdown.db');
    const first = await startServe(['--db', db, '--workers', '1', '--static', staticDir]);
    const stream = subscribe(first.port);
    await stream.opened;
    // Long enough to still be running when the signal arrives: 10^9 iterations would take minutes.
    const long = { ...exitConfig, name: 'doors: interrupted', etas: [0.001], samples: 2, maxIterations: 1_000_000_000 };
    const run = JSON.parse((await callApi(first.port, 'startRun', [long])).body) as RunSummary;
    await stream.waitFor((e) => e.event === 'runChanged' && (e.data as { id: number; status: string }).id === run.id && (e.data as { status: string }).status === 'running');
    const code = await first.stop('SIGTERM');
    expect(code).toBe(0);
    expect(first.output()).toMatch(/left interrupted/);

    const second = await startServe(['--db', db, '--workers', '1', '--static', staticDir]);
    try {
      const record = JSON.parse((await callApi(second.port, 'getRun', [run.id])).body) as RunRecord;
      expect(record.status).toBe('interrupted');
      const resumed = await callApi(second.port, 'resumeRun', [run.id]);
      expect(resumed.status).toBe(200);
      expect(['queued', 'running']).toContain((JSON.parse(resumed.body) as RunSummary).status);
      expect((await callApi(second.port, 'cancelRun', [run.id])).status).toBe(200);
    } finally {
      await second.stop();
    }
  });
});
