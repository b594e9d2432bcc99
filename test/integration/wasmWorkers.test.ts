import { afterEach, describe, expect, it } from 'vitest';
import { EnginePool } from '../../src-main/engine/executor/enginePool';
import { bundledWorker, completedResult, smallExitTime, smallLongRun } from './executorTestKit';
import type { ExperimentConfig } from '../../src-shared/model/config';

/**
 * The worker threads (out/node/worker.js with out/node/kernels.wasm beside it) under
 * LAB_KERNELS=js and LAB_KERNELS=wasm store the same bytes, for runs cut into many chunks (long
 * paths resumed from their state at every chunk). Worker threads copy the environment when they
 * start, so each pool runs with the variable set and is closed before it changes.
 */
const saved = process.env.LAB_KERNELS;
afterEach(() => {
  if (saved === undefined) delete process.env.LAB_KERNELS;
  else process.env.LAB_KERNELS = saved;
});

async function resultWith(kernels: 'js' | 'wasm', config: ExperimentConfig, chunkIterations: number): Promise<string> {
  process.env.LAB_KERNELS = kernels;
  const pool = new EnginePool({ workers: 2, workerUrl: bundledWorker, chunkIterations });
  try {
    return JSON.stringify(await completedResult(pool, config));
  } finally {
    await pool.close();
  }
}

describe('worker threads on the WebAssembly kernels', () => {
  it('store the JavaScript kernels\' bytes for exit-time', async () => {
    const config = smallExitTime();
    expect(await resultWith('wasm', config, 20_000)).toBe(await resultWith('js', config, 20_000));
  });

  it('store the JavaScript kernels\' bytes for long paths cut into chunks', async () => {
    const config = smallLongRun();
    expect(await resultWith('wasm', config, 70_000)).toBe(await resultWith('js', config, 70_000));
  });
});
