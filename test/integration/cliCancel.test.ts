import { afterAll, describe, expect, it } from 'vitest';
import { heavy, lab, longRunConfig, query, scratch, startLab, waitFor } from './cliHarness';

const tmp = scratch('lab-cancel-');
afterAll(() => tmp.cleanup());

describe('lab cancel from another process', () => {
  it('stops a running `lab run` (status cancelled, committed chunks kept, resumable)', async () => {
    // Far more work than the test will wait for: only the cancel can end it.
    const file = tmp.writeJson('long.json', longRunConfig({ name: 'cancel me', arms: [heavy(0.5)], paths: 2, iterations: 500_000_000, thin: 100_000 }));
    const db = tmp.path('cancel.db');
    const run = startLab(['run', '--config', file, '--db', db, '--workers', '2'], { LAB_CHUNK_ITERATIONS: '1000000' });
    await waitFor(() => (query<number>(db, 'SELECT count(*) FROM chunks') ?? 0) >= 1, 'a committed chunk', 60_000);
    expect(query<string>(db, 'SELECT status FROM runs')).toBe('running');
    // Seen from another process, a live owner's run is running (not interrupted), with its progress.
    await waitFor(() => query<string>(db, 'SELECT progress FROM runs') !== null, 'a heartbeat with progress', 10_000);
    const listed = JSON.parse((await lab(['list', '--db', db, '--json'])).stdout).runs[0];
    expect(listed.status).toBe('running');
    expect(listed.progress.done).toBeGreaterThan(0);

    const asked = Date.now();
    const cancel = await lab(['cancel', '1', '--db', db]);
    const ended = await run.exited;
    const stoppedAfterMs = Date.now() - asked;
    // The requirement is "within 2 s"; timing is not asserted (shared CI machines), only reported.
    console.log(`lab cancel: the run process exited ${stoppedAfterMs} ms after the cancel started`);

    expect(cancel.code, cancel.stderr).toBe(0);
    expect(cancel.stderr).toMatch(/Run 1 is cancelled/);
    expect(ended.code).toBe(1);
    expect(ended.stderr).toMatch(/Run 1 ended cancelled/);
    expect(query<string>(db, 'SELECT status FROM runs')).toBe('cancelled');
    expect(query<number>(db, 'SELECT count(*) FROM chunks')).toBeGreaterThanOrEqual(1);
    const shown = JSON.parse((await lab(['show', '1', '--db', db, '--json'])).stdout);
    expect(shown.status).toBe('cancelled');
    expect(shown.finishedAt).not.toBeNull();
    expect(shown.result.arms[0].iterations).toBeGreaterThan(0);
  });

  it('refuses to cancel a completed run (exit 1) and an unknown one', async () => {
    const file = tmp.writeJson('short.json', longRunConfig({ iterations: 1000 }));
    const db = tmp.path('done.db');
    expect((await lab(['run', '--config', file, '--db', db])).code).toBe(0);
    const r = await lab(['cancel', '1', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already completed/);
    expect((await lab(['cancel', '7', '--db', db])).stderr).toMatch(/No run with id 7/);
  });
});
