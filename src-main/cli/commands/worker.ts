import { parseCommandArgs, positiveInteger, requireString } from '../args';
import { commandHelp } from '../help';
import { log, printHelp } from '../service';
import { EXIT_OK, UsageError } from '../errors';
import { LocalChunkRunner } from '../../engine/localChunkRunner';
import { QueueWorker } from '../../queue/queueWorker';
import { parseRedisUrl } from '../../queue/redisUrl';


/**
 * `lab worker --redis URL [--workers N]`: serve the queue's chunk jobs on this machine's threads
 * until SIGTERM or Ctrl-C, which finish the chunks in hand and then exit (a second signal leaves
 * them to BullMQ's stall detection, which hands them to another worker).
 */
export async function workerCommand(argv: string[]): Promise<number> {
  const help = commandHelp.worker;
  const args = parseCommandArgs(argv, { redis: { type: 'string' }, workers: { type: 'string' } }, 0, help);
  if (args.values.help) return printHelp(help);
  const url = requireString(args, 'redis', help);
  let redacted: string;
  try {
    redacted = parseRedisUrl(url).redacted;
  } catch (error) {
    throw new UsageError(`--redis: ${(error as Error).message}`, help);
  }
  const workers = positiveInteger(args, 'workers', help);
  const runner = new LocalChunkRunner({ workerUrl: new URL('./worker.js', import.meta.url), ...(workers ? { workers } : {}) });
  const worker = new QueueWorker({ url, runner, log });
  try {
    await worker.ready();
  } catch (error) {
    // Nothing was taken from the queue; the process exits without waiting for BullMQ's retries.
    void worker.close(true);
    throw error;
  }
  log(`lab worker ${worker.id}: ${runner.capacity} thread(s), serving ${redacted}`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log(`${signal}: finishing the chunks in hand, then exiting (again to hand them back now)`);
      process.once(signal, () => {
        log('handing the chunks in hand back to the queue');
        void worker.close(true).finally(() => process.exit(EXIT_OK));
      });
      void worker.close().then(resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  log(`lab worker ${worker.id}: stopped`);
  return EXIT_OK;
}
