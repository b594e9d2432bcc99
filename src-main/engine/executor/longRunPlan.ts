import type { LongRunConfig } from '../../../src-shared/model/config';
import type { KernelChunkResult, LongRunChunkResult, LongRunState, LongRunTask } from '../tasks';
import type { ChunkJob, ChunkSource } from './chunkSource';
import { longRunKey, parseChunkKey } from './chunkKeys';
import { kernelParams } from './kernelParams';

/** Where one path stands: its pieces done so far and the state the last one ended in. */
interface PathCursor {
  arm: number;
  path: number;
  /** Ordinal of the next piece (= pieces done). */
  chunk: number;
  /** n: iterations done on this path. */
  n: number;
  state: LongRunState | null;
  running: boolean;
}

/**
 * Long paths cut into pieces of at most `chunkIterations` iterations. A path's pieces run one
 * after another (each continues from the LongRunState the previous one returned), different
 * paths run in parallel. Every accumulator a piece returns is an integer count and the
 * trajectory is indexed by the global iteration, so the result does not depend on where the
 * cuts fall; a resumed run may even cut the rest of a path differently.
 */
export class LongRunPlan implements ChunkSource {
  private readonly cursors: PathCursor[] = [];
  private doneIterations = 0;

  constructor(
    private readonly config: LongRunConfig,
    completed: ReadonlyMap<string, KernelChunkResult>,
    private readonly chunkIterations: number,
  ) {
    if (!(chunkIterations >= 1)) throw new Error(`chunkIterations must be ≥ 1, got ${chunkIterations}`);
    const pieces = resumedPieces(config, completed);
    config.arms.forEach((_, arm) => {
      for (let path = 0; path < config.paths; path++) {
        const cursor: PathCursor = { arm, path, chunk: 0, n: 0, state: null, running: false };
        // Only the unbroken run of pieces 0, 1, 2, … counts: a path's pieces are committed in order.
        for (const piece of pieces.get(pathId(arm, path)) ?? []) {
          if (piece.chunk !== cursor.chunk) break;
          if (piece.result.state.n !== cursor.n + piece.result.iterations) {
            throw new Error(`checkpoint ${longRunKey(arm, path, piece.chunk)} does not continue its path (n = ${piece.result.state.n})`);
          }
          cursor.chunk++;
          cursor.n = piece.result.state.n;
          cursor.state = piece.result.state;
          this.doneIterations += piece.result.iterations;
        }
        this.cursors.push(cursor);
      }
    });
  }

  next(): ChunkJob | null {
    // Least-advanced path first, so partial results grow evenly over arms and paths.
    let best: PathCursor | null = null;
    for (const c of this.cursors) {
      if (c.running || c.n >= this.config.iterations) continue;
      if (!best || c.n < best.n) best = c;
    }
    if (!best) return null;
    best.running = true;
    const c = this.config;
    const task: LongRunTask = {
      kind: 'long-run',
      params: kernelParams(c, best.arm, c.eta),
      x0: c.x0,
      seed: c.seed,
      arm: best.arm,
      path: best.path,
      iterations: Math.min(this.chunkIterations, c.iterations - best.n),
      bins: c.bins,
      thin: c.thin,
      epsilon: c.epsilon,
      state: best.state,
    };
    return { key: longRunKey(best.arm, best.path, best.chunk), task };
  }

  complete(job: ChunkJob, result: KernelChunkResult): void {
    if (job.task.kind !== 'long-run' || result.kind !== 'long-run') throw new Error('long-run plan got a foreign chunk');
    const cursor = this.cursors[job.task.arm * this.config.paths + job.task.path];
    cursor.running = false;
    cursor.chunk++;
    cursor.n = result.state.n;
    cursor.state = result.state;
    this.doneIterations += result.iterations;
  }

  finished(): boolean {
    return this.cursors.every((c) => c.n >= this.config.iterations);
  }

  work(): { done: number; total: number; estimated: boolean } {
    const c = this.config;
    return { done: this.doneIterations, total: c.arms.length * c.paths * c.iterations, estimated: false };
  }
}

function pathId(arm: number, path: number): string {
  return `${arm}/${path}`;
}

/** Committed pieces grouped by path, each list in chunk order. */
function resumedPieces(
  config: LongRunConfig,
  completed: ReadonlyMap<string, KernelChunkResult>,
): Map<string, { chunk: number; result: LongRunChunkResult }[]> {
  const byPath = new Map<string, { chunk: number; result: LongRunChunkResult }[]>();
  for (const [key, result] of completed) {
    const k = parseChunkKey(key);
    if (k?.kind !== 'long-run' || result.kind !== 'long-run') continue;
    if (k.arm >= config.arms.length || k.path >= config.paths) continue;
    const id = pathId(k.arm, k.path);
    const list = byPath.get(id) ?? [];
    list.push({ chunk: k.chunk, result });
    byPath.set(id, list);
  }
  for (const list of byPath.values()) list.sort((p, q) => p.chunk - q.chunk);
  return byPath;
}
