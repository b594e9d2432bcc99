import { afterAll, describe, expect, it } from 'vitest';
import { EnginePool } from '../../src-main/engine/executor/enginePool';
import {
  EXITING_SEED,
  MemoryCheckpoints,
  THROWING_SEED,
  bundledWorker,
  completedResult,
  faultWorker,
  smallExitTime,
  smallLongRun,
} from './executorTestKit';

const faulty = new EnginePool({ workers: 2, workerUrl: faultWorker, chunkIterations: 100_000 });
const clean = new EnginePool({ workers: 1, workerUrl: bundledWorker, chunkIterations: 100_000 });
afterAll(() => Promise.all([faulty.close(), clean.close()]));

describe('a failing chunk fails only its own run', () => {
  it('a kernel that throws: that run fails with the error, a concurrent run completes unchanged', async () => {
    const good = smallLongRun();
    const expected = JSON.stringify(await completedResult(clean, good));
    const bad = faulty.execute({ runId: 1, config: smallLongRun({ seed: THROWING_SEED }), checkpoints: new MemoryCheckpoints() });
    const ok = faulty.execute({ runId: 2, config: good, checkpoints: new MemoryCheckpoints() });
    expect(await bad.done).toEqual({ status: 'failed', error: 'injected kernel fault' });
    const outcome = await ok.done;
    expect(outcome.status).toBe('completed');
    if (outcome.status === 'completed') expect(JSON.stringify(outcome.result)).toBe(expected);
  });

  it('a worker that exits: that run fails, the pool replaces the worker, other runs go on', async () => {
    const good = smallExitTime();
    const expected = JSON.stringify(await completedResult(clean, good));
    const ok = faulty.execute({ runId: 3, config: good, checkpoints: new MemoryCheckpoints() });
    const bad = faulty.execute({ runId: 4, config: smallExitTime({ seed: EXITING_SEED }), checkpoints: new MemoryCheckpoints() });
    const failed = await bad.done;
    expect(failed.status).toBe('failed');
    if (failed.status === 'failed') expect(failed.error).toMatch(/exited with code: 3/);
    const outcome = await ok.done;
    expect(outcome.status).toBe('completed');
    if (outcome.status === 'completed') expect(JSON.stringify(outcome.result)).toBe(expected);
    // Both workers are alive again: two long chunks run side by side and complete.
    const after = faulty.execute({ runId: 5, config: smallLongRun({ paths: 2 }), checkpoints: new MemoryCheckpoints() });
    expect((await after.done).status).toBe('completed');
    expect(faulty.workers).toBe(2);
  });

  it('a run whose checkpoints cannot be written fails with the store\'s message', async () => {
    const checkpoints = new MemoryCheckpoints();
    checkpoints.save = () => {
      throw new Error('database is locked');
    };
    const outcome = await clean.execute({ runId: 6, config: smallExitTime({ etas: [0.1], samples: 4 }), checkpoints }).done;
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') expect(outcome.error).toMatch(/database is locked/);
  });

  it('a missing worker entry fails the run with the loader\'s message instead of hanging', async () => {
    const broken = new EnginePool({ workers: 1, workerUrl: '/nonexistent/worker.js' });
    try {
      const outcome = await broken.execute({ runId: 7, config: smallExitTime(), checkpoints: new MemoryCheckpoints() }).done;
      expect(outcome.status).toBe('failed');
      if (outcome.status === 'failed') expect(outcome.error).toMatch(/Cannot find module '\/nonexistent\/worker\.js'/);
    } finally {
      await broken.close();
    }
  });
});
