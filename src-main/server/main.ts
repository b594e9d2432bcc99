import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LabService } from '../lab';
import { QueueChunkRunner } from '../queue/queueChunkRunner';
import { generateToken, isLoopbackHost } from './auth';
import { createLabServer } from './labServer';
import { HelpRequested, openUrl, parseServeArgs, serveUsage, UsageError, type ServeArgs } from './serveArgs';

/**
 * `npm run serve`: the same LabService as the desktop app, behind HTTP for a browser (bundled to
 * out/node/serve.js). Ctrl-C / SIGTERM checkpoints runs in flight and leaves them interrupted,
 * resumable from any door.
 */
async function main(): Promise<void> {
  let args;
  try {
    args = parseServeArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof HelpRequested) {
      process.stdout.write(serveUsage);
      process.exit(0);
    }
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${serveUsage}`);
    process.exit(2);
  }

  const here = dirname(fileURLToPath(import.meta.url));
  const staticDir = resolve(args.staticDir ?? resolve(here, '../renderer'));
  if (!existsSync(resolve(staticDir, 'index.html'))) {
    process.stderr.write(`note: ${staticDir}/index.html not found; run \`npm run build\` to build the UI (the API works without it)\n`);
  }
  const token = args.token ?? (isLoopbackHost(args.host) ? null : generateToken());
  const workerUrl = new URL('./worker.js', import.meta.url);

  let queue: QueueChunkRunner | undefined;
  if (args.redis !== null) {
    try {
      queue = new QueueChunkRunner({ url: args.redis });
      await queue.ready();
    } catch (error) {
      await queue?.close();
      throw new Error(`--redis: ${(error as Error).message}`);
    }
  }

  const dbPath = resolve(args.db);
  let service: LabService;
  try {
    service = openLab(dbPath, args, workerUrl, queue);
  } catch (error) {
    await queue?.close();
    throw new Error(`cannot open the database ${dbPath}: ${(error as Error).message}`);
  }
  const lab = createLabServer({ service, staticDir, token });

  await new Promise<void>((resolveListen, reject) => {
    lab.server.once('error', reject);
    lab.server.listen(args.port, args.host, () => resolveListen());
  });
  const address = lab.server.address();
  const port = typeof address === 'object' && address ? address.port : args.port;

  // One write, so whoever reads the banner sees it whole.
  const lines = [`Heavy-Tail SGD Lab: database ${dbPath}${queue ? `, chunks on the queue at ${queue.target.redacted}` : ''}`, `Open ${openUrl(args.host, port, token)}`];
  if (!isLoopbackHost(args.host)) {
    const remoteHost = args.host === '0.0.0.0' || args.host === '::' ? hostname() : args.host;
    lines.push(`  from another machine: ${openUrl(remoteHost, port, token)}`);
    lines.push('  every /api request needs Authorization: Bearer <token>; keep the token private');
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      process.stderr.write('forced exit\n');
      process.exit(1);
    }
    stopping = true;
    process.stderr.write(`${signal}: stopping; runs in flight are checkpointed and left interrupted (resume them later)\n`);
    const closing = lab.close();
    await service.close();
    // Event streams and idle keep-alive sockets must not hold the exit.
    lab.server.closeAllConnections();
    await closing;
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

function openLab(dbPath: string, args: ServeArgs, workerUrl: URL, queue: QueueChunkRunner | undefined): LabService {
  return new LabService({
    dbPath,
    ...(queue ? { runner: queue, runnerName: `queue ${queue.target.redacted}` } : {}),
    ...(args.workers !== undefined ? { workers: args.workers } : {}),
    ...(args.memoryBudgetMB !== undefined ? { memoryBudgetMB: args.memoryBudgetMB } : {}),
    ...(args.noticeAfter !== undefined ? { noticeAfterSeconds: args.noticeAfter } : {}),
    ...(existsSync(workerUrl) ? { workerUrl } : {}),
  });
}

// A bad --db, a busy port or a foreign database is the user's to fix: say what, not where in the code.
main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`serve: ${message}\n`);
  if (process.env.LAB_DEBUG && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
  process.exit(1);
});
