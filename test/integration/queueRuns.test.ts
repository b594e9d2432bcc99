import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { exitTimeConfig, heavy, lab, longRunConfig, query, scratch, startLab, waitFor, type LabChild } from './cliHarness';
import { startRedis, startWorker, stopWorker, type RedisProcess } from './redisServer';
import { LOCK_MS, MAX_STALLED, STALLED_CHECK_MS } from '../../src-main/queue/queueWorker';
import { QUEUE_NAME } from '../../src-main/queue/queueKeys';

/**
 * Runs whose chunks go through a BullMQ queue on a private redis-server to real `lab worker`
 * processes. Every comparison is with the same config run on one local thread: the queue, the
 * number of workers and who ran which chunk must not change a single number.
 */
const tmp = scratch('lab-queue-');
let redis: RedisProcess;
let client: Redis;
const workers: LabChild[] = [];

beforeAll(async () => {
  redis = await startRedis();
  client = new Redis(redis.url, { maxRetriesPerRequest: null });
});
afterAll(async () => {
  await Promise.all(workers.map((w) => stopWorker(w, 'SIGKILL')));
  client?.disconnect();
  await redis?.stop();
  tmp.cleanup();
});

function worker(threads = 1): LabChild {
  const w = startWorker(redis.url, threads);
  workers.push(w);
  return w;
}

