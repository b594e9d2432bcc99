import type { LongRun2DConfig } from '../../../src-shared/model/config2d';
import type { ChunkJob, ChunkSource } from '../executor/chunkSource';
import { PieceChains, type DonePiece } from '../executor/pieceChains';
import type { KernelChunkResult, KernelTask } from '../tasks';
import type { LongRun2DChunkResult, LongRun2DState, LongRun2DTask } from '../kernels2d/tasks2d';
import { kernelParams2d, longRun2dKey, parseLongRun2dKey } from './params2d';

/**
 * Long 2-D paths cut into pieces, chained as in 1-D (pieceChains.ts): the counts do not depend
 * on where the cuts fall.
 */
export class LongRun2DPlan implements ChunkSource {
  private readonly chains: PieceChains<LongRun2DState>;

  constructor(
    private readonly config: LongRun2DConfig,
    completed: ReadonlyMap<string, unknown>,
    private readonly chunkIterations: number,
  ) {
    const pieces: DonePiece<LongRun2DState>[] = [];
    for (const [key, result] of completed) {
      const k = parseLongRun2dKey(key);
      const r = result as LongRun2DChunkResult;
      if (!k || r?.kind !== 'long-run-2d') continue;
      pieces.push({ arm: k.arm, path: k.path, piece: k.piece, iterations: r.iterations, state: r.state });
    }
    this.chains = new PieceChains(config.arms.length, config.paths, config.iterations, pieces, longRun2dKey);
  }

  next(): ChunkJob | null {
    const best = this.chains.take();
    if (!best) return null;
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
    this.chains.complete(t.arm, t.path, r.iterations, r.state);
  }

  finished(): boolean {
    return this.chains.finished();
  }

  work(): { done: number; total: number; estimated: boolean } {
    return this.chains.work();
  }
}
