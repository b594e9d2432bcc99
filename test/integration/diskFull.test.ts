import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { LabService } from '../../src-main/lab';
import { longRunConfig, scratch, waitFor } from './cliHarness';

/**
 * A full disk or an I/O error while a run executes must not crash the process: the run ends
 * failed with the reason (or its end is written once the store takes it), the database stays
 * intact, and the run resumes once there is space. Real SQLite, real worker threads.
 */
const workerUrl = pathToFileURL(resolve(__dirname, '../../out/node/worker.js'));
const tmp = scratch('lab-full-');
afterAll(() => tmp.cleanup());

function integrity(path: string): string {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

describe('when the store refuses a write', () => {
  it('keeps a run’s end that could not be recorded and writes it once the store takes it', async () => {
    const path = tmp.path('refuses.db');
    const lab = new LabService({ dbPath: path, workers: 1, workerUrl });
    try {
      // Another connection makes the final write fail, as a full disk would.
      const other = new BetterSqlite3(path);
      other.exec(`CREATE TRIGGER refuse BEFORE UPDATE OF status ON runs WHEN NEW.status = 'completed'
                  BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END`);
      const run = await lab.startRun(longRunConfig({ iterations: 20_000, thin: 100 }));
      const settled = await lab.whenSettled(run.id);
      expect(settled.status).toBe('running'); // not recorded yet, and the process is still here
      other.exec('DROP TRIGGER refuse');
      other.close();
      await waitFor(() => lab.activeRunIds().length === 0, 'execution over');
      let status = '';
      await waitFor(() => {
        void lab.getRun(run.id).then((r) => (status = r.status));
        return status === 'completed';
      }, 'the end recorded at a later pulse', 20_000, 100);
      const done = await lab.getRun(run.id);
      expect(done.result?.kind === 'long-run' && done.result.arms[0].trajectories[0].length).toBe(201);
    } finally {
      await lab.close();
    }
    expect(integrity(path)).toBe('ok');
  });
});

/** A real full disk needs a small tmpfs (root); skipped where it cannot be mounted. */
function tryMount(dir: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const disk = tmp.path('disk');
mkdirSync(disk);
const mounted = tryMount(disk, '2m');

describe.skipIf(!mounted)('on a 2 MB file system', () => {
  afterAll(() => {
    execFileSync('umount', [disk]);
    rmSync(disk, { recursive: true, force: true });
  });

  it('fails the run with "disk is full", keeps the database intact, and resumes it once the disk has room', async () => {
    const path = `${disk}/lab.db`;
    // 2 paths × 100,001 trajectory points ≈ 4 MB of JSON: cannot fit in 2 MB.
    const config = longRunConfig({ iterations: 1_000_000, thin: 10 });
    const lab = new LabService({ dbPath: path, workers: 2, workerUrl, chunkIterations: 50_000 });
    try {
      const run = await lab.startRun(config);
      await lab.whenSettled(run.id);
      execFileSync('mount', ['-o', 'remount,size=64m', disk]);
      let failed: { status: string; error: string | null } = { status: '', error: null };
      await waitFor(() => {
        void lab.getRun(run.id).then((r) => (failed = r));
        return failed.status === 'failed';
      }, 'the failure recorded', 20_000, 100);
      expect(failed.error).toMatch(/disk is full/);
      expect(integrity(path)).toBe('ok');

      await lab.resumeRun(run.id);
      const done = await lab.whenSettled(run.id);
      expect(done.status, done.error ?? '').toBe('completed');
      expect(done.result?.kind === 'long-run' && done.result.arms[0].trajectories.map((t) => t.length)).toEqual([100_001, 100_001]);
    } finally {
      await lab.close();
    }
    expect(integrity(path)).toBe('ok');
  });
});
