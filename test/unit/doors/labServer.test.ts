import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabError, labMethodArity, labMethods } from '../../../src-shared/api';
import { deriveLabApi } from '../../../src-shared/ipc';
import { createLabServer } from '../../../src-main/server/labServer';
import type { LabServer } from '../../../src-main/server/labServer';
import { http, subscribe } from '../../integration/serverProcess';
import { eventSource } from './fakeEventSource';

/**
 * The HTTP dispatch in-process against a stand-in service (the real service and process are
 * covered by test/integration/server*.test.ts): routes, status mapping, token, CSRF guards.
 */
const base = mkdtempSync(join(tmpdir(), 'lab-http-'));
const staticDir = join(base, 'renderer');
mkdirSync(staticDir);
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>lab shell</title>');
writeFileSync(join(base, 'secret.txt'), 'SECRET');

const events = eventSource();
const service = Object.assign(
  deriveLabApi((method) => async (...args: unknown[]) => {
    if (method === 'startRun') throw new LabError({ code: 'invalid', message: 'eta must be > 0', issues: [{ path: 'eta', message: 'must be > 0' }] });
    if (method === 'deleteRun') return undefined;
    if (method === 'cancelRun') throw new RangeError('boom');
    return { method, args };
  }),
  events.source,
);

function send(server: LabServer, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return http((server.server.address() as AddressInfo).port, path, init);
}
const post = (server: LabServer, method: string, body: string, headers: Record<string, string> = {}) =>
  send(server, `/api/${method}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

let open: LabServer;
let guarded: LabServer;
const listen = (s: LabServer) => new Promise<void>((r) => s.server.listen(0, '127.0.0.1', () => r()));
beforeAll(async () => {
  open = createLabServer({ service, staticDir, token: null, log: () => {} });
  guarded = createLabServer({ service, staticDir, token: 'the-right-token', log: () => {} });
  await Promise.all([listen(open), listen(guarded)]);
});
afterAll(async () => {
  await Promise.all([open.close(), guarded.close()]);
  rmSync(base, { recursive: true, force: true });
});

describe('POST /api/<method>', () => {
  it('dispatches every LabApi method with its JSON array of arguments', async () => {
    for (const method of labMethods.filter((m) => !['startRun', 'deleteRun', 'cancelRun'].includes(m))) {
      const args = [7, { q: method }, 3].slice(0, labMethodArity[method][1]);
      const res = await post(open, method, JSON.stringify(args));
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ method, args });
    }
    expect((await post(open, 'deleteRun', '[1]')).status).toBe(204);
  });

  it('maps a LabError to its status with code, message and field path', async () => {
    const res = await post(open, 'startRun', '[{}]');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ error: { code: 'invalid', message: 'eta must be > 0', issues: [{ path: 'eta', message: 'must be > 0' }] } });
  });

  it('maps any other failure to 500 with its message', async () => {
    const res = await post(open, 'cancelRun', '[1]');
    expect(res.status).toBe(500);
    expect(JSON.parse(res.body).error).toEqual({ code: 'internal', message: 'boom' });
  });

  it('refuses a wrong argument count with 400 instead of ignoring the extra ones', async () => {
    for (const [method, body] of [['getRun', '[1,2,3]'], ['getRun', '[]'], ['presets', '[1]'], ['updateRun', '[1]'], ['listRuns', '[{}, 2]']]) {
      const res = await post(open, method, body);
      expect(res.status, `${method} ${body}`).toBe(400);
      expect(JSON.parse(res.body).error).toMatchObject({ code: 'invalid', message: expect.stringMatching(new RegExp(`^${method} takes .* got`)) });
    }
  });

  it('answers 404 for an unknown method, including prototype names', async () => {
    for (const name of ['nope', 'constructor', '__proto__', 'toString', 'on', 'close']) {
      const res = await post(open, name, '[]');
      expect(res.status, name).toBe(404);
      expect(JSON.parse(res.body).error.code).toBe('not-found');
    }
  });

  it('answers 400 when the body is not a JSON array', async () => {
    for (const body of ['{"a":1}', '"x"', 'not json', '3']) expect((await post(open, 'listRuns', body)).status, body).toBe(400);
  });

  it('refuses non-JSON content types and cross-site or rebinding callers on loopback', async () => {
    expect((await send(open, '/api/listRuns', { method: 'POST', body: '[]', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    const crossSite = await post(open, 'listRuns', '[]', { origin: 'http://evil.example' });
    expect(crossSite.status).toBe(403);
    expect(JSON.parse(crossSite.body).error.code).toBe('forbidden');
    expect((await post(open, 'listRuns', '[]', { origin: 'not a url' })).status).toBe(403);
    expect((await send(open, '/api/listRuns', { method: 'POST', body: '[]', headers: { host: 'evil.example:80', 'content-type': 'application/json' } })).status).toBe(403);
    expect((await send(open, '/api/listRuns')).status).toBe(405);
  });
});

describe('heavy reads at the HTTP door', () => {
  it('sends the bytes a service with encoded reads returns, as they are, and maps their errors', async () => {
    const asked: unknown[][] = [];
    const heavy = Object.assign({}, service, {
      getRunEncoded: async (id: unknown, encoding: unknown) => {
        asked.push(['getRun', id, encoding]);
        if (id === 9) throw new LabError({ code: 'not-found', message: 'No run with id 9.' });
        return new TextEncoder().encode('{"id":1,  "pre-serialised":true}');
      },
      exportRunEncoded: async (id: unknown, format: unknown, encoding: unknown) => (asked.push(['exportRun', id, format, encoding]), new TextEncoder().encode('{"filename":"x"}')),
    });
    const server = createLabServer({ service: heavy, staticDir, token: null, log: () => {} });
    await listen(server);
    try {
      const res = await post(server, 'getRun', '[1]');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.body).toBe('{"id":1,  "pre-serialised":true}');
      expect((await post(server, 'exportRun', '[1,"csv"]')).body).toBe('{"filename":"x"}');
      const missing = await post(server, 'getRun', '[9]');
      expect(missing.status).toBe(404);
      expect(JSON.parse(missing.body).error).toEqual({ code: 'not-found', message: 'No run with id 9.' });
      expect((await post(server, 'getRun', '[1,2]')).status).toBe(400);
      expect(asked).toEqual([
        ['getRun', 1, 'json'],
        ['exportRun', 1, 'csv', 'json'],
        ['getRun', 9, 'json'],
      ]);
    } finally {
      await server.close();
    }
  });
});

describe('GET /api/events', () => {
  it('streams every lab event the service emits as a server-sent event', async () => {
    const stream = subscribe((open.server.address() as AddressInfo).port);
    expect(await stream.opened).toBe(200);
    events.emit('runChanged', { id: 5, status: 'running' });
    events.emit('runProgress', { id: 5, done: 1, total: 2, estimated: false, iterationsPerSecond: 1, etaSeconds: 1 });
    expect((await stream.waitFor((e) => e.event === 'runProgress', 5000)).data).toMatchObject({ id: 5, done: 1 });
    stream.close();
    expect(stream.events.map((e) => e.event)).toEqual(['runChanged', 'runProgress']);
    expect(stream.events[0].data).toEqual({ id: 5, status: 'running' });
  });
});

describe('the bearer token', () => {
  it('is required on every /api request when set', async () => {
    const res = await post(guarded, 'listRuns', '[]');
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).error.code).toBe('unauthorized');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect((await post(guarded, 'nope', '[]')).status).toBe(401); // no method list for strangers
    expect((await post(guarded, 'listRuns', '[]', { authorization: 'Bearer wrong-token' })).status).toBe(401);
    expect((await post(guarded, 'listRuns', '[]', { authorization: 'Bearer the-right-token' })).status).toBe(200);
    expect((await send(guarded, '/api/events')).status).toBe(401);
  });

  it('is accepted as ?token= on the event stream only (EventSource cannot send headers)', async () => {
    expect((await send(guarded, '/api/listRuns?token=the-right-token', { method: 'POST', body: '[]', headers: { 'content-type': 'application/json' } })).status).toBe(401);
    const stream = subscribe((guarded.server.address() as AddressInfo).port, '/api/events?token=the-right-token');
    expect(await stream.opened).toBe(200);
    stream.close();
  });

  it('is not needed for the static UI (it carries the token in its URL)', async () => {
    const res = await send(guarded, '/?token=the-right-token');
    expect(res.status).toBe(200);
    expect(res.body).toContain('lab shell');
  });
});

describe('static files', () => {
  it('serves the shell with its CSP, and client routes fall back to it', async () => {
    const res = await send(open, '/runs/4');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/a/../../secret.txt'])('never leaves the folder for %s', async (path) => {
    const res = await send(open, path);
    expect(res.body).not.toContain('SECRET');
    expect(res.status).toBe(400);
  });
});
