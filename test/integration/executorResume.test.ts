import { afterAll, describe, expect, it } from 'vitest';
import { EnginePool } from '../../src-main/engine/executor/enginePool';
import { parseChunkKey } from '../../src-main/engine/executor/chunkKeys';
import { MemoryCheckpoints, bundledWorker, completedResult, expectCompleted, smallExitTime, smallLongRun } from './executorTestKit';

const pool = new EnginePool({ workers: 2, workerUrl: bundledWorker, chunkIterations: 60_000 });
afterAll(() => pool.close());

describe('resume from checkpoints', () => {
  it('exit-time: a run given part of its chunks computes only the rest and equals a clean run', async () => {
    const config = smallExitTime();
    const clean = new MemoryCheckpoints();
    const expected = JSON.stringify(await completedResult(pool, config, clean));
    // Every other committed chunk, as a crash might leave them (any subset is a valid state).
    const kept = [...clean.chunks].filter((_, k) => k % 2 === 0);
    const partial = new MemoryCheckpoints(kept);
    const resumed = JSON.stringify(await completedResult(pool, config, partial, 2));
    expect(resumed).toBe(expected);
    const keptSamples = new Set(kept.flatMap(([key]) => samplesOf(key)));
    for (const key of partial.saved) for (const s of samplesOf(key)) expect(keptSamples.has(s)).toBe(false);
  });

  it('long-run: a run given a prefix of each path\'s pieces continues from their state and equals a clean run', async () => {
    const config = smallLongRun();
    const clean = new MemoryCheckpoints();
    const expected = JSON.stringify(await completedResult(pool, config, clean));
    const kept = [...clean.chunks].filter(([key]) => {
      const k = parseChunkKey(key);
      return k?.kind === 'long-run' && k.chunk < k.path + 1; // path p keeps pieces 0..p
    });
    expect(kept.length).toBeGreaterThan(0);
    const partial = new MemoryCheckpoints(kept);
    expect(JSON.stringify(await completedResult(pool, config, partial, 2))).toBe(expected);
    for (const key of partial.saved) expect(kept.some(([k]) => k === key)).toBe(false);
  });

  it('a cancelled run resumed later gives the clean run\'s numbers', async () => {
    const config = smallLongRun({ seed: 11 });
    const expected = JSON.stringify(await completedResult(pool, config));
    const checkpoints = new MemoryCheckpoints();
    const first = pool.execute({ runId: 3, config, checkpoints });
    checkpoints.onSave = () => {
      if (checkpoints.saved.length === 3) first.cancel();
    };
    const outcome = await first.done;
    expect(outcome.status).toBe('cancelled');
    expect(checkpoints.chunks.size).toBeGreaterThanOrEqual(3);
    const partial = first.partial();
    expect(partial?.kind).toBe('long-run');
    checkpoints.onSave = () => {};
    const second = pool.execute({ runId: 3, config, checkpoints });
    expect(JSON.stringify(expectCompleted(await second.done))).toBe(expected);
  });

  it('a run whose chunks are all committed completes at once with the same result', async () => {
    const config = smallExitTime({ etas: [0.1], samples: 10 });
    const clean = new MemoryCheckpoints();
    const expected = JSON.stringify(await completedResult(pool, config, clean));
    const again = new MemoryCheckpoints(clean.chunks);
    expect(JSON.stringify(await completedResult(pool, config, again, 4))).toBe(expected);
    expect(again.saved).toEqual([]);
  });
});

function samplesOf(key: string): string[] {
  const k = parseChunkKey(key);
  if (k?.kind !== 'exit-time') throw new Error(`not an exit-time key: ${key}`);
  return Array.from({ length: k.sampleCount }, (_, s) => `${k.arm}/${k.etaIndex}/${k.sampleStart + s}`);
}
