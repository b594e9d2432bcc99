import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Job, Worker } from 'bullmq';
import { bullmq } from './queuePackages';
import type { Redis } from 'ioredis';
import type { ChunkRunner } from '../engine/chunkRunner';
import { decodeTask, encodeChunkResult } from '../engine/taskCodec';
import { CANCELLED_REASON, type ChunkJobData, type WorkerAnnouncement } from './jobData';
import { QUEUE_NAME, assetKey, cancelKey, workerKey } from './queueKeys';
import type { KernelTask } from '../engine/tasks';
import { bullConnection, openRedis, parseRedisUrl, reachRedis, type RedisTarget } from './redisUrl';

/**
 * How a killed worker's job gets back to the queue: its lock expires LOCK_MS after the last
 * renewal (a live worker renews it every LOCK_MS / 2 from its main thread, which the kernels on
 * worker threads never block), and another worker's stall check, every STALLED_CHECK_MS, moves it
 * back to the waiting list. MAX_STALLED is how often that may happen to one job before BullMQ
 * fails it instead: high, because a chunk is pure and a retry is always safe.
 */
export const LOCK_MS = 10_000;
export const STALLED_CHECK_MS = 5_000;
export const MAX_STALLED = 20;

/** How often a running job's progress is sent and its cancel mark looked for. */
const TICK_MS = 500;
/** How often this worker refreshes its registry entry, and how long the entry outlives it. */
const ANNOUNCE_MS = 1000;
const ANNOUNCE_TTL_MS = 5000;
/** Speed is averaged over this window of recent work. */
const SPEED_WINDOW_MS = 10_000;

export interface QueueWorkerOptions {
  url: string;
  /** Runs the chunks (this machine's threads); its capacity is the worker's concurrency. */
  runner: ChunkRunner;
  log?: (line: string) => void;
}

/**
 * `lab worker`: takes chunk jobs from the queue and runs them on this machine's threads. It
 * announces itself (threads, recent iterations per second) so coordinators can size their window
 * and show who is connected, and it watches each running job's cancel mark from its progress
 * tick, since BullMQ cannot stop an active job from afar.
 */
export class QueueWorker {
  readonly target: RedisTarget;
  readonly id = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly worker: Worker<ChunkJobData, string>;
  private readonly redis: Redis;
  private readonly announcer: ReturnType<typeof setInterval>;
  /** (time, iterations) of recent progress, for the announced speed. */
  private readonly work: { at: number; iterations: number }[] = [];
  private readonly log: (line: string) => void;
  /** Measured noise fetched from Redis, by asset name: once per worker process, not once per job. */
  private readonly assets = new Map<string, Float64Array>();

  constructor(private readonly options: QueueWorkerOptions) {
    this.target = parseRedisUrl(options.url);
    this.log = options.log ?? (() => {});
    this.redis = openRedis(this.target);
    this.worker = new (bullmq().Worker)<ChunkJobData, string>(QUEUE_NAME, (job) => this.process(job), {
      connection: bullConnection(this.target),
      concurrency: options.runner.capacity,
      lockDuration: LOCK_MS,
      stalledInterval: STALLED_CHECK_MS,
      maxStalledCount: MAX_STALLED,
    });
    this.worker.on('error', () => {});
    this.announcer = setInterval(() => void this.announce(), ANNOUNCE_MS);
    void this.announce();
  }

  /** Resolves once Redis answers; rejects with why not (a wrong password, no server). */
  ready(): Promise<void> {
    return reachRedis(this.redis, this.target);
  }

  /** Stop taking jobs, finish the ones in hand, leave the registry. */
  async close(force = false): Promise<void> {
    clearInterval(this.announcer);
    await this.worker.close(force);
    await this.redis.del(workerKey(this.id)).catch(() => {});
    this.redis.disconnect();
    await this.options.runner.close();
  }

  private async process(job: Job<ChunkJobData, string>): Promise<string> {
    const task = decodeTask(job.data.task);
    await this.fetchAsset(task);
    this.log(`run ${job.data.run} chunk ${job.data.key}: started`);
    const abort = new AbortController();
    const started = Date.now();
    let reported = 0;
    let last = 0;
    const tick = setInterval(() => {
      void (async () => {
        if (await this.redis.exists(cancelKey(job.id ?? '')).catch(() => 0)) abort.abort();
        if (reported !== last) {
          last = reported;
          await job.updateProgress(reported).catch(() => {});
        }
      })();
    }, TICK_MS);
    let counted = 0;
    try {
      const result = await this.options.runner.run(task, {
        signal: abort.signal,
        assets: this.assets,
        onProgress: (done) => {
          this.record(done - counted);
          counted = done;
          reported = done;
        },
      });
      if (result === null) {
        this.log(`run ${job.data.run} chunk ${job.data.key}: cancelled by its coordinator`);
        throw new (bullmq().UnrecoverableError)(CANCELLED_REASON);
      }
      // A long-run chunk carrying a group of paths did the chunk's iterations on each of them.
      const paths = 1 + ('group' in result && result.group ? result.group.length : 0);
      this.record(paths * result.iterations - counted);
      const seconds = (Date.now() - started) / 1000;
      this.log(
        `run ${job.data.run} chunk ${job.data.key}: ${result.iterations} iterations in ${seconds.toFixed(2)} s ` +
          `(${Math.round(result.iterations / Math.max(seconds, 1e-3)).toExponential(2)} it/s)${paths > 1 ? ` on each of ${paths} paths` : ''}`,
      );
      return encodeChunkResult(result);
    } finally {
      clearInterval(tick);
    }
  }

  /** The samples of the measured noise the task names, from Redis the first time they are needed. */
  private async fetchAsset(task: KernelTask): Promise<void> {
    const noise = task.params.noise;
    if (noise.family !== 'empirical' || this.assets.has(noise.asset)) return;
    const bytes = await this.redis.getBuffer(assetKey(noise.asset));
    // Not retried: the coordinator publishes before it adds the job, so a missing asset stays missing.
    if (bytes === null) throw new (bullmq().UnrecoverableError)(`the measured noise ${noise.asset} is not in Redis (its coordinator publishes it with the run's jobs)`);
    if (bytes.byteLength % 8 !== 0) throw new (bullmq().UnrecoverableError)(`the measured noise ${noise.asset} in Redis is not float64 data`);
    const samples = new Float64Array(bytes.byteLength / 8);
    new Uint8Array(samples.buffer).set(bytes);
    this.assets.set(noise.asset, samples);
    this.log(`measured noise ${noise.asset}: ${samples.length} samples fetched`);
  }

  private record(iterations: number): void {
    const now = Date.now();
    if (iterations > 0) this.work.push({ at: now, iterations });
    while (this.work.length > 0 && this.work[0].at < now - SPEED_WINDOW_MS) this.work.shift();
  }

  private speed(): number {
    this.record(0);
    if (this.work.length === 0) return 0;
    const total = this.work.reduce((s, w) => s + w.iterations, 0);
    const span = Math.max(1000, Date.now() - this.work[0].at);
    return Math.round((total * 1000) / span);
  }

  private async announce(): Promise<void> {
    const me: WorkerAnnouncement = { host: hostname(), pid: process.pid, threads: this.options.runner.capacity, iterationsPerSecond: this.speed() };
    await this.redis.set(workerKey(this.id), JSON.stringify(me), 'PX', ANNOUNCE_TTL_MS).catch(() => {});
  }
}
