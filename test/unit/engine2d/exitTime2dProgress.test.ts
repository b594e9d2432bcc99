import { describe, expect, it } from 'vitest';
import { ExitTime2DPlan, SAMPLES_PER_CHUNK_2D } from '../../../src-main/engine/kinds2d/exitTime2dPlan';
import type { ExitTime2DChunkResult } from '../../../src-main/engine/kernels2d/tasks2d';
import type { KernelChunkResult } from '../../../src-main/engine/tasks';
import type { ExitTime2DConfig } from '../../../src-shared/model/config2d';

const config: ExitTime2DConfig = {
  kind: 'exit-time-2d',
  name: 'progress',
  landscape: { dimension: 2, preset: 'wide-and-sharp' },
  x0: [-0.8, -0.2],
  seed: 1,
  arms: [
    { label: 'fast', noise: { family: 'pareto', alpha: 1.2, scale: 1, direction: 'isotropic' }, clip: null },
    { label: 'slow', noise: { family: 'gaussian', sigma: 0.5 }, clip: null },
  ],
  etas: [0.01],
  samples: 2 * SAMPLES_PER_CHUNK_2D,
  maxIterations: 1e8,
};

/** A chunk whose samples all took σ iterations. */
function chunk(count: number, sigma: number): KernelChunkResult {
  const r: ExitTime2DChunkResult = {
    kind: 'exit-time-2d',
    home: 1,
    exitTimes: new Array<number>(count).fill(sigma),
    exitTo: new Array<number>(count).fill(2),
    iterations: count * sigma,
  };
  return r as unknown as KernelChunkResult;
}

describe('progress of a 2-D exit-time run', () => {
  it("estimates what is left per arm: a fast arm's finished samples do not make a slow arm look nearly done", () => {
    const plan = new ExitTime2DPlan(config, new Map());
    const jobs = [plan.next(), plan.next(), plan.next()];
    // Chunk order: arm 0 first block, arm 0 second, arm 1 first (η-major, then arm, then samples).
    const [fast1, fast2, slow1] = jobs.map((j) => j!);
    expect((fast1.task as unknown as { arm: number }).arm).toBe(0);
    expect((slow1.task as unknown as { arm: number }).arm).toBe(1);
    plan.complete(fast1, chunk(SAMPLES_PER_CHUNK_2D, 10));
    plan.complete(fast2, chunk(SAMPLES_PER_CHUNK_2D, 10));
    plan.complete(slow1, chunk(SAMPLES_PER_CHUNK_2D, 1e6));
    const work = plan.work();
    expect(work.done).toBe(2 * SAMPLES_PER_CHUNK_2D * 10 + SAMPLES_PER_CHUNK_2D * 1e6);
    // The slow arm's 16 samples left, at its own mean of 1e6 each.
    expect(work.total - work.done).toBe(SAMPLES_PER_CHUNK_2D * 1e6);
    expect(work.estimated).toBe(true);
  });

  it('guesses an arm with no sample yet from its noise, capped at maxIterations, and ends at exactly what ran', () => {
    const plan = new ExitTime2DPlan({ ...config, maxIterations: 5000 }, new Map());
    const first = plan.next()!;
    plan.complete(first, chunk(SAMPLES_PER_CHUNK_2D, 10));
    const early = plan.work();
    // Left: 16 fast samples at 10, and 32 Gaussian samples at (1/η)² = 1e4, capped at 5000.
    expect(early.total - early.done).toBe(16 * 10 + 32 * 5000);
    const rest = [plan.next()!, plan.next()!, plan.next()!];
    rest.forEach((job, k) => plan.complete(job, chunk(SAMPLES_PER_CHUNK_2D, k === 0 ? 10 : 5000)));
    expect(plan.finished()).toBe(true);
    expect(plan.work()).toEqual({ done: 32 * 10 + 32 * 5000, total: 32 * 10 + 32 * 5000, estimated: false });
  });
});
