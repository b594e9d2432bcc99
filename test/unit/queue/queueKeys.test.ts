import { describe, expect, it } from 'vitest';
import { chunkJobId, QUEUE_NAME } from '../../../src-main/queue/queueKeys';
import { ENGINE_VERSION } from '../../../src-main/engine/taskCodec';
import type { ExitTimeTask, LongRunTask } from '../../../src-main/engine/tasks';

const params = { criticalPoints: [-1, 0, 1], L: 2, gradientScale: 1, noise: { family: 'gaussian' as const, sigma: 1 }, clip: null, eta: 0.1 };
const exitTask: ExitTimeTask = { kind: 'exit-time', params, x0: -1, left: -Infinity, right: 0, maxIterations: 1000, seed: 1, arm: 0, etaIndex: 2, sampleStart: 40, sampleCount: 20 };
const longTask = (n: number | null, iterations: number): LongRunTask => ({
  kind: 'long-run', params, x0: 0.5, seed: 1, arm: 1, path: 3, iterations, bins: 10, thin: 10, epsilon: 0.05,
  state: n === null ? null : { x: 0.1, n, rng: [1, 2, 3, 4], lastMinimum: 0, enteredAt: 0 },
});

describe('queue names and job ids', () => {
  it('one queue per engine version', () => {
    expect(QUEUE_NAME).toBe(`lab-chunks-v${ENGINE_VERSION}`);
  });

  it('a job id names the run, the chunk and its range, without the colon BullMQ forbids', () => {
    const run = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(chunkJobId(run, 'a0/e2/s40-59', exitTask)).toBe(`${run}.a0.e2.s40-59.m1000`);
    expect(chunkJobId(run, 'a1/p3/c0', longTask(null, 500))).toBe(`${run}.a1.p3.c0.n0-500`);
    expect(chunkJobId(run, 'a1/p3/c7', longTask(3500, 500))).toBe(`${run}.a1.p3.c7.n3500-4000`);
    for (const id of [chunkJobId(run, 'a0/e2/s40-59', exitTask), chunkJobId(run, 'a1/p3/c7', longTask(3500, 500))]) expect(id).not.toContain(':');
  });

  it('different work never shares an id: another run, another range, another cut of the path', () => {
    const ids = new Set([
      chunkJobId('r1', 'a1/p3/c1', longTask(500, 500)),
      chunkJobId('r2', 'a1/p3/c1', longTask(500, 500)),
      chunkJobId('r1', 'a1/p3/c1', longTask(1000, 1000)),
      chunkJobId('r1', 'a0/e2/s40-59', exitTask),
      chunkJobId('r1', 'a0/e2/s40-59', { ...exitTask, maxIterations: 2000 }),
      // A group of paths in one chunk: its other paths and where they start are part of the work.
      chunkJobId('r1', 'a1/p3/c1', { ...longTask(500, 500), group: [{ path: 4, state: null }] }),
      chunkJobId('r1', 'a1/p3/c1', { ...longTask(500, 500), group: [{ path: 5, state: null }] }),
      chunkJobId('r1', 'a1/p3/c1', { ...longTask(500, 500), group: [{ path: 4, state: longTask(500, 500).state }] }),
    ]);
    expect(ids.size).toBe(8);
    expect(chunkJobId('r1', 'a1/p3/c1', { ...longTask(500, 500), group: [{ path: 4, state: null }, { path: 6, state: longTask(700, 1).state }] }))
      .toBe('r1.a1.p3.c1.n500-1000.p4n0.p6n700');
  });
});
