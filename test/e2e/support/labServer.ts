import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningLab {
  url: string;
  dbPath: string;
  stop(): Promise<void>;
}

/**
 * A real `node out/node/serve.js` child on a free port (--port 0) with a fresh database; the
 * URL is read from the banner it prints ("Open http://…").
 */
export async function startLab(extraArgs: string[] = []): Promise<RunningLab> {
  const dir = mkdtempSync(join(tmpdir(), 'lab-e2e-'));
  const dbPath = join(dir, 'lab.db');
  // One local thread unless the chunks go to a queue (serve refuses --workers with --redis).
  const threads = extraArgs.includes('--redis') ? [] : ['--workers', '1'];
  const child: ChildProcess = spawn(process.execPath, ['out/node/serve.js', '--port', '0', '--db', dbPath, ...threads, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start in 30 s\n${out}\n${stderr}`)), 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Open (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}\n${stderr}`));
    });
  });
  return {
    url,
    dbPath,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
