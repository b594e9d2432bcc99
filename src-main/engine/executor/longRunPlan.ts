import type { LongRunConfig } from '../../../src-shared/model/config';
import type { KernelChunkResult, LongRunChunkResult, LongRunState, LongRunTask } from '../tasks';
import type { ChunkJob, ChunkSource } from './chunkSource';
import { longRunKey, parseChunkKey } from './chunkKeys';
import { kernelParams } from './kernelParams';
import { groupMates, splitGroup } from './longRunGroups';

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
    /** Paths per chunk (1, 2 or 4; see longRunGroupSize): a group's paths share one task. */
    private readonly groupSize = 1,
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
    const c = this.config;
    const iterations = Math.min(this.chunkIterations, c.iterations - best.n);
    const group = groupMates(this.cursors, best, this.groupSize, (m) => Math.min(this.chunkIterations, c.iterations - m.n) === iterations);
    best.running = true;
    for (const m of group) m.running = true;
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
    const key = longRunKey(best.arm, best.path, best.chunk);
    if (group.length === 0) return { key, task };
    task.group = group.map((m) => ({ path: m.path, state: m.state }));
    const keys = [key, ...group.map((m) => longRunKey(m.arm, m.path, m.chunk))];
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
    splitGroup(result).forEach((r, i) => {
      const cursor = this.cursors[job.task.arm * this.config.paths + paths[i]];
      cursor.running = false;
      cursor.chunk++;
      cursor.n = r.state.n;
      cursor.state = r.state;
      this.doneIterations += r.iterations;
    });
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
