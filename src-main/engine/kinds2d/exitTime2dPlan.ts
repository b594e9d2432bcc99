import type { ExitTime2DConfig } from '../../../src-shared/model/config2d';
import type { ChunkJob, ChunkSource } from '../executor/chunkSource';
import type { KernelChunkResult, KernelTask } from '../tasks';
import type { ExitTime2DChunkResult, ExitTime2DTask } from '../kernels2d/tasks2d';
import { exitTime2dKey, kernelParams2d } from './params2d';

/**
 * Samples a chunk holds. Fixed, so a resumed run plans exactly the chunks that are missing; each
 * sample draws from its own stream, so the numbers never depend on it.
 */
export const SAMPLES_PER_CHUNK_2D = 16;

/** 2-D exit-time samples in fixed blocks per (η, arm), η-major so the fast, large η finish first. */
export class ExitTime2DPlan implements ChunkSource {
  private readonly pending: ChunkJob[] = [];
  private readonly total: number;
  private running = 0;
  private doneSamples = 0;
  private doneIterations = 0;

  constructor(private readonly config: ExitTime2DConfig, completed: ReadonlyMap<string, unknown>) {
    const c = config;
    this.total = c.arms.length * c.etas.length * c.samples;
    c.etas.forEach((eta, etaIndex) =>
      c.arms.forEach((_, arm) => {
        for (let first = 0; first < c.samples; first += SAMPLES_PER_CHUNK_2D) {
          const count = Math.min(SAMPLES_PER_CHUNK_2D, c.samples - first);
          const key = exitTime2dKey(arm, etaIndex, first, count);
          const done = completed.get(key) as ExitTime2DChunkResult | undefined;
          if (done?.kind === 'exit-time-2d') {
            this.doneSamples += count;
            this.doneIterations += done.iterations;
            continue;
          }
          const task: ExitTime2DTask = {
            kind: 'exit-time-2d',
            params: kernelParams2d(c, arm, eta),
            x0: [c.x0[0], c.x0[1]],
            maxIterations: c.maxIterations,
            seed: c.seed,
            arm,
            etaIndex,
            sampleStart: first,
            sampleCount: count,
          };
          this.pending.push({ key, task: task as unknown as KernelTask });
        }
      }),
    );
    this.pending.reverse();
  }

  next(): ChunkJob | null {
    const job = this.pending.pop() ?? null;
    if (job) this.running++;
    return job;
  }

  complete(job: ChunkJob, result: KernelChunkResult): void {
    const r = result as unknown as ExitTime2DChunkResult;
    if (r.kind !== 'exit-time-2d') throw new Error('2-D exit-time plan got a foreign chunk');
    this.running--;
    this.doneSamples += r.exitTimes.length;
    this.doneIterations += r.iterations;
  }

  finished(): boolean {
    return this.pending.length === 0 && this.running === 0;
  }

  work(): { done: number; total: number; estimated: boolean } {
    // Iterations per sample as seen so far; until one is done, the samples themselves.
    const perSample = this.doneSamples > 0 ? this.doneIterations / this.doneSamples : 1;
    return { done: this.doneIterations, total: Math.max(this.doneIterations, Math.round(perSample * this.total)), estimated: this.doneSamples < this.total };
  }
}
