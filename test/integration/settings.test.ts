import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LabError } from '../../src-shared/api';
import { LabService } from '../../src-main/lab';
import { QueueChunkRunner } from '../../src-main/queue/queueChunkRunner';
import { appSettingsStore, readAppSettings } from '../../src-main/electron/appSettings';
import { longRunConfig, query, scratch } from './cliHarness';
import { startRedis, startWorker, stopWorker, type RedisProcess } from './redisServer';

/**
 * The Settings view's methods on a real service, a real SQLite file and a private redis-server:
 * the budget decides whether a run is accepted, the executor moves between this machine and a
 * queue only while nothing runs here, and each door keeps fixed what it must.
 */
const tmp = scratch('lab-settings-');
const workerUrl = pathToFileURL(resolve(__dirname, '../../out/node/worker.js'));
let redis: RedisProcess;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
  tmp.cleanup();
});

// 2 paths × 200,001 stored points ≈ 19 MB at the budget's 48 bytes a number.
const mid = longRunConfig({ name: 'settings mid', thin: 1, iterations: 200_000 });
const small = longRunConfig({ name: 'settings small' });

async function refusal(promise: Promise<unknown>): Promise<LabError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LabError);
  return error as LabError;
}

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('settings of a process started from its command line (serve, CLI)', () => {
  it('the budget changes for the life of the process and decides whether a run is accepted; the executor is fixed', async () => {
    const dbPath = tmp.path('process.db');
    const service = new LabService({ dbPath, workers: 1, workerUrl, memoryBudgetMB: 64 });
    try {
      const view = await service.getSettings();
      expect(view).toMatchObject({ redisUrl: null, memoryBudgetMB: 64, editable: { redisUrl: false, memoryBudgetMB: true }, defaultMemoryBudgetMB: 1024, activeRuns: 0 });

      expect((await service.setSettings({ memoryBudgetMB: 10 })).memoryBudgetMB).toBe(10);
      const refused = await refusal(service.startRun(mid));
      expect(refused.code).toBe('invalid');
      expect(refused.issues?.[0]?.path).toBe('thin');
      expect(refused.message).toMatch(/memory budget of 10 MB/);
      expect(query<number>(dbPath, 'SELECT count(*) FROM runs')).toBe(0);

      await service.setSettings({ memoryBudgetMB: 64 });
      const run = await service.startRun(mid);
      expect((await service.whenSettled(run.id)).status).toBe('completed');

      const forbidden = await refusal(service.setSettings({ redisUrl: redis.url }));
      expect(forbidden.code).toBe('forbidden');
      // …nor may a browser make the server probe another host.
      expect((await refusal(service.testRedis(redis.url))).code).toBe('forbidden');
      expect(await service.testRedis()).toEqual({ ok: true, message: expect.stringMatching(/this machine/) });
    } finally {
      await service.close();
    }
  });

  it('invalid settings are refused with the JSON path of the field', async () => {
    const service = new LabService({ dbPath: tmp.path('invalid.db'), workers: 1 });
    try {
      for (const [input, path] of [
        [{ memoryBudgetMB: -1 }, 'settings.memoryBudgetMB'],
        [{ memoryBudgetMB: 'lots' }, 'settings.memoryBudgetMB'],
        [{ memoryBudgetMB: 1e12 }, 'settings.memoryBudgetMB'],
        [{ redisUrl: 'http://u:pw@host' }, 'settings.redisUrl'],
        [{ colour: 'red' }, 'settings'],
        [[], 'settings'],
      ] as const) {
        const e = await refusal(service.setSettings(input));
        expect(e.code, JSON.stringify(input)).toBe('invalid');
        expect(e.issues?.[0]?.path, JSON.stringify(input)).toBe(path);
        expect(e.message).not.toContain(':pw@');
      }
      expect((await service.getSettings()).memoryBudgetMB).toBe(1024);
    } finally {
      await service.close();
    }
  });

  it("serve's queue shows without its password", async () => {
    const url = `redis://:pw-of-serve@127.0.0.1:${redis.port}`;
    const queue = new QueueChunkRunner({ url });
    const service = new LabService({ dbPath: tmp.path('serve-queue.db'), runner: queue, runnerName: `queue ${queue.target.redacted}` });
    try {
      expect((await service.getSettings()).redisUrl).toBe(`redis://:***@127.0.0.1:${redis.port}`);
    } finally {
      await service.close();
    }
  });
});

