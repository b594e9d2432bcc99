import type { Job, Queue, QueueEvents } from 'bullmq';
import { bullmq } from './queuePackages';
import type { Redis } from 'ioredis';
import type { QueueWorkers } from '../../src-shared/api';
import type { ChunkRunner, ChunkRunOptions, RunnerStatus } from '../engine/chunkRunner';
import { decodeChunkResult, encodeTask } from '../engine/taskCodec';
import type { KernelChunkResult, KernelTask } from '../engine/tasks';
import { CANCELLED_REASON, type ChunkJobData } from './jobData';
import { ASSET_TTL_SECONDS, QUEUE_NAME, assetKey, cancelKey, chunkJobId } from './queueKeys';
import { bullConnection, openRedis, parseRedisUrl, reachRedis, type RedisTarget } from './redisUrl';
import { readWorkers } from './workerRegistry';

export interface QueueChunkRunnerOptions {
  /** redis:// or rediss:// URL, possibly with a password. */
  url: string;
  /** A run fails once Redis has been unreachable this long (default 10 minutes). */
  unreachableTimeoutMs?: number;
}

/** How often the worker registry is read and every job we wait for is looked up (events can be missed). */
const WATCH_MS = 1000;
/**
 * Jobs kept in the queue per connected worker thread: one running and one waiting, so a worker
 * that finishes a chunk gets its next one in the same Redis call that reports the result
 * (BullMQ's moveToFinished fetches the next job) instead of idling while the result travels
 * here, is committed and the next job is added.
 */
export const JOBS_PER_THREAD = 2;
const DEFAULT_UNREACHABLE_TIMEOUT_MS = 10 * 60_000;
/** A cancel mark outlives any progress tick of the worker that should see it. */
const CANCEL_MARK_MS = 120_000;
const CLOSE_GRACE_MS = 2000;

interface Waiting {
  id: string;
  data: ChunkJobData;
  /** The measured noise the task names, published before its job is added. */
  asset?: { name: string; samples: Float64Array };
  onProgress?: (iterationsDone: number) => void;
  resolve(result: KernelChunkResult | null): void;
  reject(error: unknown): void;
  detach(): void;
}

/**
 * Chunks on `lab worker` processes anywhere, through a BullMQ queue on Redis. This process stays
 * the run's coordinator: it adds a job per chunk, waits for the worker's result and hands it back
 * to the scheduler, which commits it to SQLite as with local threads.
 *
 * Fairness: open-source BullMQ serves jobs first in, first out, so a coordinator keeps no more of
 * its jobs in the queue than JOBS_PER_THREAD per connected worker thread (`capacity`); two
 * coordinators sharing the workers then interleave their jobs. With no worker connected capacity
 * stays 1: one job waits in the queue and the run says it is waiting, and when workers join, the
 * scheduler fills the larger window as soon as that job comes back.
 *
 * Round trips: a finished job's result comes with its `completed` event (BullMQ puts the return
 * value there), so the common path costs one add and one event per chunk; the state of a job is
 * looked up only when an event says the job already existed or failed, or when the periodic watch
 * finds a job whose events were missed.
 */
export class QueueChunkRunner implements ChunkRunner {
  readonly target: RedisTarget;
  private readonly queue: Queue<ChunkJobData, string>;
  private readonly events: QueueEvents;
  private readonly redis: Redis;
  private readonly waiting = new Map<string, Waiting>();
  private workers: QueueWorkers = { count: 0, threads: 0, iterationsPerSecond: 0 };
  private unreachableSince: number | null = null;
  /** Assets this runner has published (refreshed once per runner, not once per job). */
  private readonly published = new Set<string>();
  private readonly unreachableTimeoutMs: number;
  private readonly timer: ReturnType<typeof setInterval>;
  private closed = false;

