import type { RunProgress } from '../../../src-shared/api';
import type { RunResult, RunResultSummary } from '../../../src-shared/model/results';
import type { RunExecution, RunExecutorOptions, RunOutcome } from '../runExecutor.types';
import type { KernelChunkResult } from '../tasks';
import { aggregateRun } from '../aggregate/aggregateRun';
import { RunningAggregate } from '../aggregate/runningAggregate';
import type { ChunkJob, ChunkSource } from './chunkSource';
import type { Dispatch, FairScheduler, SchedulerClient } from './scheduler';
import { ProgressMeter } from './progressMeter';
import { engineKind } from '../kinds/engineKinds';

export interface ChunkingOptions {
  /** Iterations per chunk (about a second of work). */
  chunkIterations: number;
  /** Workers in the pool. */
  parallelism: number;
}

/** How often a cancel recorded by another process is looked for (honoured within 2 s). */
const CANCEL_POLL_MS = 250;
/** onProgress cadence. */
const PROGRESS_EVERY_MS = 500;

/**
 * One run in execution: hands its chunks to the scheduler, commits each finished chunk,
 * and ends as completed, cancelled, interrupted or failed. Stopping aborts the run's signal,
 * which every in-flight chunk sees; the run ends once they have all come back, so nothing of
 * it is still running when `done` resolves.
 */
export class ChunkedRun implements RunExecution, SchedulerClient {
  readonly done: Promise<RunOutcome>;
  private resolveDone!: (outcome: RunOutcome) => void;
  private source: ChunkSource | null = null;
  private readonly completed = new Map<string, KernelChunkResult>();
  /** Chunks in flight → iterations each has reported so far. */
  private readonly inFlight = new Map<string, number>();
  private readonly abort = new AbortController();
  private stopping: RunOutcome | null = null;
  private settled = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  private polls = 0;
  private readonly meter = new ProgressMeter();
  private cache: { size: number; result: RunResult | null } | null = null;
  /** Without a stored UUID, one for this execution: a run id alone repeats across databases. */
  private readonly runUuid: string;
  private readonly running: RunningAggregate;

  constructor(
    private readonly options: RunExecutorOptions,
    private readonly scheduler: FairScheduler,
    private readonly chunking: ChunkingOptions,
    private readonly onSettled: (run: ChunkedRun) => void = () => {},
  ) {
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
    this.runUuid = options.runUuid ?? globalThis.crypto.randomUUID();
    this.running = new RunningAggregate(options.config);
  }

  get runId(): number {
    return this.options.runId;
  }


  start(): void {
    const { config, checkpoints, runId } = this.options;
    try {
      for (const [key, result] of checkpoints.completed(runId)) {
        this.completed.set(key, result);
        this.running.add(key, result);
      }
      this.source = engineKind(config.kind).plan(config, this.completed, this.chunking);
    } catch (error) {
      this.settle({ status: 'failed', error: messageOf(error) });
      return;
    }
    if (this.source.finished()) {
      this.finish();
      return;
    }
    this.timer = setInterval(() => this.poll(), CANCEL_POLL_MS);
    this.scheduler.add(this);
  }

  cancel(): void {
    this.stop({ status: 'cancelled' });
  }

  /** The process is going away: stop, keep what is committed, report `interrupted`. */
  interrupt(): void {
    this.stop({ status: 'interrupted' });
  }

  partial(): RunResult | null {
    if (!this.cache || this.cache.size !== this.completed.size) {
      this.cache = { size: this.completed.size, result: aggregateRun(this.options.config, this.completed) };
    }
    return this.cache.result;
  }

  partialSummary(): RunResultSummary | null {
    return this.running.summary();
  }

  progress(): RunProgress {
    const work = this.source?.work() ?? { done: 0, total: 0, estimated: false };
    let running = 0;
    for (const done of this.inFlight.values()) running += done;
    const progress = this.meter.read(this.options.runId, work.done + running, work.total, work.estimated);
    return { ...progress, ...this.scheduler.runnerStatus() };
  }

  take(): Dispatch | null {
    if (this.stopping || this.settled || !this.source) return null;
    let job: ChunkJob | null;
    try {
      job = this.source.next();
    } catch (error) {
      this.stop({ status: 'failed', error: messageOf(error) });
      return null;
    }
    if (!job) return null;
    const chunk = job;
    this.inFlight.set(chunk.key, 0);
    const onProgress = (done: number) => {
      if (this.inFlight.has(chunk.key)) this.inFlight.set(chunk.key, done);
    };
    return {
      task: chunk.task,
      options: { signal: this.abort.signal, onProgress, chunk: { run: this.runUuid, key: chunk.key }, assets: this.options.assets },
      onDone: (result) => this.chunkDone(chunk, result),
      onError: (error) => this.chunkFailed(chunk, error),
    };
  }

  private chunkDone(job: ChunkJob, result: KernelChunkResult | null): void {
    this.inFlight.delete(job.key);
    if (result === null) {
      // A chunk only gives up when the run's signal is aborted, i.e. the run is already stopping.
      if (!this.stopping) this.stop({ status: 'failed', error: `chunk ${job.key} stopped without being asked to` });
      this.settleIfIdle();
      return;
    }
    try {
      for (const part of job.parts?.(result) ?? [{ key: job.key, result }]) {
        this.options.checkpoints.save(this.options.runId, part.key, part.result);
        this.completed.set(part.key, part.result);
        this.running.add(part.key, part.result);
      }
      this.source?.complete(job, result);
    } catch (error) {
      this.stop({ status: 'failed', error: `could not commit chunk ${job.key}: ${messageOf(error)}` });
    }
    if (!this.stopping && this.inFlight.size === 0 && this.source?.finished()) this.finish();
    else this.settleIfIdle();
  }

  private chunkFailed(job: ChunkJob, error: unknown): void {
    this.inFlight.delete(job.key);
    this.stop({ status: 'failed', error: messageOf(error) });
  }

  private stop(outcome: RunOutcome): void {
    if (this.settled) return;
    if (!this.stopping) {
      this.stopping = outcome;
      this.abort.abort();
    }
    this.settleIfIdle();
  }

  private settleIfIdle(): void {
    if (this.stopping && this.inFlight.size === 0) this.settle(this.stopping);
  }

  private finish(): void {
    try {
      const result = aggregateRun(this.options.config, this.completed);
      if (!result) throw new Error('a finished run has no chunks');
      this.settle({ status: 'completed', result });
    } catch (error) {
      this.settle({ status: 'failed', error: messageOf(error) });
    }
  }

  private poll(): void {
    this.polls++;
    try {
      if (this.options.checkpoints.cancelRequested(this.options.runId)) this.cancel();
    } catch {
      // The store may be busy for a moment (another process writing); ask again next poll.
    }
    if (!this.settled && this.polls % Math.round(PROGRESS_EVERY_MS / CANCEL_POLL_MS) === 0) this.emitProgress();
  }

  private emitProgress(): void {
    try {
      this.options.onProgress?.(this.progress());
    } catch {
      // A listener's failure is not the run's.
    }
  }

  private settle(outcome: RunOutcome): void {
    if (this.settled) return;
    this.settled = true;
    if (this.timer) clearInterval(this.timer);
    this.scheduler.remove(this);
    if (outcome.status === 'completed') this.emitProgress();
    this.resolveDone(outcome);
    this.onSettled(this);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
