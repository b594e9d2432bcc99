import { availableParallelism } from 'node:os';
import type { ExperimentConfig } from '../../../src-shared/model/config';
import { expandConfig } from '../../../src-shared/model/expandConfig';
import type { ChunkCheckpoints } from '../runExecutor.types';
import { EnginePool } from '../executor/enginePool';
import figures15 from '../../../resources/presets/figures-1-5-long-run.json';

export interface PoolBenchResult {
  /** Wall time of a CPU-bound run on 1 worker divided by the same run on 2 workers. */
  speedup2over1: number;
  /** Wall time of the full Figure 1 preset (4 arms × 20 paths × 3,000,000) on every worker. */
  figure1WallSeconds: number;
  /** Workers used for Figure 1. */
  workers: number;
}

export interface PoolBenchOptions {
  /** The worker entry; default the bundled worker next to the running bundle. */
  workerUrl?: URL | string;
  /** Workers for the Figure 1 run; default os.availableParallelism(). */
  workers?: number;
  /** Iterations per path of the speedup run (4 paths); default 20,000,000 (a few seconds on one worker). */
  speedupIterations?: number;
  /** Iterations per path of Figure 1; default the preset's 3,000,000 (smaller only for smoke tests). */
  figure1Iterations?: number;
}

const heavy = { family: 'pareto', alpha: 1.2, scale: 0.1 } as const;

/** The Figures 1 and 5 preset (resources/presets), optionally with shorter paths for smoke tests. */
function figure1Config(iterations = 3_000_000): ExperimentConfig {
  return expandConfig({ ...figures15, iterations });
}

/** Four equal heavy-tailed paths: CPU-bound, no I/O, splits evenly over 1 or 2 workers. */
function speedupConfig(iterations: number): ExperimentConfig {
  return expandConfig({
    kind: 'long-run',
    landscape: { preset: 'paper' },
    x0: 0.3,
    eta: 0.001,
    paths: 4,
    iterations,
    arms: [{ label: 'heavy, no clip', noise: heavy, clip: null }],
  });
}

/** Checkpoints that keep nothing: the bench measures the engine, not a store. */
const discard: ChunkCheckpoints = { completed: () => new Map(), save: () => {}, cancelRequested: () => false };

/**
 * Seconds for one run on a pool of `workers`, measured after a warm-up chunk so thread start-up
 * and the kernels' JIT are not in the number.
 */
async function wallSeconds(config: ExperimentConfig, workers: number, workerUrl?: URL | string): Promise<number> {
  const pool = new EnginePool({ workers, workerUrl });
  try {
    const warmUp = speedupConfig(50_000);
    await Promise.all(Array.from({ length: workers }, (_, k) => pool.execute({ runId: -1 - k, config: warmUp, checkpoints: discard }).done));
    const start = performance.now();
    const outcome = await pool.execute({ runId: 1, config, checkpoints: discard }).done;
    if (outcome.status !== 'completed') throw new Error(`bench run ended ${outcome.status}`);
    return (performance.now() - start) / 1000;
  } finally {
    await pool.close();
  }
}

/**
 * `lab bench`'s pool numbers: the speedup of 2 workers over 1 on a CPU-bound run (the target is
 * ≥ 1.8 on a 2-core machine) and the wall time of the Figure 1 preset on every worker.
 * Timings are as noisy as the machine is busy.
 */
export async function benchPool(options: PoolBenchOptions = {}): Promise<PoolBenchResult> {
  const workers = options.workers ?? availableParallelism();
  const cpuBound = speedupConfig(options.speedupIterations ?? 20_000_000);
  const one = await wallSeconds(cpuBound, 1, options.workerUrl);
  const two = await wallSeconds(cpuBound, 2, options.workerUrl);
  const figure1WallSeconds = await wallSeconds(figure1Config(options.figure1Iterations), workers, options.workerUrl);
  return { speedup2over1: one / two, figure1WallSeconds, workers };
}
