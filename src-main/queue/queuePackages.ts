import { createRequire } from 'node:module';
import type * as BullMQ from 'bullmq';
import type * as IORedis from 'ioredis';

/**
 * BullMQ and ioredis, loaded on first use. Imported eagerly, they cost every `lab` command,
 * `serve` and the app about 0.4 s at start (Node parses each of their CommonJS files for named
 * exports), though only runs on a queue and `lab worker` need them. `require` keeps their use
 * synchronous, as the constructors that open queues and connections are.
 */
const load = createRequire(import.meta.url);

export function bullmq(): typeof BullMQ {
  return load('bullmq') as typeof BullMQ;
}

export function ioredis(): typeof IORedis {
  return load('ioredis') as typeof IORedis;
}
