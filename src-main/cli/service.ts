import { UsageError } from './errors';
import { MEMORY_BUDGET_ENV, parseMegabytes } from '../service/megabytes';
import { LabService } from '../lab';
import type { DatabaseAccess } from '../store/database';
import { QueueChunkRunner } from '../queue/queueChunkRunner';

/**
 * The CLI's LabService: the bundled worker entry sits next to lab.js in out/node.
 * LAB_CHUNK_ITERATIONS (a whole number) sets the chunk size — a tuning and testing knob;
 * results never depend on it.
 */
export interface ServiceSettings {
  workers?: number;
  /** --memory-budget MB; else LAB_MEMORY_BUDGET_MB; else the service's default. */
  memoryBudgetMB?: number;
  /** Only `run` creates a database; commands that only read also accept a read-only one. */
  access?: DatabaseAccess;
  /** --redis URL: the chunks run on `lab worker` processes through the queue there. */
  redis?: string;
}

async function openService(dbPath: string, settings: ServiceSettings): Promise<LabService> {
  const chunk = Number(process.env.LAB_CHUNK_ITERATIONS);
  const budget = settings.memoryBudgetMB ?? memoryBudgetFromEnv();
  let queue: QueueChunkRunner | undefined;
  if (settings.redis !== undefined) {
    queue = new QueueChunkRunner({ url: settings.redis });
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
    ...(settings.workers !== undefined ? { workers: settings.workers } : {}),
    ...(budget !== undefined ? { memoryBudgetMB: budget } : {}),
    access: settings.access ?? 'existing',
    ...(queue ? { runner: queue, runnerName: `queue ${queue.target.redacted}` } : {}),
    ...(Number.isSafeInteger(chunk) && chunk > 0 ? { chunkIterations: chunk } : {}),
  });
}

/**
 * Open the service on `dbPath` (its chunks on local threads, or on the queue at `settings.redis`),
 * hand it to `use`, and close it however `use` ends.
 */
export async function withService<T>(dbPath: string, use: (service: LabService) => Promise<T>, settings: ServiceSettings = {}): Promise<T> {
  const service = await openService(dbPath, settings);
  try {
    return await use(service);
  } finally {
    await service.close();
  }
}

/** LAB_MEMORY_BUDGET_MB, the budget's default for every door (a number > 0), if set. */
export function memoryBudgetFromEnv(): number | undefined {
  try {
    return parseMegabytes(MEMORY_BUDGET_ENV, process.env[MEMORY_BUDGET_ENV]);
  } catch (error) {
    throw new UsageError((error as Error).message);
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
