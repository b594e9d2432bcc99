import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { lab, longRunConfig, scratch, type LabChild } from './cliHarness';
import { startRedis, startWorker, stopWorker, type RedisProcess } from './redisServer';
import { assetKey } from '../../src-main/queue/queueKeys';

/**
 * Measured noise on a queue: the coordinator publishes the asset to Redis beside the jobs, the
 * `lab worker` fetches it once by hash for all its chunks, and the numbers equal a local run's.
 */
const tmp = scratch('lab-queue-noise-');
let redis: RedisProcess;
let client: Redis;
let worker: LabChild | undefined;

beforeAll(async () => {
  redis = await startRedis();
  client = new Redis(redis.url, { maxRetriesPerRequest: null });
});
afterAll(async () => {
  if (worker) await stopWorker(worker, 'SIGKILL');
  client?.disconnect();
  await redis?.stop();
  tmp.cleanup();
});

/** Symmetric Lomax(3) at deterministic quantiles. */
function lomaxText(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const z = Math.pow(1 - (i + 0.5) / n, -1 / 3) - 1;
    lines.push(String(i % 2 === 0 ? z : -z));
  }
  return lines.join('\n');
}

describe('measured noise through the queue', () => {
  it('is published once, fetched once per worker, and gives the numbers of a local run', async () => {
    writeFileSync(tmp.path('noise.csv'), lomaxText(4000));
    const config = longRunConfig({
      name: 'queue measured noise',
      arms: [{ label: 'measured', noise: { family: 'empirical', file: 'noise.csv' }, clip: 0.5 }],
      paths: 2,
      iterations: 200_000,
      thin: 10_000,
    });
    const file = tmp.writeJson('measured.json', config);
    // Several chunks per path, so a worker that fetched per chunk would show it in its log.
    const env = { LAB_CHUNK_ITERATIONS: '50000' };
    const local = await lab(['run', '--config', file, '--db', tmp.path('local.db'), '--workers', '1', '--json'], env);
    expect(local.code, local.stderr).toBe(0);
    worker = startWorker(redis.url, 1);
    const queued = await lab(['run', '--config', file, '--db', tmp.path('queue.db'), '--redis', redis.url, '--json'], env);
    expect(queued.code, queued.stderr).toBe(0);
    expect(JSON.stringify(JSON.parse(queued.stdout).result)).toBe(JSON.stringify(JSON.parse(local.stdout).result));

    const asset = (JSON.parse(queued.stdout).config.arms[0].noise as { asset: string }).asset;
    const bytes = await client.getBuffer(assetKey(asset));
    expect(bytes?.byteLength).toBe(4000 * 8);
    await stopWorker(worker);
    const fetched = worker.stderr().match(/measured noise sha256:[0-9a-f]{64}: 4000 samples fetched/g) ?? [];
    expect(fetched).toHaveLength(1);
    expect(worker.stderr().match(/chunk a0\/.*iterations in/g)?.length).toBeGreaterThan(2);
    worker = undefined;
  });
});