const results = new Map<string, string>();
/** The same config on one local thread: the reference every queue run must equal. */
async function localResult(name: string, config: Record<string, unknown>, env: Record<string, string>): Promise<string> {
  if (!results.has(name)) {
    const r = await lab(['run', '--config', tmp.writeJson(`${name}.json`, config), '--db', tmp.path(`${name}-local.db`), '--workers', '1', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    results.set(name, JSON.stringify(JSON.parse(r.stdout).result));
  }
  return results.get(name)!;
}

const chunksOf = (db: string) => query<number>(db, 'SELECT count(*) FROM chunks') ?? 0;
const bullCount = (list: 'wait' | 'active') => client.llen(`bull:${QUEUE_NAME}:${list}`);

const exitTime = exitTimeConfig({ name: 'queue exit-time', etas: [0.1, 0.05, 0.03], samples: 8 });
const EXIT_CHUNK = { LAB_CHUNK_ITERATIONS: '200000' };
// Long paths carry X(n) and the generator state from piece to piece: the demanding case.
const longRun = longRunConfig({ name: 'queue long-run', arms: [heavy(0.5), heavy(null)], paths: 2, iterations: 400_000, thin: 10_000 });
const LONG_CHUNK = { LAB_CHUNK_ITERATIONS: '50000' };

describe('runs through the queue', () => {
  it('exit-time and long-run give the numbers of a local run, spread over two worker processes', async () => {
    worker(1);
    worker(1);
    for (const [name, config, env] of [
      ['exit', exitTime, EXIT_CHUNK],
      ['long', longRun, LONG_CHUNK],
    ] as const) {
      const db = tmp.path(`${name}-queue.db`);
      const r = await lab(['run', '--config', tmp.writeJson(`${name}.json`, config), '--db', db, '--redis', redis.url, '--json'], env);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.stringify(JSON.parse(r.stdout).result)).toBe(await localResult(name, config, env));
      // The run records that it ran on the queue, by a URL without secrets.
      expect(query<string>(db, 'SELECT executor FROM runs')).toBe(`queue ${redis.url}`);
    }
    // Both workers took part (each logs the chunks it finishes).
    for (const w of workers) expect(w.stderr()).toMatch(/chunk a\d\/.*iterations in/);
    await Promise.all(workers.splice(0).map((w) => stopWorker(w)));
  });

  it('a worker SIGKILLed mid-chunk: its chunk goes to another worker and the run completes identical', async () => {
    // BullMQ's settings, stated: a killed worker's job is retried after its lock lapses, not failed.
    expect({ LOCK_MS, STALLED_CHECK_MS, MAX_STALLED }).toEqual({ LOCK_MS: 10_000, STALLED_CHECK_MS: 5_000, MAX_STALLED: 20 });
    const config = longRunConfig({ name: 'queue kill', arms: [heavy(0.5)], paths: 2, iterations: 6_000_000, thin: 100_000 });
    const env = { LAB_CHUNK_ITERATIONS: '1000000' };
    const victim = worker(1);
    const db = tmp.path('kill.db');
    const run = startLab(['run', '--config', tmp.writeJson('kill.json', config), '--db', db, '--redis', redis.url, '--json'], env);
    // Kill it while it holds a chunk it has not finished.
    await waitFor(() => chunksOf(db) >= 1 && /started\n[^\n]*$/.test(victim.stderr()), 'the victim inside a chunk', 60_000, 5);
    const inHand = /chunk (\S+): started\n[^\n]*$/.exec(victim.stderr())![1];
    await stopWorker(victim, 'SIGKILL');
    const rescuer = worker(1);
    const done = await run.exited;
    expect(done.code, done.stderr).toBe(0);
    expect(rescuer.stderr()).toContain(`chunk ${inHand}: 1000000 iterations`);
    expect(JSON.stringify(JSON.parse(done.stdout).result)).toBe(await localResult('kill', config, env));
    await stopWorker(rescuer);
  });

  it('with no worker the run waits and says so; a worker joining finishes it', async () => {
    const db = tmp.path('wait.db');
    const run = startLab(['run', '--config', tmp.writeJson('exit.json', exitTime), '--db', db, '--redis', redis.url, '--json'], EXIT_CHUNK);
    await waitFor(() => /waiting: no worker connected/.test(run.stderr()), 'the run to say it waits', 30_000);
    // It did not quietly run on this machine: nothing is committed while no worker is connected.
    expect(chunksOf(db)).toBe(0);
    expect(await bullCount('wait')).toBeGreaterThanOrEqual(1);
    worker(2);
    const done = await run.exited;
    expect(done.code, done.stderr).toBe(0);
    expect(JSON.stringify(JSON.parse(done.stdout).result)).toBe(await localResult('exit', exitTime, EXIT_CHUNK));
    await Promise.all(workers.splice(0).map((w) => stopWorker(w)));
  });

  it('cancel from another process removes queued jobs and stops the running one long before it would end', async () => {
    // Chunks of 2e9 iterations take half a minute or more: a worker that ignored the cancel
    // would still hold one when we look.
    const config = longRunConfig({ name: 'queue cancel', arms: [heavy(0.5), heavy(null)], paths: 2, iterations: 4_000_000_000, thin: 1_000_000 });
    const env = { LAB_CHUNK_ITERATIONS: '2000000000' };
    const file = tmp.writeJson('cancel.json', config);

    // No worker yet: the run's job waits in the queue, and cancelling takes it out.
    const queued = tmp.path('cancel-queued.db');
    const waiting = startLab(['run', '--config', file, '--db', queued, '--redis', redis.url], env);
    await waitFor(() => /waiting: no worker connected/.test(waiting.stderr()), 'the run to wait', 30_000);
    expect(await bullCount('wait')).toBe(1);
    expect(JSON.parse((await lab(['cancel', '1', '--db', queued, '--json'])).stdout).status).toBe('cancelled');
    await waiting.exited;
    expect(await bullCount('wait')).toBe(0);

    // A worker holding a chunk drops it.
    const w = worker(1);
    const db = tmp.path('cancel.db');
    const run = startLab(['run', '--config', file, '--db', db, '--redis', redis.url], env);
    await waitFor(() => /started/.test(w.stderr()), 'a chunk on the worker', 30_000);
    const cancelled = await lab(['cancel', '1', '--db', db, '--json']);
    expect(cancelled.code, cancelled.stderr).toBe(0);
    expect(JSON.parse(cancelled.stdout).status).toBe('cancelled');
    await run.exited;
    await waitFor(() => /cancelled by its coordinator/.test(w.stderr()), 'the worker to drop the chunk', 8_000);
    const deadline = Date.now() + 8_000;
    while ((await bullCount('active')) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await bullCount('active')).toBe(0);
    expect(await bullCount('wait')).toBe(0);
    await Promise.all(workers.splice(0).map((x) => stopWorker(x)));
  });

  it('coordinator SIGKILLed → resume needs --redis → resume with it finishes identical', async () => {
    const w = worker(2);
    const db = tmp.path('coordinator.db');
    const file = tmp.writeJson('long.json', longRun);
    const run = startLab(['run', '--config', file, '--db', db, '--redis', redis.url], LONG_CHUNK);
    await waitFor(() => chunksOf(db) >= 3, 'three committed chunks', 60_000, 5);
    run.child.kill('SIGKILL');
    await run.exited;
    const total = 2 * 2 * (400_000 / 50_000);
    expect(chunksOf(db)).toBeLessThan(total);

    const local = await lab(['resume', '1', '--db', db], LONG_CHUNK);
    expect(local.code).toBe(1);
    expect(local.stderr).toMatch(/ran on a queue .*--redis URL/);

    const resumed = await lab(['resume', '1', '--db', db, '--redis', redis.url, '--json'], LONG_CHUNK);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(chunksOf(db)).toBe(total);
    expect(JSON.stringify(JSON.parse(resumed.stdout).result)).toBe(await localResult('long', longRun, LONG_CHUNK));
    expect(w.stderr()).not.toMatch(/failed/);
    await Promise.all(workers.splice(0).map((x) => stopWorker(x)));
  });

  it('two runs from two coordinators share the workers: neither below a third of the other', async () => {
    worker(1);
    worker(1);
    const config = longRunConfig({ name: 'share', arms: [heavy(0.5)], paths: 4, iterations: 2_000_000, thin: 100_000 });
    const env = { LAB_CHUNK_ITERATIONS: '250000' };
    const dbs = [tmp.path('share-a.db'), tmp.path('share-b.db')];
    const runs = dbs.map((db, k) => startLab(['run', '--config', tmp.writeJson(`share-${k}.json`, { ...config, seed: k + 1 }), '--db', db, '--redis', redis.url], env));
    for (const r of runs) expect((await r.exited).code).toBe(0);
    // Chunks are equal work; count each run's commits while both were running.
    const times = dbs.map((db) => {
      const first = query<number>(db, 'SELECT min(created_at) FROM chunks')!;
      const last = query<number>(db, 'SELECT max(created_at) FROM chunks')!;
      return { db, first, last };
    });
    const from = Math.max(...times.map((t) => t.first));
    const to = Math.min(...times.map((t) => t.last));
    expect(to).toBeGreaterThan(from);
    const [a, b] = dbs.map((db) => query<number>(db, 'SELECT count(*) FROM chunks WHERE created_at BETWEEN ? AND ?', from, to)!);
    expect(Math.min(a, b)).toBeGreaterThanOrEqual(Math.max(a, b) / 3);
    await Promise.all(workers.splice(0).map((w) => stopWorker(w)));
  });
});

describe('a Redis with a password', () => {
  const secret = 'hunter2-queue-secret';
  let locked: RedisProcess;
  beforeAll(async () => {
    locked = await startRedis(secret);
  });
  afterAll(() => locked?.stop());

  it('works with the password in the URL, and the password appears in no log and not in the database', async () => {
    const w = startWorker(locked.url, 1);
    const db = tmp.path('secret.db');
    const r = await lab(['run', '--config', tmp.writeJson('exit.json', exitTime), '--db', db, '--redis', locked.url, '--json'], EXIT_CHUNK);
    await stopWorker(w);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.stringify(JSON.parse(r.stdout).result)).toBe(await localResult('exit', exitTime, EXIT_CHUNK));
    expect(query<string>(db, 'SELECT executor FROM runs')).toBe(`queue redis://:***@127.0.0.1:${locked.port}`);
    const everything = [r.stdout, r.stderr, (await w.exited).stderr, JSON.stringify(query(db, "SELECT group_concat(config || ifnull(progress, '') || ifnull(executor, '')) FROM runs"))].join('\n');
    expect(everything).not.toContain(secret);
    expect(w.stderr()).toContain(`redis://:***@127.0.0.1:${locked.port}`);
  });

  it('a wrong password is a clear error at start, with nothing stored', async () => {
    const db = tmp.path('wrong.db');
    const r = await lab(['run', '--config', tmp.writeJson('exit.json', exitTime), '--db', db, '--redis', `redis://:wrong-one@127.0.0.1:${locked.port}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/WRONGPASS|NOAUTH|invalid password/i);
    expect(r.stderr).not.toContain('wrong-one');
    expect(query<number>(db, 'SELECT count(*) FROM runs') ?? 0).toBe(0);
  });
});

describe('Redis going away', () => {
  it('the run says Redis is unreachable, then continues when it is back (empty) and ends identical', async () => {
    let server = await startRedis();
    const w = startWorker(server.url, 1);
    const db = tmp.path('restart.db');
    const run = startLab(['run', '--config', tmp.writeJson('long.json', longRun), '--db', db, '--redis', server.url, '--json'], LONG_CHUNK);
    try {
      await waitFor(() => chunksOf(db) >= 2, 'two committed chunks', 60_000, 5);
      await server.stop();
      await waitFor(() => /waiting: Redis unreachable/.test(run.stderr()), 'the run to say Redis is unreachable', 30_000);
      const committed = chunksOf(db);
      // Restarted without persistence: the queued jobs are gone and must be added again.
      server = await startRedis(undefined, server.port);
      const done = await run.exited;
      expect(done.code, done.stderr).toBe(0);
      expect(chunksOf(db)).toBeGreaterThan(committed);
      expect(JSON.stringify(JSON.parse(done.stdout).result)).toBe(await localResult('long', longRun, LONG_CHUNK));
    } finally {
      await stopWorker(w, 'SIGKILL');
      await server.stop();
    }
  });
});
