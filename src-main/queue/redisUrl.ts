import type { Redis, RedisOptions } from 'ioredis';
import { ioredis } from './queuePackages';

/**
 * A Redis URL as the user gives it (`redis://[user:password@]host[:port][/db]`, or `rediss://`
 * for TLS). The URL may carry a password, so only `redacted` is ever logged or stored.
 */
export interface RedisTarget {
  url: string;
  /** The same URL without its password (the user name is kept: it is not a secret). */
  redacted: string;
}

export function parseRedisUrl(text: string): RedisTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`"${redactRedisUrl(text)}" is not a URL; expected redis://[user:password@]host[:port][/db] or rediss://…`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new Error(`${url.protocol}// is not a Redis URL; expected redis:// or rediss:// (TLS)`);
  }
  if (url.hostname === '') throw new Error('the Redis URL names no host');
  const db = url.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) throw new Error(`the Redis URL's database "${db}" is not a number`);
  return { url: text, redacted: redactRedisUrl(text) };
}

/** The URL with any password replaced by `***`; text that is not a URL loses everything before `@`. */
export function redactRedisUrl(text: string): string {
  try {
    const url = new URL(text);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return text.replace(/^.*@/, '***@');
  }
}

/**
 * A client for the lab's own keys (worker registry, cancel marks). It retries for ever: a Redis
 * restart is waited out, and callers decide how long that may take.
 */
export function openRedis(target: RedisTarget, options: RedisOptions = {}): Redis {
  const client = new (ioredis().Redis)(target.url, { maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(times * 200, 2000), ...options });
  // Connection errors are retried by ioredis and read from `status` by the callers; an 'error'
  // without a listener would end the process.
  client.on('error', () => {});
  return client;
}

/** BullMQ's connection options for the same URL (it makes its own clients, blocking ones included). */
export function bullConnection(target: RedisTarget): { url: string; maxRetriesPerRequest: null; retryStrategy: (times: number) => number } {
  return { url: target.url, maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(times * 200, 2000) };
}

/**
 * Resolves once Redis answers, or rejects with why not (e.g. WRONGPASS, connection refused), so
 * a wrong URL or password is a clear error at start rather than a silent wait.
 */
export async function reachRedis(client: Redis, target: RedisTarget, timeoutMs = 5000): Promise<void> {
  let lastError = '';
  const onError = (error: Error) => (lastError = error.message);
  client.on('error', onError);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      client.ping(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(lastError || `no answer within ${timeoutMs / 1000} s`)), timeoutMs))),
    ]);
  } catch (error) {
    throw new Error(`Redis at ${target.redacted}: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
    client.off('error', onError);
  }
}
