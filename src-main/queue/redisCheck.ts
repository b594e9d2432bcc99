import type { RedisCheck } from '../../src-shared/settings';
import { openRedis, parseRedisUrl, reachRedis } from './redisUrl';
import { readWorkers } from './workerRegistry';

/**
 * The Settings view's "test connection": connect once (no retries), PING, read the worker
 * registry, disconnect. A failure is an answer, not an error: the view shows why.
 */
export async function checkRedis(url: string, timeoutMs = 5000): Promise<RedisCheck> {
  const target = parseRedisUrl(url);
  const client = openRedis(target, { retryStrategy: () => null, maxRetriesPerRequest: 0, connectTimeout: timeoutMs });
  // Without retries the connection closes after its first error, and the ping then fails with
  // "Connection is closed": the first error is the reason worth showing.
  let reason: string | null = null;
  client.once('error', (error: Error) => (reason = error.message));
  try {
    await reachRedis(client, target, timeoutMs).catch((error: Error) => {
      throw reason ? new Error(`Redis at ${target.redacted}: ${reason}`) : error;
    });
    const workers = await readWorkers(client);
    const who =
      workers.count === 0
        ? 'no lab worker is connected yet: runs will wait until one is'
        : `${workers.count} worker${workers.count === 1 ? '' : 's'} connected (${workers.threads} thread${workers.threads === 1 ? '' : 's'})`;
    return { ok: true, message: `Redis at ${target.redacted} answered; ${who}.`, workers };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  } finally {
    client.disconnect();
  }
}
