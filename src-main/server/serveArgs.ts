import { parseArgs } from 'node:util';
import { MEMORY_BUDGET_ENV, parseMegabytes } from '../service/megabytes';

/** `npm run serve -- [--port P] [--db PATH] [--host H] [--token T] [--workers N | --redis URL] [--static DIR] [--memory-budget MB] [--notice-after S]` */
export interface ServeArgs {
  port: number;
  db: string;
  host: string;
  token: string | null;
  workers: number | undefined;
  staticDir: string | null;
  /** Memory a run may hold, MB; undefined = LAB_MEMORY_BUDGET_MB or the service's default. */
  memoryBudgetMB: number | undefined;
  /** Run chunks on the BullMQ queue at this Redis URL instead of local threads. */
  redis: string | null;
  /** Runs longer than this many seconds notify the page when they end. */
  noticeAfter: number | undefined;
}

export const serveUsage =
  'usage: npm run serve -- [--port P] [--db PATH] [--host H] [--token T] [--workers N | --redis URL] [--static DIR] [--memory-budget MB] [--notice-after S]\n' +
  '  --port     TCP port (0 picks a free one); default 5180\n' +
  '  --db       SQLite database file (created if missing); default lab.sqlite in this folder\n' +
  '  --host     address to listen on; default 127.0.0.1. Any other address requires a bearer token\n' +
  '  --token    the bearer token; generated and printed when listening off loopback without one\n' +
  '  --workers  worker threads for runs; default: the CPU count\n' +
  '  --redis    run chunks on `lab worker` processes through the BullMQ queue at redis[s]://[user:password@]host[:port][/db]\n' +
  '  --static   folder with the built renderer; default out/renderer\n' +
  '  --memory-budget MB  memory one run may hold; larger configs are refused (400). Default 1024\n' +
  '             or LAB_MEMORY_BUDGET_MB\n' +
  '  --notice-after  seconds a run must take for its end to raise a notification; default 60\n';

export class UsageError extends Error {}

/** `--help`: not an error, the caller prints the usage and exits 0. */
export class HelpRequested extends Error {}

function integer(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be an integer in [${min}, ${max}], got "${text}"`);
  return n;
}

function megabytes(name: string, text: string | undefined): number | undefined {
  try {
    return parseMegabytes(name, text);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function parseServeArgs(argv: readonly string[]): ServeArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        db: { type: 'string' },
        host: { type: 'string' },
        token: { type: 'string' },
        workers: { type: 'string' },
        static: { type: 'string' },
        'memory-budget': { type: 'string' },
        redis: { type: 'string' },
        'notice-after': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) throw new HelpRequested();
  if (values.redis !== undefined && values.workers !== undefined) throw new UsageError('--workers applies to this machine; with --redis the queue\'s workers run the chunks');
  if (values.token !== undefined && values.token.length < 8) throw new UsageError('--token must be at least 8 characters');
  return {
    port: integer('port', values.port, 0, 65535) ?? 5180,
    db: values.db ?? 'lab.sqlite',
    host: values.host ?? '127.0.0.1',
    token: values.token ?? null,
    workers: integer('workers', values.workers, 1, 1024),
    staticDir: values.static ?? null,
    memoryBudgetMB: megabytes('--memory-budget', values['memory-budget'] ?? process.env[MEMORY_BUDGET_ENV]),
    redis: values.redis ?? null,
    noticeAfter: integer('notice-after', values['notice-after'], 0, 31_536_000),
  };
}

/** The URL to print: host names a browser can open, the token in `?token=` once. */
export function openUrl(host: string, port: number, token: string | null): string {
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const bracketed = shown.includes(':') ? `[${shown}]` : shown;
  return `http://${bracketed}:${port}/${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}
