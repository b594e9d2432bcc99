import { afterEach, describe, expect, it } from 'vitest';
import { EnginePool } from '../../src-main/engine/executor/enginePool';
import type { ExperimentConfig } from '../../src-shared/model/config';
import { MemoryCheckpoints, bundledWorker, completedResult, smallLongRun } from './executorTestKit';

/**
 * Long runs whose chunks carry 2 or 4 paths (2 arms × 5 paths: groups of 4 on 1 or 2 workers,
 * of 2 on 3) on the bundled worker threads: the same bytes for every worker count, on the
 * WebAssembly and the JavaScript kernels, every checkpoint a lone path's piece under its own
 * key, and a run resumed from part of its pieces on another worker count gives the same bytes.
 */
const saved = process.env.LAB_KERNELS;
afterEach(() => {
  if (saved === undefined) delete process.env.LAB_KERNELS;
  else process.env.LAB_KERNELS = saved;
});

const config: ExperimentConfig = smallLongRun({ paths: 5, iterations: 150_000 });
const CHUNK = 40_000;

async function withPool<T>(kernels: 'js' | 'wasm', workers: number, f: (pool: EnginePool) => Promise<T>): Promise<T> {
  // Worker threads copy the environment when they start.
  process.env.LAB_KERNELS = kernels;
  const pool = new EnginePool({ workers, workerUrl: bundledWorker, chunkIterations: CHUNK });
  try {
    return await f(pool);
  } finally {
    await pool.close();
  }
}

describe('long-run chunks carrying groups of paths', () => {
  it('store the same bytes on 1, 2 and 3 workers and on either kernel, one checkpoint per path piece', async () => {
    const checkpoints = new MemoryCheckpoints();
    const one = JSON.stringify(await withPool('wasm', 1, (p) => completedResult(p, config, checkpoints)));
    // 10 paths × ⌈150,000 / 40,000⌉ pieces, each under "a{arm}/p{path}/c{piece}", none holding a group.
    expect(checkpoints.chunks.size).toBe(40);
    for (const [key, r] of checkpoints.chunks) {
      expect(key).toMatch(/^a\d\/p\d\/c\d$/);
      expect(r.kind === 'long-run' && r.group).toBeUndefined();
    }
    expect(JSON.stringify(await withPool('wasm', 2, (p) => completedResult(p, config)))).toBe(one);
    expect(JSON.stringify(await withPool('wasm', 3, (p) => completedResult(p, config)))).toBe(one);
    expect(JSON.stringify(await withPool('js', 2, (p) => completedResult(p, config)))).toBe(one);
  });

  it('resume from a prefix of each path\'s pieces, on another worker count and group size, to the same bytes', async () => {
    const first = new MemoryCheckpoints();
    const clean = JSON.stringify(await withPool('wasm', 1, (p) => completedResult(p, config, first)));
    // What a run stopped part way left: path p kept its pieces 0 … (p mod 4) − 1 (path 0 none).
    const kept = [...first.chunks].filter(([key]) => {
      const [, path, piece] = /^a\d\/p(\d)\/c(\d)$/.exec(key)!.map(Number);
      return piece < path % 4;
    });
    expect(kept.length).toBeGreaterThan(0);
    const checkpoints = new MemoryCheckpoints(kept);
    const resumed = JSON.stringify(await withPool('wasm', 3, (p) => completedResult(p, config, checkpoints)));
    expect(resumed).toBe(clean);
    // Only the missing pieces ran.
    expect(checkpoints.saved.length).toBe(40 - kept.length);
  });
});
