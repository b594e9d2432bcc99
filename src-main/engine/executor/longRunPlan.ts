import type { LongRunConfig } from '../../../src-shared/model/config';
import type { KernelChunkResult, LongRunState, LongRunTask } from '../tasks';
import type { ChunkJob, ChunkSource } from './chunkSource';
import { longRunKey, parseChunkKey } from './chunkKeys';
import { kernelParams } from './kernelParams';
import { PieceChains, type DonePiece } from './pieceChains';
import { splitGroup } from './longRunGroups';

/**
 * Long paths cut into pieces of at most `chunkIterations` iterations, chained as in
 * pieceChains.ts. Every accumulator a piece returns is an integer count and the
 * trajectory is indexed by the global iteration, so the result does not depend on where the
 * cuts fall; a resumed run may even cut the rest of a path differently.
 */
export class LongRunPlan implements ChunkSource {
  private readonly chains: PieceChains<LongRunState>;

  constructor(
    private readonly config: LongRunConfig,
    completed: ReadonlyMap<string, KernelChunkResult>,
    private readonly chunkIterations: number,
    /** Paths per chunk (1, 2 or 4; see longRunGroupSize): a group's paths share one task. */
    private readonly groupSize = 1,
  ) {
    if (!(chunkIterations >= 1)) throw new Error(`chunkIterations must be ≥ 1, got ${chunkIterations}`);
    this.chains = new PieceChains(config.arms.length, config.paths, config.iterations, resumedPieces(completed), longRunKey);
  }

  next(): ChunkJob | null {
    const best = this.chains.take();
    if (!best) return null;
    const c = this.config;
    const iterations = Math.min(this.chunkIterations, c.iterations - best.n);
    const group = this.chains.takeMates(best, this.groupSize, (m) => Math.min(this.chunkIterations, c.iterations - m.n) === iterations);
    const task: LongRunTask = {
      kind: 'long-run',
      params: kernelParams(c, best.arm, c.eta),
      x0: c.x0,
      seed: c.seed,
      arm: best.arm,
      path: best.path,
      iterations,
      bins: c.bins,
      thin: c.thin,
      epsilon: c.epsilon,
      state: best.state,
    };
    const key = longRunKey(best.arm, best.path, best.piece);
    if (group.length === 0) return { key, task };
    task.group = group.map((m) => ({ path: m.path, state: m.state }));
    const keys = [key, ...group.map((m) => longRunKey(m.arm, m.path, m.piece))];
    const parts = (result: KernelChunkResult) => {
      const results = result.kind === 'long-run' ? splitGroup(result) : [];
      if (results.length !== keys.length) throw new Error(`chunk ${key} came back without its group's ${keys.length} paths`);
      return results.map((r, i) => ({ key: keys[i], result: r }));
    };
    return { key, task, parts };
  }

  complete(job: ChunkJob, result: KernelChunkResult): void {
    if (job.task.kind !== 'long-run' || result.kind !== 'long-run') throw new Error('long-run plan got a foreign chunk');
    const paths = [job.task.path, ...(job.task.group ?? []).map((g) => g.path)];
    splitGroup(result).forEach((r, i) => this.chains.complete(job.task.arm, paths[i], r.iterations, r.state));
  }

  finished(): boolean {
    return this.chains.finished();
  }

  work(): { done: number; total: number; estimated: boolean } {
    return this.chains.work();
  }
}

/** The committed pieces among the checkpoints. */
function resumedPieces(completed: ReadonlyMap<string, KernelChunkResult>): DonePiece<LongRunState>[] {
  const pieces: DonePiece<LongRunState>[] = [];
  for (const [key, result] of completed) {
    const k = parseChunkKey(key);
    if (k?.kind !== 'long-run' || result.kind !== 'long-run') continue;
    pieces.push({ arm: k.arm, path: k.path, piece: k.chunk, iterations: result.iterations, state: result.state });
  }
  return pieces;
}
