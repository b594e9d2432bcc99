import type { LongRun2DConfig } from '../../../src-shared/model/config2d';
import type { ChunkJob, ChunkSource } from '../executor/chunkSource';
import type { KernelChunkResult, KernelTask } from '../tasks';
import type { LongRun2DChunkResult, LongRun2DState, LongRun2DTask } from '../kernels2d/tasks2d';
import { kernelParams2d, longRun2dKey, parseLongRun2dKey } from './params2d';

interface Cursor {
  arm: number;
  path: number;
  piece: number;
  n: number;
  state: LongRun2DState | null;
  running: boolean;
}

/**
 * Long 2-D paths cut into pieces, each continuing from the state the previous one returned (as
 * in 1-D): paths run in parallel, a path's pieces one after another, and the counts do not
 * depend on where the cuts fall.
 */
export class LongRun2DPlan implements ChunkSource {
  private readonly cursors: Cursor[] = [];
  private doneIterations = 0;

  constructor(
    private readonly config: LongRun2DConfig,
    completed: ReadonlyMap<string, unknown>,
    private readonly chunkIterations: number,
  ) {
    const pieces = new Map<string, { piece: number; result: LongRun2DChunkResult }[]>();
    for (const [key, result] of completed) {
      const k = parseLongRun2dKey(key);
      const r = result as LongRun2DChunkResult;
      if (!k || r?.kind !== 'long-run-2d') continue;
      const id = `${k.arm}/${k.path}`;
      pieces.set(id, [...(pieces.get(id) ?? []), { piece: k.piece, result: r }]);
    }
    config.arms.forEach((_, arm) => {
      for (let path = 0; path < config.paths; path++) {
        const cursor: Cursor = { arm, path, piece: 0, n: 0, state: null, running: false };
        const mine = (pieces.get(`${arm}/${path}`) ?? []).sort((p, q) => p.piece - q.piece);
        for (const p of mine) {
          if (p.piece !== cursor.piece) break;
          cursor.piece++;
          cursor.n = p.result.state.n;
          cursor.state = p.result.state;
          this.doneIterations += p.result.iterations;
        }
        this.cursors.push(cursor);
      }
    });
  }

  next(): ChunkJob | null {
    let best: Cursor | null = null;
    for (const c of this.cursors) {
      if (c.running || c.n >= this.config.iterations) continue;
      if (!best || c.n < best.n) best = c;
    }
    if (!best) return null;
    best.running = true;
    const c = this.config;
    const task: LongRun2DTask = {
      kind: 'long-run-2d',
      params: kernelParams2d(c, best.arm, c.eta),
      x0: [c.x0[0], c.x0[1]],
      seed: c.seed,
      arm: best.arm,
      path: best.path,
      // Whole multiples of thin keep each piece's trajectory on the global grid k % thin = 0.
      iterations: Math.min(Math.max(c.thin, Math.floor(this.chunkIterations / c.thin) * c.thin), c.iterations - best.n),
      bins: c.bins,
      thin: c.thin,
      epsilon: c.epsilon,
      state: best.state,
    };
    return { key: longRun2dKey(best.arm, best.path, best.piece), task: task as unknown as KernelTask };
  }

  complete(job: ChunkJob, result: KernelChunkResult): void {
    const t = job.task as unknown as LongRun2DTask;
    const r = result as unknown as LongRun2DChunkResult;
    if (t.kind !== 'long-run-2d' || r.kind !== 'long-run-2d') throw new Error('2-D long-run plan got a foreign chunk');
    const cursor = this.cursors[t.arm * this.config.paths + t.path];
    cursor.running = false;
    cursor.piece++;
    cursor.n = r.state.n;
    cursor.state = r.state;
    this.doneIterations += r.iterations;
  }

  finished(): boolean {
    return this.cursors.every((c) => c.n >= this.config.iterations);
  }

  work(): { done: number; total: number; estimated: boolean } {
    const c = this.config;
    return { done: this.doneIterations, total: c.arms.length * c.paths * c.iterations, estimated: false };
  }
}
