import { fileURLToPath } from 'node:url';
import { expandConfig } from '../../src-shared/model/expandConfig';
import type { ExperimentConfig } from '../../src-shared/model/config';
import type { ChunkCheckpoints, RunOutcome } from '../../src-main/engine/runExecutor.types';
import type { KernelChunkResult } from '../../src-main/engine/tasks';
import type { EnginePool } from '../../src-main/engine/executor/enginePool';
import type { RunResult } from '../../src-shared/model/results';

/** The real bundled worker (test/globalSetup.ts builds it with scripts/build-node.mjs). */
export const bundledWorker = new URL('../../out/node/worker.js', import.meta.url);
/** The bundled worker wrapped with test-only faults (see poolFaultWorker.mjs). */
export const faultWorker = fileURLToPath(new URL('./poolFaultWorker.mjs', import.meta.url));

/** Seeds poolFaultWorker.mjs reacts to. */
export const THROWING_SEED = 13013;
export const EXITING_SEED = 13014;

/** An in-memory ChunkCheckpoints that records every commit and can be told a cancel was requested. */
export class MemoryCheckpoints implements ChunkCheckpoints {
  readonly chunks = new Map<string, KernelChunkResult>();
  readonly saved: string[] = [];
  cancel = false;
  onSave: (key: string) => void = () => {};

  constructor(initial?: Iterable<[string, KernelChunkResult]>) {
    if (initial) for (const [k, v] of initial) this.chunks.set(k, v);
  }

  completed(): Map<string, KernelChunkResult> {
    return new Map(this.chunks);
  }

  save(_runId: number, key: string, result: KernelChunkResult): void {
    this.chunks.set(key, result);
    this.saved.push(key);
    this.onSave(key);
  }

  cancelRequested(): boolean {
    return this.cancel;
  }
}

export async function completedResult(pool: EnginePool, config: ExperimentConfig, checkpoints = new MemoryCheckpoints(), runId = 1): Promise<RunResult> {
  const outcome = await pool.execute({ runId, config, checkpoints }).done;
  return expectCompleted(outcome);
}

export function expectCompleted(outcome: RunOutcome): RunResult {
  if (outcome.status !== 'completed') throw new Error(`run ended ${JSON.stringify(outcome)}`);
  return outcome.result;
}

const pareto = { family: 'pareto', alpha: 1.2, scale: 0.1 } as const;
const gaussian = { family: 'gaussian', sigma: 1 } as const;

/** A small exit-time run on the paper landscape (Ω2, x0 = −0.7): cheap, many chunks. */
export function smallExitTime(overrides: Record<string, unknown> = {}): ExperimentConfig {
  return expandConfig({
    kind: 'exit-time',
    landscape: { preset: 'paper' },
    x0: -0.7,
    seed: 7,
    arms: [
      { label: 'clipped b=0.5', noise: pareto, clip: 0.5 },
      { label: 'no clipping', noise: pareto, clip: null },
    ],
    etas: [0.1, 0.03],
    samples: 40,
    ...overrides,
  });
}

/** A small long run on the paper landscape: 2 arms × 3 paths. */
export function smallLongRun(overrides: Record<string, unknown> = {}): ExperimentConfig {
  return expandConfig({
    kind: 'long-run',
    landscape: { preset: 'paper' },
    x0: 0.3,
    seed: 3,
    eta: 0.001,
    paths: 3,
    iterations: 300_000,
    thin: 1000,
    arms: [
      { label: 'heavy, no clip', noise: pareto, clip: null },
      { label: 'light, b=0.5', noise: gaussian, clip: 0.5 },
    ],
    ...overrides,
  });
}
