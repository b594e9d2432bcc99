import { LabService } from '../lab';
import { QueueChunkRunner } from '../queue/queueChunkRunner';

/**
 * The CLI's LabService: the bundled worker entry sits next to lab.js in out/node.
 * LAB_CHUNK_ITERATIONS (a whole number) sets the chunk size — a tuning and testing knob;
 * results never depend on it.
 */
async function openService(dbPath: string, workers?: number, redis?: string): Promise<LabService> {
  const chunk = Number(process.env.LAB_CHUNK_ITERATIONS);
  let queue: QueueChunkRunner | undefined;
  if (redis !== undefined) {
    queue = new QueueChunkRunner({ url: redis });
    try {
      await queue.ready();
    } catch (error) {
      await queue.close();
      throw error;
    }
  }
  return new LabService({
    dbPath,
    workerUrl: new URL('./worker.js', import.meta.url),
    ...(workers !== undefined ? { workers } : {}),
    ...(queue ? { runner: queue, runnerName: `queue ${queue.target.redacted}` } : {}),
    ...(Number.isSafeInteger(chunk) && chunk > 0 ? { chunkIterations: chunk } : {}),
  });
}

/**
 * Open the service on `dbPath` (its chunks on local threads, or on the queue at `redis`), hand it
 * to `use`, and close it however `use` ends.
 */
export async function withService<T>(dbPath: string, use: (service: LabService) => Promise<T>, workers?: number, redis?: string): Promise<T> {
  const service = await openService(dbPath, workers, redis);
  try {
    return await use(service);
  } finally {
    await service.close();
  }
}

/** `lab COMMAND --help`: the usage on stdout, exit 0. */
export function printHelp(help: string): number {
  process.stdout.write(`${help}\n`);
  return 0;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}
