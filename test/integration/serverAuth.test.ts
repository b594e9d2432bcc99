import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, http, startServe, subscribe } from './serverProcess';
import type { ServeProcess } from './serverProcess';

/**
 * Off loopback every /api request needs the bearer token. The server listens on 0.0.0.0 but the
 * test only ever connects through 127.0.0.1: the token requirement follows the listening address,
 * not the caller's.
 */
const base = mkdtempSync(join(tmpdir(), 'lab-serve-auth-'));
const staticDir = join(base, 'renderer');
mkdirSync(staticDir);
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>lab shell</title>');

let generated: ServeProcess;
let given: ServeProcess;
beforeAll(async () => {
  [generated, given] = await Promise.all([
    startServe(['--db', join(base, 'a.db'), '--host', '0.0.0.0', '--workers', '1', '--static', staticDir]),
    startServe(['--db', join(base, 'b.db'), '--host', '0.0.0.0', '--token', 'a-token-we-chose', '--workers', '1', '--static', staticDir]),
  ]);
});
afterAll(async () => {
  await Promise.all([generated?.stop(), given?.stop()]);
  rmSync(base, { recursive: true, force: true });
});

describe('serve off loopback', () => {
  it('generates a random token and prints it in the URL to open', () => {
    const token = new URL(generated.url).searchParams.get('token');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generated.output()).toMatch(/Authorization: Bearer/);
  });

  it('answers 401 without the token and 200 with it', async () => {
    const token = new URL(generated.url).searchParams.get('token')!;
    const without = await callApi(generated.port, 'listRuns', [{}]);
    expect(without.status).toBe(401);
    expect(without.body).not.toContain('runs');
    expect((await callApi(generated.port, 'listRuns', [{}], { authorization: 'Bearer not-the-token' })).status).toBe(401);
    const withToken = await callApi(generated.port, 'listRuns', [{}], { authorization: `Bearer ${token}` });
    expect(withToken.status).toBe(200);
    expect(JSON.parse(withToken.body)).toMatchObject({ runs: [], total: 0 });
  });

  it('uses the token given on the command line', async () => {
    expect(new URL(given.url).searchParams.get('token')).toBe('a-token-we-chose');
    expect((await callApi(given.port, 'presets', [])).status).toBe(401);
    expect((await callApi(given.port, 'presets', [], { authorization: 'Bearer a-token-we-chose' })).status).toBe(200);
  });

  it('guards the event stream too (token as header or ?token=, which EventSource needs)', async () => {
    expect((await http(given.port, '/api/events')).status).toBe(401);
    const viaQuery = subscribe(given.port, '/api/events?token=a-token-we-chose');
    expect(await viaQuery.opened).toBe(200);
    viaQuery.close();
  });

  it('serves the UI shell without the token (the page carries it in ?token=)', async () => {
    const res = await http(given.port, '/?token=a-token-we-chose');
    expect(res.status).toBe(200);
    expect(res.body).toContain('lab shell');
  });
});
