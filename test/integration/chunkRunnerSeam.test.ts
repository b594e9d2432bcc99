import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { LabService } from '../../src-main/lab';
import type { ChunkRunner, ChunkRunOptions } from '../../src-main/engine/chunkRunner';
import { LocalChunkRunner } from '../../src-main/engine/localChunkRunner';
import { decodeChunkResult, decodeTask, encodeChunkResult, encodeTask } from '../../src-main/engine/taskCodec';
import type { KernelChunkResult, KernelTask } from '../../src-main/engine/tasks';
import type { RunRecord } from '../../src-shared/api';
import { bundledWorker } from './executorTestKit';
import { exitTimeConfig, longRunConfig, scratch, waitFor } from './cliHarness';

/**
 * A runner as a remote one would be: every task and result crosses as JSON text through the task
 * codec, on real worker threads, with its own capacity. It records the tasks it saw.
 */
class TextRunner implements ChunkRunner {
  readonly capacity = 3;
  readonly seen: string[] = [];
  private readonly threads = new LocalChunkRunner({ workers: 2, workerUrl: bundledWorker });

  async run(task: KernelTask, options: ChunkRunOptions): Promise<KernelChunkResult | null> {
    const text = encodeTask(task);
    this.seen.push(text);
    const result = await this.threads.run(decodeTask(text), options);
    return result === null ? null : decodeChunkResult(encodeChunkResult(result));
  }

  close(): Promise<void> {
    return this.threads.close();
  }
}

const tmp = scratch('chunk-runner-');
afterAll(() => tmp.cleanup());
const open: LabService[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function finished(lab: LabService, config: Record<string, unknown>): Promise<RunRecord> {
  const { id } = await lab.startRun(config);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const run = await lab.getRun(id);
    if (!['queued', 'running'].includes(run.status) || Date.now() > deadline) return run;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the chunk-runner seam', () => {
  it.each([
    ['exit-time, starting in the unbounded field Ω₁', exitTimeConfig({ x0: -1.51, etas: [0.1, 0.05], samples: 8 })],
    ['long-run', longRunConfig()],
  ])('an injected runner that moves chunks as JSON gives the local runner’s numbers: %s', async (_name, config) => {
    const runner = new TextRunner();
    const remote = new LabService({ dbPath: tmp.path(`remote-${_name.length}.db`), runner, chunkIterations: 40_000 });
    const local = new LabService({ dbPath: tmp.path(`local-${_name.length}.db`), workers: 2, workerUrl: bundledWorker });
    open.push(remote, local);
    const [a, b] = await Promise.all([finished(remote, config), finished(local, config)]);
    expect(a.status).toBe('completed');
    expect(runner.seen.length).toBeGreaterThan(1);
    expect(a.result).toEqual(b.result);
  });

  it('cancel reaches chunks in flight through the signal, and they come back empty', async () => {
    const runner = new LocalChunkRunner({ workers: 1, workerUrl: bundledWorker });
    try {
      const abort = new AbortController();
      const progress: number[] = [];
      const task = decodeTask(
        encodeTask({
          kind: 'long-run',
          params: { criticalPoints: [-1, 0, 1], L: 2, gradientScale: 1, noise: { family: 'gaussian', sigma: 1 }, clip: null, eta: 0.01 },
          x0: 0.5, seed: 1, arm: 0, path: 0, iterations: 2e10, bins: 10, thin: 1e9, epsilon: 0.05, state: null,
        }),
      );
      const pending = runner.run(task, { signal: abort.signal, onProgress: (n) => progress.push(n) });
      await waitFor(() => progress.length > 0, 'progress from the chunk', 20_000);
      abort.abort();
      expect(await pending).toBeNull();
      expect(progress.every((n, k) => k === 0 || n > progress[k - 1])).toBe(true);
    } finally {
      await runner.close();
    }
  });

  it('closing the service closes an injected runner even when no run ever used it', async () => {
    const runner = new TextRunner();
    let closed = false;
    const close = runner.close.bind(runner);
    runner.close = async () => {
      closed = true;
      await close();
    };
    const lab = new LabService({ dbPath: tmp.path('unused-runner.db'), runner });
    await lab.listRuns();
    await lab.close();
    expect(closed).toBe(true);
  });
});
