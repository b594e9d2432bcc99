import { afterAll, describe, expect, it } from 'vitest';
import { EnginePool } from '../../src-main/engine/executor/enginePool';
import { MemoryCheckpoints, bundledWorker, completedResult, expectCompleted, smallExitTime, smallLongRun } from './executorTestKit';

const pools: EnginePool[] = [];
function pool(workers: number, chunkIterations?: number): EnginePool {
  const p = new EnginePool({ workers, workerUrl: bundledWorker, chunkIterations });
  pools.push(p);
  return p;
}
afterAll(() => Promise.all(pools.map((p) => p.close())));

describe('the executor gives the same bytes for any worker count and chunking', () => {
  it('exit-time: 1 worker, 2 workers, small and large chunks', async () => {
    const config = smallExitTime();
    const one = JSON.stringify(await completedResult(pool(1), config));
    const two = JSON.stringify(await completedResult(pool(2), config));
    const tiny = JSON.stringify(await completedResult(pool(2, 2_000), config));
    expect(two).toBe(one);
    expect(tiny).toBe(one);
    const parsed = JSON.parse(one);
    expect(parsed.arms[0].points[1].samples).toBe(40);
  });

  it('long-run: 1 worker, 2 workers, paths cut in pieces of different sizes', async () => {
    const config = smallLongRun();
    const one = await completedResult(pool(1), config);
    const two = await completedResult(pool(2, 70_000), config);
    const three = await completedResult(pool(2, 128_000), config);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(JSON.stringify(three)).toBe(JSON.stringify(one));
    if (one.kind !== 'long-run') throw new Error('expected a long-run result');
    expect(one.arms[0].iterations).toBe(3 * 300_000);
    // X(0), X(1000), …, X(300000) on each path.
    expect(one.arms[0].trajectories.map((t) => t.length)).toEqual([301, 301, 301]);
  });

  it('reports progress: exit-time totals are estimates until the run is done', async () => {
    const checkpoints = new MemoryCheckpoints();
    const seen: { done: number; total: number; estimated: boolean }[] = [];
    const p = pool(2, 20_000);
    const run = p.execute({ runId: 9, config: smallExitTime(), checkpoints, onProgress: (q) => seen.push(q) });
    checkpoints.onSave = () => seen.push(run.progress());
    expectCompleted(await run.done);
    expect(seen[0].estimated).toBe(true);
    for (const q of seen) expect(q.done).toBeLessThanOrEqual(q.total);
    const last = seen[seen.length - 1];
    expect(last.estimated).toBe(false);
    expect(last.done).toBe(last.total);
    expect(run.progress()).toMatchObject({ id: 9, etaSeconds: 0 });
  });
});
