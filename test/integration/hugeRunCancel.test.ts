import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, startServe, subscribe, type ServeProcess } from './serverProcess';
import { longRunConfig } from './cliHarness';

/**
 * The largest long run the default memory budget accepts with thin 1 (19 million stored points,
 * about 900 of the 1,024 MB; 2e7 would pass the store's limit of 20 million numbers), through a
 * real `serve` process: cancelled while it runs, with the server answering meanwhile. The
 * cancel's own test has a 10 s timeout; it is a bound on a hang, not a measurement.
 */
const base = mkdtempSync(join(tmpdir(), 'lab-huge-cancel-'));
let serve: ServeProcess;
let events: ReturnType<typeof subscribe>;
let id = 0;
beforeAll(async () => {
  serve = await startServe(['--db', join(base, 'lab.db'), '--workers', '2', '--static', base]);
  events = subscribe(serve.port);
  await events.opened;
});
afterAll(async () => {
  events?.close();
  await serve?.stop();
  rmSync(base, { recursive: true, force: true });
});

const huge = longRunConfig({ name: 'huge', thin: 1, iterations: 19_000_000, paths: 1 });

describe('a legal-but-huge run through the HTTP door', () => {
  it('is accepted and gets under way', async () => {
    const started = await callApi(serve.port, 'startRun', [huge]);
    expect(started.status, started.body).toBe(200);
    id = (JSON.parse(started.body) as { id: number }).id;
    await events.waitFor((e) => e.event === 'runProgress' && (e.data as { id: number; done: number }).id === id && (e.data as { done: number }).done > 0);
  }, 120_000);

  it('is cancelled, and a listRuns issued during the cancel answers', async () => {
    const cancel = callApi(serve.port, 'cancelRun', [id]);
    const list = await callApi(serve.port, 'listRuns', []);
    expect(list.status).toBe(200);
    expect((JSON.parse(list.body) as { runs: { id: number }[] }).runs.map((r) => r.id)).toContain(id);
    const cancelled = await cancel;
    expect(cancelled.status, cancelled.body).toBe(200);
    expect(JSON.parse(cancelled.body)).toMatchObject({ id, status: 'cancelled' });
  }, 10_000);

  it('stays cancelled, and its partial result and the server remain readable', async () => {
    await events.waitFor((e) => e.event === 'runChanged' && (e.data as { id: number; status: string }).id === id && (e.data as { status: string }).status === 'cancelled');
    const listed = JSON.parse((await callApi(serve.port, 'listRuns', [{ status: 'cancelled' }])).body) as { runs: { id: number }[] };
    expect(listed.runs.map((r) => r.id)).toEqual([id]);
    const detail = await callApi(serve.port, 'getRunDetail', [id]);
    expect(JSON.parse(detail.body)).toMatchObject({ id, status: 'cancelled' });
    const whole = await callApi(serve.port, 'getRun', [id]);
    expect(whole.status).toBe(200);
    const record = JSON.parse(whole.body) as { status: string; result: { arms: { trajectories: number[][] }[] } | null };
    expect(record.status).toBe('cancelled');
    // What was committed before the cancel, never more than the run asked for.
    const stored = record.result?.arms[0].trajectories[0]?.length ?? 0;
    expect(stored).toBeLessThan(19_000_001);
    expect((await callApi(serve.port, 'appInfo', [])).status).toBe(200);
  }, 120_000);
});