describe("the app's settings file", () => {
  it('keeps other keys, moves runs onto a queue and back, and refuses to move while a run executes here', async () => {
    const file = tmp.path('settings.json');
    writeFileSync(file, JSON.stringify({ theme: 'dark' }));
    const read = readAppSettings(file, 1024);
    expect(read).toEqual({ settings: { redisUrl: null, memoryBudgetMB: 1024 }, problem: null });
    const dbPath = tmp.path('app.db');
    const service = new LabService({ dbPath, workers: 1, workerUrl, settings: appSettingsStore(file, read.settings) });
    try {
      expect((await service.getSettings()).editable).toEqual({ redisUrl: true, memoryBudgetMB: true });
      await service.setSettings({ redisUrl: redis.url, memoryBudgetMB: 64 });
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ theme: 'dark', redisUrl: redis.url, memoryBudgetMB: 64 });
      expect(readAppSettings(file, 1024).settings).toEqual({ redisUrl: redis.url, memoryBudgetMB: 64 });

      // With no worker the run waits on the queue; the executor cannot change under it.
      const waiting = await service.startRun(small);
      expect(query<string>(dbPath, `SELECT executor FROM runs WHERE id = ${waiting.id}`)).toBe(`queue ${redis.url}`);
      expect((await service.getSettings()).activeRuns).toBe(1);
      const busy = await refusal(service.setSettings({ redisUrl: null }));
      expect(busy.code).toBe('conflict');
      // The budget may change meanwhile: it applies to runs started from now on.
      expect((await service.setSettings({ memoryBudgetMB: 128 })).memoryBudgetMB).toBe(128);
      const w = startWorker(redis.url, 1);
      try {
        expect((await service.whenSettled(waiting.id)).status).toBe('completed');
      } finally {
        await stopWorker(w);
      }

      await service.setSettings({ redisUrl: '' });
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ theme: 'dark', memoryBudgetMB: 128 });
      const here = await service.startRun(small);
      expect((await service.whenSettled(here.id)).status).toBe('completed');
      expect(query<string>(dbPath, `SELECT executor FROM runs WHERE id = ${here.id}`)).toBe('local');
    } finally {
      await service.close();
    }
  });

  it('a broken value is a problem to report, not a silent default', () => {
    const file = tmp.path('broken.json');
    writeFileSync(file, JSON.stringify({ memoryBudgetMB: 'lots' }));
    expect(readAppSettings(file, 1024).problem).toMatch(/memoryBudgetMB/);
  });
});

describe('testing a connection', () => {
  it('says who serves the queue, or why Redis cannot be reached', async () => {
    const service = new LabService({ dbPath: tmp.path('test.db'), workers: 1, workerUrl, settings: appSettingsStore(tmp.path('t.json'), { redisUrl: null, memoryBudgetMB: 1024 }) });
    try {
      const none = await service.testRedis(redis.url);
      expect(none).toMatchObject({ ok: true, workers: { count: 0, threads: 0 } });
      expect(none.message).toMatch(/no lab worker is connected/);
      const w = startWorker(redis.url, 2);
      try {
        await expect.poll(async () => (await service.testRedis(redis.url)).workers?.threads, { timeout: 15_000 }).toBe(2);
      } finally {
        await stopWorker(w);
      }
      const down = await service.testRedis(`redis://:secretpw@127.0.0.1:${await closedPort()}`);
      expect(down.ok).toBe(false);
      expect(down.message).toMatch(/ECONNREFUSED|refused|no answer/i);
      expect(down.message).not.toContain('secretpw');
      expect((await refusal(service.testRedis('http://host'))).code).toBe('invalid');
    } finally {
      await service.close();
    }
  });
});
