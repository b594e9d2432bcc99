import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ChunkRequest } from './executor/chunkRequest';
import type { KernelChunkResult, KernelTask } from './tasks';
import type { TaskTiming } from './kernelSpeed';

export interface WorkerPoolOptions {
  /** Worker threads; default os.availableParallelism(). */
  workers?: number;
  /** The worker entry; default the bundled worker.js next to the running bundle. */
  workerUrl?: URL | string;
}

/**
 * The bundled worker next to the running bundle (out/node/worker.js beside out/node/lab.js).
 * Resolved only when asked for: the Electron main passes its own ?modulePath instead.
 */
function defaultWorkerUrl(): URL {
  return new URL('./worker.js', import.meta.url);
}

function workerPath(url: URL | string): string {
  if (url instanceof URL) return fileURLToPath(url);
  return url.startsWith('file:') ? fileURLToPath(url) : url;
}

/**
 * A fixed set of worker threads (piscina) that run chunks. Threads are started up front and
 * never retire when idle, so a run does not pay for thread start-up between chunks. A worker
 * that dies is replaced by piscina; only the chunk it was running fails.
 */
export class WorkerPool {
  readonly size: number;
  private readonly piscina: Piscina<ChunkRequest, KernelChunkResult | null>;

  constructor(options: WorkerPoolOptions = {}) {
    const size = options.workers ?? availableParallelism();
    if (!Number.isInteger(size) || size < 1) throw new Error(`workers must be a whole number ≥ 1, got ${size}`);
    this.size = size;
    this.piscina = new Piscina({
      filename: workerPath(options.workerUrl ?? defaultWorkerUrl()),
      minThreads: size,
      maxThreads: size,
      idleTimeout: Number.MAX_SAFE_INTEGER,
      concurrentTasksPerWorker: 1,
    });
    // A worker failing with no task in hand (e.g. while starting) is reported here; the chunk
    // that hits a dead worker is rejected on its own, so nothing is lost by not rethrowing.
    this.piscina.on('error', () => {});
  }

  run(request: ChunkRequest): Promise<KernelChunkResult | null> {
    return this.piscina.run(request);
  }

  /** Run a whole task on a worker, timed there (the worker's `timeTask` export). */
  time(task: KernelTask): Promise<TaskTiming> {
    // The same threads serve a second export; piscina types one task shape per pool.
    return (this.piscina as unknown as Piscina<KernelTask, TaskTiming>).run(task, { name: 'timeTask' });
  }

  destroy(): Promise<void> {
    return this.piscina.destroy();
  }
}
