import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { startLab, type LabChild } from './cliHarness';

/** Debian's redis-server (.ci/run installs it when missing). */
export const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface RedisProcess {
  url: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * A private redis-server on a free loopback port, in memory only (no RDB, no AOF), stopped by
 * its pid. `password` adds requirepass, and the URL carries it; `onPort` restarts one where it was.
 */
export async function startRedis(password?: string, onPort?: number): Promise<RedisProcess> {
  const port = onPort ?? (await freePort());
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'];
  if (password) args.push('--requirepass', password);
  return spawnRedis(args, `redis://${password ? `:${password}@` : ''}127.0.0.1:${port}`, port);
}

/**
 * The same, serving TLS only (its plain port closed) with the certificate and key given (PEM
 * files); clients are not asked for certificates. The URL is rediss://.
 */
export async function startTlsRedis(tls: { cert: string; key: string }, password?: string): Promise<RedisProcess> {
  const port = await freePort();
  const args = ['--port', '0', '--tls-port', String(port), '--bind', '127.0.0.1', '--tls-cert-file', tls.cert, '--tls-key-file', tls.key];
  args.push('--tls-ca-cert-file', tls.cert, '--tls-auth-clients', 'no', '--save', '', '--appendonly', 'no', '--daemonize', 'no');
  if (password) args.push('--requirepass', password);
  return spawnRedis(args, `rediss://${password ? `:${password}@` : ''}127.0.0.1:${port}`, port);
}

async function spawnRedis(args: string[], url: string, port: number): Promise<RedisProcess> {
  const child = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 10_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    port,
    child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, 'SIGKILL');
      await exited;
    },
  };
}

/** A real `lab worker` process from the bundle. */
export function startWorker(url: string, threads = 1, env: Record<string, string> = {}): LabChild {
  return startLab(['worker', '--redis', url, '--workers', String(threads)], env);
}

/** Stop a worker by its pid and wait for it to exit. */
export async function stopWorker(worker: LabChild, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill(signal);
  await worker.exited;
}
