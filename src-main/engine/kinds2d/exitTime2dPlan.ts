import type { ExitTime2DConfig } from '../../../src-shared/model/config2d';
import type { ChunkJob, ChunkSource } from '../executor/chunkSource';
import type { KernelChunkResult, KernelTask } from '../tasks';
import type { ExitTime2DChunkResult, ExitTime2DTask } from '../kernels2d/tasks2d';
import type { Noise } from '../../../src-shared/model/noise';
import { estimateMeanExit, type ExitTimeShape } from '../executor/exitTimeEstimate';
import { exitTime2dKey, kernelParams2d } from './params2d';

/**
 * Samples a chunk holds. Fixed, so a resumed run plans exactly the chunks that are missing; each
 * sample draws from its own stream, so the numbers never depend on it.
 */
export const SAMPLES_PER_CHUNK_2D = 16;

/** The 1-D law of a 2-D noise's coordinates (isotropic Pareto: its radius's), for the estimate's growth exponent. */
const lineNoise = (n: ExitTime2DConfig['arms'][number]['noise']): Noise =>
  n.family === 'pareto' ? { family: 'pareto', alpha: n.alpha, scale: n.scale, pPlus: 0.5 } : n;

/** 2-D exit-time samples in fixed blocks per (η, arm), η-major so the fast, large η finish first. */
export class ExitTime2DPlan implements ChunkSource {
  private readonly pending: ChunkJob[] = [];
  private running = 0;
  private doneIterations = 0;
  /** Per (η, arm), η-major: samples done and the sum of their σ, for the estimate of what is left. */
  private readonly doneCount: number[];
  private readonly doneSigma: number[];

  constructor(private readonly config: ExitTime2DConfig, completed: ReadonlyMap<string, unknown>) {
    const c = config;
    this.doneCount = new Array<number>(c.arms.length * c.etas.length).fill(0);
    this.doneSigma = new Array<number>(c.arms.length * c.etas.length).fill(0);
    c.etas.forEach((eta, etaIndex) =>
      c.arms.forEach((_, arm) => {
        for (let first = 0; first < c.samples; first += SAMPLES_PER_CHUNK_2D) {
          const count = Math.min(SAMPLES_PER_CHUNK_2D, c.samples - first);
          const key = exitTime2dKey(arm, etaIndex, first, count);
          const done = completed.get(key) as ExitTime2DChunkResult | undefined;
          if (done?.kind === 'exit-time-2d') {
            this.record(arm, etaIndex, done);
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
    const task = job.task as unknown as ExitTime2DTask;
    this.record(task.arm, task.etaIndex, r);
  }

  finished(): boolean {
    return this.pending.length === 0 && this.running === 0;
  }

  /**
   * What is left, per (η, arm), at the mean σ measured there (or guessed from its neighbours, as on
   * the line): one average over all arms let a fast arm's samples promise that a slow one, e.g.
   * Gaussian noise near its cap, was nearly done.
   */
  work(): { done: number; total: number; estimated: boolean } {
    const c = this.config;
    const shape: ExitTimeShape = { maxIterations: c.maxIterations, etas: c.etas, arms: c.arms.map((a) => ({ noise: lineNoise(a.noise) })) };
    const measured = (arm: number, etaIndex: number): number | null => {
      const g = etaIndex * c.arms.length + arm;
      return this.doneCount[g] > 0 ? this.doneSigma[g] / this.doneCount[g] : null;
    };
    let remaining = 0;
    c.etas.forEach((_, etaIndex) =>
      c.arms.forEach((__, arm) => {
        const left = c.samples - this.doneCount[etaIndex * c.arms.length + arm];
        if (left > 0) remaining += left * estimateMeanExit(shape, arm, etaIndex, measured);
      }),
    );
    return { done: this.doneIterations, total: this.doneIterations + Math.round(remaining), estimated: remaining > 0 };
  }

  private record(arm: number, etaIndex: number, r: ExitTime2DChunkResult): void {
    const g = etaIndex * this.config.arms.length + arm;
    this.doneCount[g] += r.exitTimes.length;
    for (const sigma of r.exitTimes) this.doneSigma[g] += sigma;
    this.doneIterations += r.iterations;
  }
}
