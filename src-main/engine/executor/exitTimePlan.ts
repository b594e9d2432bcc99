import type { ExitTimeConfig } from '../../../src-shared/model/config';
import { fieldIndexOf, fields } from '../../../src-shared/model/landscape';
import type { ExitTimeTask, KernelChunkResult } from '../tasks';
import type { ChunkJob, ChunkSource } from './chunkSource';
import { exitTimeKey, parseChunkKey } from './chunkKeys';
import { kernelParams } from './kernelParams';
import { estimateMeanExit, type MeanExitPrediction } from './exitTimeEstimate';

const FREE = 0;
const CLAIMED = 1;
const DONE = 2;

/** The samples of one (arm, η): which are free, running or done, and the σ seen so far. */
interface Group {
  arm: number;
  etaIndex: number;
  state: Uint8Array;
  /** First sample that may still be free; samples are claimed from the front. */
  cursor: number;
  free: number;
  doneCount: number;
  /** Σσ over done samples (censored ones at maxIterations). */
  doneSigma: number;
  completedChunks: number;
}

export interface ExitTimePlanOptions {
  /** Iterations a chunk should hold (about a second of work). */
  chunkIterations: number;
  /** Workers the run may use; the tail of a group is split so they all stay busy. */
  parallelism: number;
  prediction?: MeanExitPrediction;
  /** See PlanOptions.firstChunkFromTheory. */
  firstChunkFromTheory?: boolean;
}

/**
 * Exit-time samples cut into runs of consecutive sample indices. Every sample has its own
 * random stream keyed by its index, so how the samples are cut never changes a number; the cut
 * is chosen on the fly to make chunks of about `chunkIterations` iterations from the mean σ
 * seen so far in the group (the theory's or an extrapolated guess before that). A group's chunk
 * size at most doubles per finished chunk, so one lucky early sample cannot make a chunk of hours.
 */
export class ExitTimePlan implements ChunkSource {
  private readonly groups: Group[] = [];
  private readonly left: number;
  private readonly right: number;
  private doneIterations = 0;

  constructor(
    private readonly config: ExitTimeConfig,
    completed: ReadonlyMap<string, KernelChunkResult>,
    private readonly options: ExitTimePlanOptions,
  ) {
    if (!(options.chunkIterations >= 1)) throw new Error(`chunkIterations must be ≥ 1, got ${options.chunkIterations}`);
    const field = fields(config.landscape)[fieldIndexOf(config.landscape, config.x0) - 1];
    if (!field) throw new Error(`x0 = ${config.x0} is not inside an attraction field`);
    this.left = field.left;
    this.right = field.right;
    // η-major order: the large, fast η finish first and the partial results fill in from there.
    config.etas.forEach((_, etaIndex) =>
      config.arms.forEach((__, arm) =>
        this.groups.push({
          arm,
          etaIndex,
          state: new Uint8Array(config.samples),
          cursor: 0,
          free: config.samples,
          doneCount: 0,
          doneSigma: 0,
          completedChunks: 0,
        }),
      ),
    );
    for (const [key, result] of completed) {
      const k = parseChunkKey(key);
      if (k?.kind !== 'exit-time' || result.kind !== 'exit-time') continue;
      const group = this.group(k.arm, k.etaIndex);
      if (!group || result.exitTimes.length !== k.sampleCount) continue;
      this.record(group, k.sampleStart, result.exitTimes);
      this.doneIterations += result.iterations;
    }
  }

  next(): ChunkJob | null {
    for (const g of this.groups) {
      if (g.free === 0) continue;
      while (g.state[g.cursor] !== FREE) g.cursor++;
      let end = g.cursor;
      const limit = g.cursor + this.chunkSamples(g);
      while (end < limit && end < g.state.length && g.state[end] === FREE) end++;
      const start = g.cursor;
      g.state.fill(CLAIMED, start, end);
      g.free -= end - start;
      g.cursor = end;
      return { key: exitTimeKey(g.arm, g.etaIndex, start, end - start), task: this.task(g, start, end - start) };
    }
    return null;
  }

  complete(job: ChunkJob, result: KernelChunkResult): void {
    if (job.task.kind !== 'exit-time' || result.kind !== 'exit-time') throw new Error('exit-time plan got a foreign chunk');
    const g = this.group(job.task.arm, job.task.etaIndex);
    if (!g) throw new Error(`no group for chunk ${job.key}`);
    this.record(g, job.task.sampleStart, result.exitTimes);
    this.doneIterations += result.iterations;
  }

  finished(): boolean {
    return this.groups.every((g) => g.doneCount === this.config.samples);
  }

  work(): { done: number; total: number; estimated: boolean } {
    let remaining = 0;
    for (const g of this.groups) {
      const left = this.config.samples - g.doneCount;
      if (left > 0) remaining += left * this.meanExit(g);
    }
    return { done: this.doneIterations, total: this.doneIterations + remaining, estimated: remaining > 0 };
  }

  private group(arm: number, etaIndex: number): Group | undefined {
    return this.groups[etaIndex * this.config.arms.length + arm];
  }

  private record(g: Group, start: number, sigmas: readonly number[]): void {
    sigmas.forEach((sigma, k) => {
      const s = start + k;
      if (s >= g.state.length || g.state[s] === DONE) return;
      if (g.state[s] === FREE) g.free--;
      g.state[s] = DONE;
      g.doneCount++;
      g.doneSigma += sigma;
    });
    g.completedChunks++;
  }

  private meanExit(g: Group): number {
    return estimateMeanExit(this.config, g.arm, g.etaIndex, (arm, e) => {
      const h = this.group(arm, e);
      return h && h.doneCount > 0 ? h.doneSigma / h.doneCount : null;
    }, this.options.prediction);
  }

  /** Samples for the group's next chunk: ~chunkIterations of work, growing at most 2× per finished chunk. */
  private chunkSamples(g: Group): number {
    const byWork = Math.floor(this.options.chunkIterations / Math.max(1, this.meanExit(g)));
    const byGrowth = Math.max(2 ** Math.min(30, g.completedChunks), this.theoryStart(g));
    const bySpread = Math.ceil(g.free / Math.max(1, this.options.parallelism));
    return Math.max(1, Math.min(byWork, byGrowth, bySpread));
  }

  /**
   * The growth rule's floor: 1, or with firstChunkFromTheory a quarter of a chunk's work by the
   * theory's mean exit time. Unlike a mean from a few samples, the theory's is not made small by
   * one lucky early sample, and the quarter leaves room for it to be off.
   */
  private theoryStart(g: Group): number {
    if (!this.options.firstChunkFromTheory) return 1;
    const predicted = this.options.prediction?.(g.arm, g.etaIndex) ?? null;
    return predicted !== null && predicted > 0 ? Math.floor(this.options.chunkIterations / predicted / 4) : 1;
  }

  private task(g: Group, sampleStart: number, sampleCount: number): ExitTimeTask {
    const c = this.config;
    return {
      kind: 'exit-time',
      params: kernelParams(c, g.arm, c.etas[g.etaIndex]),
      x0: c.x0,
      left: this.left,
      right: this.right,
      maxIterations: c.maxIterations,
      seed: c.seed,
      arm: g.arm,
      etaIndex: g.etaIndex,
      sampleStart,
      sampleCount,
    };
  }
}
