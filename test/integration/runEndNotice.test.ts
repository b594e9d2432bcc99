import { afterAll, describe, expect, it } from 'vitest';
import type { LabEvents } from '../../src-shared/api';
import { LabService } from '../../src-main/lab';
import { bundledWorker } from './executorTestKit';
import { exitTimeConfig, scratch } from './cliHarness';

const tmp = scratch('lab-notice-');
const open: LabService[] = [];
afterAll(async () => {
  await Promise.all(open.map((s) => s.close()));
  tmp.cleanup();
});

/** Runs one tiny run on a real service and returns every runChanged event it sent. */
async function changesOfOneRun(file: string, noticeAfterSeconds?: number): Promise<LabEvents['runChanged'][]> {
  const lab = new LabService({ dbPath: tmp.path(file), workers: 1, workerUrl: bundledWorker, ...(noticeAfterSeconds !== undefined ? { noticeAfterSeconds } : {}) });
  open.push(lab);
  const seen: LabEvents['runChanged'][] = [];
  lab.on('runChanged', (e) => seen.push(e));
  const run = await lab.startRun(exitTimeConfig({ name: 'noticed', etas: [0.1], samples: 2 }));
  await lab.whenSettled(run.id);
  return seen;
}

describe('the end of a long run carries a notice', () => {
  it('when the run took longer than the threshold: its name and duration, on the final status only', async () => {
    const seen = await changesOfOneRun('over.db', 0);
    expect(seen.map((e) => e.status)).toEqual(['queued', 'running', 'completed']);
    expect(seen.slice(0, 2).every((e) => e.notice === undefined)).toBe(true);
    expect(seen[2].notice).toEqual({ name: 'noticed', seconds: expect.any(Number) });
    expect(seen[2].notice!.seconds).toBeGreaterThan(0);
  });

  it('not for a run shorter than the default minute', async () => {
    const seen = await changesOfOneRun('under.db');
    expect(seen.at(-1)).toEqual({ id: expect.any(Number), status: 'completed' });
  });
});
