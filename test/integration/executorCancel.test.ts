import { afterAll, describe, expect, it } from 'vitest';
import { EnginePool } from '../../src-main/engine/executor/enginePool';
import type { RunExecution } from '../../src-main/engine/runExecutor.types';
import { MemoryCheckpoints, bundledWorker, smallExitTime, smallLongRun } from './executorTestKit';

// One chunk per path of 2·10^9 iterations: minutes of work. A run that ends `cancelled` with
// nothing committed can only have done so by stopping its kernels mid-chunk via the shared flag.
const pool = new EnginePool({ workers: 2, workerUrl: bundledWorker, chunkIterations: 2_000_000_000 });
afterAll(() => pool.close());

const huge = smallLongRun({ paths: 2, iterations: 2_000_000_000, arms: [{ label: 'h', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: null }] });

/** Resolves once the run's kernels have reported iterations, i.e. chunks are truly in flight. */
async function started(run: RunExecution): Promise<void> {
  while (run.progress().done === 0) await new Promise((r) => setTimeout(r, 20));
}

describe('cancel', () => {
  it('RunExecution.cancel() stops in-flight chunks; status cancelled, nothing committed', async () => {
    const checkpoints = new MemoryCheckpoints();
    const run = pool.execute({ runId: 1, config: huge, checkpoints });
    await started(run);
    run.cancel();
    expect(await run.done).toEqual({ status: 'cancelled' });
    expect(checkpoints.saved).toEqual([]);
    expect(run.partial()).toBeNull();
  });

  it('a cancel recorded in the store (by another process) is picked up by polling', async () => {
    const checkpoints = new MemoryCheckpoints();
    const run = pool.execute({ runId: 2, config: huge, checkpoints });
    await started(run);
    checkpoints.cancel = true;
    expect(await run.done).toEqual({ status: 'cancelled' });
    expect(checkpoints.saved).toEqual([]);
  });

  it('keeps the chunks committed before the cancel and reports them as partial results', async () => {
    const checkpoints = new MemoryCheckpoints();
    const config = smallExitTime({ etas: [0.1, 0.03, 0.01, 0.003], samples: 200 });
    const run = pool.execute({ runId: 3, config, checkpoints });
    checkpoints.onSave = () => run.cancel();
    expect(await run.done).toEqual({ status: 'cancelled' });
    const partial = run.partial();
    if (partial?.kind !== 'exit-time') throw new Error('expected partial exit-time results');
    const samplesDone = partial.arms.flatMap((a) => a.points).reduce((s, p) => s + p.samples, 0);
    expect(samplesDone).toBeGreaterThan(0);
    expect(samplesDone).toBeLessThan(2 * 4 * 200);
  });

  it('the pool runs the next run normally after a cancel', async () => {
    const run = pool.execute({ runId: 4, config: smallExitTime({ etas: [0.1], samples: 5 }), checkpoints: new MemoryCheckpoints() });
    expect((await run.done).status).toBe('completed');
  });
});
