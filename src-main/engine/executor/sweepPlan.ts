import { cellsByPass } from '../../../src-shared/sweep/cellSchedule';
import type { KernelChunkResult } from '../tasks';
import type { ChunkJob, ChunkSource } from './chunkSource';
import { namespacedKey } from '../kinds/chunkNamespace';

/**
 * A sweep's chunk keys: the cell's own key (as a standalone run of the cell would store it)
 * behind the cell's grid index, e.g. "c3/a0/e1/s0-9".
 */
export function sweepChunkKey(cell: number, key: string): string {
  return namespacedKey(sweepCellPrefix(cell), key);
}

/** The prefix of every chunk key of one cell. */
export function sweepCellPrefix(cell: number): string {
  return `c${cell}/`;
}

const cellKeyPattern = /^c(\d+)\/(.+)$/;

/** The cell and the cell's own key of a sweep chunk key, or null when it is not one. */
export function parseSweepChunkKey(key: string): { cell: number; key: string } | null {
  const m = cellKeyPattern.exec(key);
  return m ? { cell: Number(m[1]), key: m[2] } : null;
}

/** A sweep's committed chunks split by cell, each under its cell's own key (what the cell's plan and aggregate read). */
export function chunksByCell<R>(completed: Iterable<[string, R]>, cellCount: number): Map<string, R>[] {
  const out = Array.from({ length: cellCount }, () => new Map<string, R>());
  for (const [key, result] of completed) {
    const k = parseSweepChunkKey(key);
    if (k && k.cell < cellCount) out[k.cell].set(k.key, result);
  }
  return out;
}

/**
 * A sweep as one chunk source over its cells' own plans (each built from the cell's standalone
 * config and its committed chunks, so a cell computes exactly what it would alone). Chunks are
 * handed out in passes across the cells (cellsByPass): every cell gets its first chunk before
 * any gets a second, so a partial result covers the whole grid.
 */
export class SweepPlan implements ChunkSource {
  private readonly handedOut: number[];

  constructor(private readonly cells: readonly ChunkSource[]) {
    this.handedOut = cells.map(() => 0);
  }

  next(): ChunkJob | null {
    for (const c of cellsByPass(this.handedOut)) {
      const job = this.cells[c].next();
      if (job) {
        this.handedOut[c]++;
        const parts = job.parts;
        return {
          key: sweepChunkKey(c, job.key),
          task: job.task,
          ...(parts && { parts: (r: KernelChunkResult) => parts(r).map((p) => ({ key: sweepChunkKey(c, p.key), result: p.result })) }),
        };
      }
    }
    return null;
  }

  complete(job: ChunkJob, result: KernelChunkResult): void {
    const k = parseSweepChunkKey(job.key);
    const cell = k ? this.cells[k.cell] : undefined;
    if (!k || !cell) throw new Error(`sweep plan got a chunk of no cell: ${job.key}`);
    cell.complete({ key: k.key, task: job.task }, result);
  }

  finished(): boolean {
    return this.cells.every((c) => c.finished());
  }

  work(): { done: number; total: number; estimated: boolean } {
    let done = 0;
    let total = 0;
    let estimated = false;
    for (const c of this.cells) {
      const w = c.work();
      done += w.done;
      total += w.total;
      estimated ||= w.estimated;
    }
    return { done, total, estimated };
  }
}
