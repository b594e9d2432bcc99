import { LabService } from '../lab';

/**
 * The CLI's LabService: the bundled worker entry sits next to lab.js in out/node.
 * LAB_CHUNK_ITERATIONS (a whole number) sets the chunk size — a tuning and testing knob;
 * results never depend on it.
 */
function openService(dbPath: string, workers?: number): LabService {
  const chunk = Number(process.env.LAB_CHUNK_ITERATIONS);
  return new LabService({
    dbPath,
    workerUrl: new URL('./worker.js', import.meta.url),
    ...(workers !== undefined ? { workers } : {}),
    ...(Number.isSafeInteger(chunk) && chunk > 0 ? { chunkIterations: chunk } : {}),
  });
}

/** Open the service on `dbPath`, hand it to `use`, and close it however `use` ends. */
export async function withService<T>(dbPath: string, use: (service: LabService) => Promise<T>, workers?: number): Promise<T> {
  const service = openService(dbPath, workers);
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
