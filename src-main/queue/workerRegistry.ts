import type { Redis } from 'ioredis';
import type { QueueWorkers } from '../../src-shared/api';
import type { WorkerAnnouncement } from './jobData';
import { WORKER_KEY_PATTERN } from './queueKeys';

/**
 * The `lab worker` processes alive now: each refreshes a key that expires a few seconds after it
 * stops, so a killed worker drops out by itself. A plain SCAN, not CLIENT LIST, which managed
 * Redis services often forbid.
 */
export async function readWorkers(redis: Redis): Promise<QueueWorkers> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', WORKER_KEY_PATTERN, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  const seen: QueueWorkers = { count: 0, threads: 0, iterationsPerSecond: 0 };
  if (keys.length === 0) return seen;
  for (const text of await redis.mget(keys)) {
    if (text === null) continue;
    try {
      const w = JSON.parse(text) as WorkerAnnouncement;
      seen.count++;
      seen.threads += w.threads;
      seen.iterationsPerSecond += w.iterationsPerSecond;
    } catch {
      // Not one of ours (a hand-set key): ignore it.
    }
  }
  return seen;
}
