import type { RunExecution, RunExecutorOptions, RunOutcome } from '../runExecutor.types';
import type { ChunkRunner } from '../chunkRunner';
import { LocalChunkRunner } from '../localChunkRunner';
import type { KernelTask } from '../tasks';
import type { TaskTiming } from '../kernelSpeed';
import { FairScheduler } from './scheduler';
import { ChunkedRun } from './chunkedRun';

export interface EnginePoolOptions {
  /** Where chunks run; default local worker threads (`workers`, `workerUrl`). Closed with the pool. */
  runner?: ChunkRunner;
  /** Worker threads of the default runner; default os.availableParallelism(). */
  workers?: number;
  /** The default runner's worker entry; default the bundled worker.js next to the running bundle. */
  workerUrl?: URL | string;
  /** Iterations per chunk; default about a second of kernel work. Results never depend on it. */
  chunkIterations?: number;
}

/**
 * Iterations in about a second of kernel work (the long-run kernel took ~35 ns per iteration on
 * this shared 2-core machine), so a crash loses little and a chunk is a fair share of a worker.
 */
export const DEFAULT_CHUNK_ITERATIONS = 1 << 25;

/** How long close() waits for in-flight chunks to notice the stop flag before tearing down. */
const CLOSE_GRACE_MS = 5_000;

/**
 * The engine: a pool of worker threads that executes runs chunk by chunk. Several runs may
 * execute at once and share the workers fairly; each commits its chunks through its own
 * ChunkCheckpoints and resumes from them.
 */
export class EnginePool {
  private readonly runner: ChunkRunner;
  private readonly scheduler: FairScheduler;
  private readonly chunkIterations: number;
  private readonly running = new Map<number, ChunkedRun>();
  private closed = false;

  /** Chunks that run at once (the runner's capacity). */
  get workers(): number {
    return this.runner.capacity;
  }

  constructor(options: EnginePoolOptions = {}) {
    this.runner = options.runner ?? new LocalChunkRunner({ workers: options.workers, workerUrl: options.workerUrl });
    this.scheduler = new FairScheduler(this.runner);
    this.chunkIterations = options.chunkIterations ?? DEFAULT_CHUNK_ITERATIONS;
  }

  execute(options: RunExecutorOptions): RunExecution {
    if (this.closed) return ended(options.runId, { status: 'failed', error: 'the engine is shut down' });
    if (this.running.has(options.runId)) {
      return ended(options.runId, { status: 'failed', error: `run ${options.runId} is already executing in this process` });
    }
    const run = new ChunkedRun(
      options,
      this.scheduler,
      { chunkIterations: this.chunkIterations, parallelism: this.runner.capacity },
      (r) => {
        if (this.running.get(r.runId) === r) this.running.delete(r.runId);
      },
    );
    this.running.set(options.runId, run);
    run.start();
    return run;
  }

  /** Time a whole task on one of the runner's workers (kernel-speed calibration), where it can. */
  time(task: KernelTask): Promise<TaskTiming> {
    if (!this.runner.time) {
      return Promise.reject(new Error('kernel speeds are measured on local worker threads; this lab runs its chunks elsewhere'));
    }
    return this.runner.time(task);
  }

  /** Stop every run (they end `interrupted`, committed chunks kept) and the worker threads. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const runs = [...this.running.values()];
    for (const run of runs) run.interrupt();
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.all(runs.map((r) => r.done)),
      new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS))),
    ]);
    clearTimeout(timer);
    await this.runner.close();
  }
}

/** An execution that never started: its outcome is already known. */
function ended(runId: number, outcome: RunOutcome): RunExecution {
  return {
    done: Promise.resolve(outcome),
    cancel: () => {},
    partial: () => null,
    partialSummary: () => null,
    progress: () => ({ id: runId, done: 0, total: 0, estimated: false, iterationsPerSecond: 0, etaSeconds: null }),
  };
}