  constructor(options: QueueChunkRunnerOptions) {
    this.target = parseRedisUrl(options.url);
    this.unreachableTimeoutMs = options.unreachableTimeoutMs ?? DEFAULT_UNREACHABLE_TIMEOUT_MS;
    const connection = bullConnection(this.target);
    const { Queue, QueueEvents } = bullmq();
    this.queue = new Queue(QUEUE_NAME, { connection });
    this.events = new QueueEvents(QUEUE_NAME, { connection });
    this.redis = openRedis(this.target);
    // ioredis reconnects by itself; its errors are read through the connection's status.
    this.queue.on('error', () => {});
    this.events.on('error', () => {});
    this.events.on('completed', ({ jobId, returnvalue }) => this.completed(jobId, returnvalue));
    this.events.on('failed', ({ jobId }) => void this.lookUp(jobId));
    // An add whose id already existed did nothing; that job's stored outcome is the answer.
    this.events.on('duplicated', ({ jobId }) => void this.lookUp(jobId));
    this.events.on('progress', ({ jobId, data }) => {
      if (typeof data === 'number') this.waiting.get(jobId)?.onProgress?.(data);
    });
    this.timer = setInterval(() => void this.watch(), WATCH_MS);
    this.timer.unref();
  }

  get capacity(): number {
    return Math.max(1, JOBS_PER_THREAD * this.workers.threads);
  }

  status(): RunnerStatus {
    const waiting = this.unreachableSince !== null ? 'redis-unreachable' : this.workers.count === 0 ? 'no-workers' : null;
    return { workers: { ...this.workers }, waiting };
  }

  /** Resolves once the queue's Redis answered (or rejects with why not), for a clear start-up error. */
  async ready(timeoutMs = 5000): Promise<void> {
    await reachRedis(this.redis, this.target, timeoutMs);
    await this.watch();
  }

