import { afterAll, describe, expect, it } from 'vitest';
import { heavy, lab, longRunConfig, query, scratch, startLab, waitFor } from './cliHarness';

/**
 * Issue 3: a `lab run` killed mid-run is listed as interrupted, and `lab resume` completes it
 * with results identical to an uninterrupted run. Small chunks (LAB_CHUNK_ITERATIONS) give the
 * run many checkpoints, so the kill lands between committed chunks and chunks in flight.
 */
const tmp = scratch('lab-resume-');
afterAll(() => tmp.cleanup());

const CHUNK = { LAB_CHUNK_ITERATIONS: '100000' };
// Long paths carry X(n) and the generator state across chunks: the demanding case for resume.
const config = longRunConfig({ name: 'resume me', arms: [heavy(0.5), heavy(null)], paths: 2, iterations: 1_500_000, thin: 20_000 });
const file = tmp.writeJson('long.json', config);
const totalChunks = 2 * 2 * (1_500_000 / 100_000);

let cleanResult: string;

async function cleanRun(): Promise<string> {
  cleanResult ??= await (async () => {
    // One worker here, two in the interrupted run: the numbers must not depend on it either.
    const r = await lab(['run', '--config', file, '--db', tmp.path('clean.db'), '--workers', '1', '--json'], CHUNK);
    expect(r.code, r.stderr).toBe(0);
    return JSON.stringify(JSON.parse(r.stdout).result);
  })();
  return cleanResult;
}

const chunksOf = (db: string) => query<number>(db, 'SELECT count(*) FROM chunks') ?? 0;

describe('checkpoint and resume through the real lab command', () => {
  it('SIGKILL mid-run → lab list shows interrupted → lab resume completes with identical results', async () => {
    const db = tmp.path('killed.db');
    const child = startLab(['run', '--config', file, '--db', db, '--workers', '2'], CHUNK);
    await waitFor(() => chunksOf(db) >= 3, 'three committed chunks', 60_000, 5);
    child.child.kill('SIGKILL');
    const killed = await child.exited;
    expect(killed.signal).toBe('SIGKILL');
    const committed = chunksOf(db);
    expect(committed).toBeGreaterThanOrEqual(3);
    expect(committed).toBeLessThan(totalChunks);
    // The database still says running: only the dead owner pid reveals the interruption.
    expect(query<string>(db, 'SELECT status FROM runs')).toBe('running');

    const list = await lab(['list', '--db', db, '--json']);
    expect(list.code).toBe(0);
    const [summary] = JSON.parse(list.stdout).runs;
    expect(summary.status).toBe('interrupted');
    expect((await lab(['list', '--db', db])).stdout).toMatch(/interrupted/);

    // Partial aggregates of the committed chunks are visible meanwhile.
    const partial = JSON.parse((await lab(['show', String(summary.id), '--db', db, '--json'])).stdout);
    expect(partial.status).toBe('interrupted');
    expect(partial.result.arms.reduce((s: number, a: { iterations: number }) => s + a.iterations, 0)).toBe(committed * 100_000);

    const resumed = await lab(['resume', String(summary.id), '--db', db, '--json'], CHUNK);
    expect(resumed.code, resumed.stderr).toBe(0);
    const doc = JSON.parse(resumed.stdout);
    expect(doc.status).toBe('completed');
    expect(chunksOf(db)).toBe(totalChunks);
    expect(JSON.stringify(doc.result)).toBe(await cleanRun());
    // A completed run cannot be resumed again.
    const again = await lab(['resume', String(summary.id), '--db', db]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already completed/);
  });

  it('Ctrl-C (SIGINT) leaves the run interrupted and says how to resume; resume gives the same numbers', async () => {
    const db = tmp.path('sigint.db');
    const child = startLab(['run', '--config', file, '--db', db, '--workers', '2'], CHUNK);
    await waitFor(() => chunksOf(db) >= 2, 'two committed chunks', 60_000, 5);
    child.child.kill('SIGINT');
    const r = await child.exited;
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/Run 1 is interrupted\. Resume it with: lab resume 1 --db /);
    expect(query<string>(db, 'SELECT status FROM runs')).toBe('interrupted');
    expect(query<number>(db, 'SELECT owner_pid IS NULL FROM runs')).toBe(1);

    const resumed = await lab(['resume', '1', '--db', db, '--json'], CHUNK);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.stringify(JSON.parse(resumed.stdout).result)).toBe(await cleanRun());
  });
});
