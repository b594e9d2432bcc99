import { afterAll, describe, expect, it } from 'vitest';
import { EnginePool } from '../../src-main/engine/executor/enginePool';
import { MemoryCheckpoints, bundledWorker, expectCompleted, smallLongRun } from './executorTestKit';

// One worker makes the dispatch order observable: each freed worker goes to the next run in turn.
const pool = new EnginePool({ workers: 1, workerUrl: bundledWorker, chunkIterations: 50_000 });
afterAll(() => pool.close());

describe('runs executing at once share the pool', () => {
  it('alternates chunks between two runs, and both complete', async () => {
    const order: string[] = [];
    const a = new MemoryCheckpoints();
    const b = new MemoryCheckpoints();
    a.onSave = () => order.push('a');
    b.onSave = () => order.push('b');
    const config = smallLongRun({ paths: 2, iterations: 200_000 });
    const runA = pool.execute({ runId: 1, config, checkpoints: a });
    const runB = pool.execute({ runId: 2, config, checkpoints: b });
    const [ra, rb] = await Promise.all([runA.done, runB.done]);
    expect(JSON.stringify(expectCompleted(rb))).toBe(JSON.stringify(expectCompleted(ra)));
    // 2 arms × 2 paths × 4 pieces = 16 pieces each. A chunk walks an arm's 2 paths side by side
    // (a group) and commits its 2 pieces together, so 8 chunks each, taken in turns.
    expect(order.join('')).toBe('aabb'.repeat(8));
  });

  it('refuses to execute the same run twice at once in one process', async () => {
    const config = smallLongRun({ paths: 1, iterations: 100_000 });
    const first = pool.execute({ runId: 7, config, checkpoints: new MemoryCheckpoints() });
    const second = pool.execute({ runId: 7, config, checkpoints: new MemoryCheckpoints() });
    expect(await second.done).toEqual({ status: 'failed', error: 'run 7 is already executing in this process' });
    expect((await first.done).status).toBe('completed');
  });
});