  run(task: KernelTask, { signal, onProgress, chunk, assets }: ChunkRunOptions): Promise<KernelChunkResult | null> {
    if (signal.aborted) return Promise.resolve(null);
    if (this.closed) return Promise.reject(new Error('the queue runner is closed'));
    // Job ids name the work; without the run and chunk they could name two different works.
    if (!chunk) return Promise.reject(new Error('a chunk for the queue needs its run and key'));
    const { run, key } = chunk;
    const id = chunkJobId(run, key, task);
    const noise = task.params.noise;
    const samples = noise.family === 'empirical' ? assets?.get(noise.asset) : undefined;
    if (noise.family === 'empirical' && !samples) return Promise.reject(new Error(`the measured noise ${noise.asset} was not handed to the runner`));
    return new Promise((resolve, reject) => {
      const abandon = () => this.abandon(id);
      const entry: Waiting = {
        id,
        data: { task: encodeTask(task), run, key },
        ...(noise.family === 'empirical' && samples ? { asset: { name: noise.asset, samples } } : {}),
        onProgress,
        resolve,
        reject,
        detach: () => signal.removeEventListener('abort', abandon),
      };
      this.waiting.set(id, entry);
      signal.addEventListener('abort', abandon, { once: true });
      void this.enqueue(entry);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    for (const id of [...this.waiting.keys()]) this.abandon(id);
    // A graceful close waits for Redis; one that is unreachable (or refuses our password) must
    // not hold the process, so after a moment the connections are simply dropped.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.allSettled([this.queue.close(), this.events.close()]),
      new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS))),
    ]);
    clearTimeout(timer);
    // Not awaited: BullMQ's disconnect waits for a connection that may never come.
    void this.queue.disconnect().catch(() => {});
    void this.events.disconnect().catch(() => {});
    this.redis.disconnect();
  }

  /**
   * Add the chunk's job. If a job with this id already existed (a resumed run whose chunk was
   * computed while its coordinator was gone), the add is a no-op that BullMQ reports as a
   * `duplicated` event, and the stored outcome is looked up then (or by the watch).
   */
  private async enqueue(entry: Waiting): Promise<void> {
    try {
      // A cancel mark left from an earlier cancel of the same work must not stop it now.
      await this.redis.del(cancelKey(entry.id));
      if (entry.asset) await this.publish(entry.asset.name, entry.asset.samples);
      await this.queue.add('chunk', entry.data, {
        jobId: entry.id,
        // A kernel error is deterministic: retrying it would fail the same way.
        attempts: 1,
        removeOnComplete: { age: 3600 },
        removeOnFail: { age: 24 * 3600 },
      });
    } catch (error) {
      if (this.closed) return;
      // Redis went away between attempts; the watch re-adds it when Redis is back.
      void error;
    }
  }

  /** A job finished: its result came with the event. */
  private completed(id: string, returnvalue: unknown): void {
    const entry = this.waiting.get(id);
    if (!entry) return;
    if (typeof returnvalue !== 'string') {
      void this.lookUp(id);
      return;
    }
    this.settle(entry, () => entry.resolve(decodeChunkResult(returnvalue)));
  }

  /** Put an asset beside the jobs (the samples' bytes, keyed by their hash), once per runner. */
  private async publish(name: string, samples: Float64Array): Promise<void> {
    if (this.published.has(name)) return;
    const bytes = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
    // NX: another coordinator may have published it already; the content is the same by its name.
    const set = await this.redis.set(assetKey(name), bytes, 'EX', ASSET_TTL_SECONDS, 'NX');
    if (set === null) await this.redis.expire(assetKey(name), ASSET_TTL_SECONDS);
    this.published.add(name);
  }

  /** Deliver a finished job's outcome to whoever waits for it. */
  private async lookUp(id: string): Promise<void> {
    if (!this.waiting.has(id)) return;
    let job: Job<ChunkJobData, string> | undefined;
    let state: string;
    try {
      // State first: a job read before it completes has no return value yet.
      state = await this.queue.getJobState(id);
      job = state === 'completed' || state === 'failed' ? await this.queue.getJob(id) : undefined;
      if (state === 'unknown') state = 'missing';
    } catch {
      return; // Redis unreachable: the watch asks again.
    }
    const entry = this.waiting.get(id);
    if (!entry) return;
    if (state === 'completed' && job) {
      this.settle(entry, () => entry.resolve(decodeChunkResult(job.returnvalue)));
    } else if (state === 'failed' && job) {
      if (job.failedReason === CANCELLED_REASON) {
        // Cancelled for an earlier invocation of this run; the same work is wanted again now.
        await job.remove().catch(() => {});
        await this.enqueue(entry);
      } else {
        this.settle(entry, () => entry.reject(new Error(`chunk ${entry.data.key} failed on a worker: ${job.failedReason}`)));
      }
    } else if (state === 'missing') {
      // Gone from Redis (restarted without persistence, or evicted): add the same work again.
      await this.enqueue(entry);
    }
  }

  private settle(entry: Waiting, deliver: () => void): void {
    this.waiting.delete(entry.id);
    entry.detach();
    try {
      deliver();
    } catch (error) {
      entry.reject(error);
    }
  }

  /**
   * The run no longer wants this chunk: answer null at once, take the job out of the queue if
   * no worker holds it, and mark it cancelled so a worker running it stops at its next tick.
   */
  private abandon(id: string): void {
    const entry = this.waiting.get(id);
    if (!entry) return;
    this.settle(entry, () => entry.resolve(null));
    void this.redis.set(cancelKey(id), '1', 'PX', CANCEL_MARK_MS).catch(() => {});
    void this.queue.remove(id).catch(() => {});
  }

  private async watch(): Promise<void> {
    if (this.closed) return;
    if (this.redis.status !== 'ready') {
      this.unreachableSince ??= Date.now();
      if (Date.now() - this.unreachableSince > this.unreachableTimeoutMs) this.giveUp();
      return;
    }
    try {
      this.workers = await readWorkers(this.redis);
      this.unreachableSince = null;
    } catch {
      this.unreachableSince ??= Date.now();
      return;
    }
    for (const id of [...this.waiting.keys()]) await this.lookUp(id);
  }

  private giveUp(): void {
    const seconds = Math.round(this.unreachableTimeoutMs / 1000);
    for (const entry of [...this.waiting.values()]) {
      this.settle(entry, () => entry.reject(new Error(`Redis at ${this.target.redacted} has been unreachable for ${seconds} s; committed chunks are kept, resume the run when Redis is back`)));
    }
  }
}
