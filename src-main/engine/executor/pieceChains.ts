import { groupMates } from './longRunGroups';

/** Where one path stands: its pieces done so far and the state the last one ended in. */
export interface PathCursor<S> {
  arm: number;
  path: number;
  /** Ordinal of the next piece (= pieces done). */
  piece: number;
  /** n: iterations done on this path. */
  n: number;
  state: S | null;
  running: boolean;
}

/** A committed piece of a path, as read back from the checkpoints. */
export interface DonePiece<S> {
  arm: number;
  path: number;
  piece: number;
  iterations: number;
  state: S;
}

/**
 * The bookkeeping of long paths cut into pieces, shared by the 1-D and 2-D long-run plans: a
 * path's pieces run one after another (each continues from the state the previous one
 * returned), different paths in parallel, the least-advanced path first so partial results
 * grow evenly over arms and paths. On resume only the unbroken run of pieces 0, 1, 2, … of a
 * path counts (a path's pieces are committed in order), and each must continue where the
 * previous one ended.
 */
export class PieceChains<S extends { n: number }> {
  private readonly cursors: PathCursor<S>[] = [];
  private doneIterations = 0;

  constructor(
    arms: number,
    private readonly paths: number,
    private readonly iterations: number,
    done: Iterable<DonePiece<S>>,
    keyOf: (arm: number, path: number, piece: number) => string,
  ) {
    const byPath = new Map<number, DonePiece<S>[]>();
    for (const p of done) {
      if (p.arm >= arms || p.path >= paths) continue;
      const id = p.arm * paths + p.path;
      byPath.set(id, [...(byPath.get(id) ?? []), p]);
    }
    for (let arm = 0; arm < arms; arm++) {
      for (let path = 0; path < paths; path++) {
        const cursor: PathCursor<S> = { arm, path, piece: 0, n: 0, state: null, running: false };
        const mine = (byPath.get(arm * paths + path) ?? []).sort((p, q) => p.piece - q.piece);
        for (const p of mine) {
          if (p.piece !== cursor.piece) break;
          if (p.state.n !== cursor.n + p.iterations) {
            throw new Error(`checkpoint ${keyOf(arm, path, p.piece)} does not continue its path (n = ${p.state.n})`);
          }
          cursor.piece++;
          cursor.n = p.state.n;
          cursor.state = p.state;
          this.doneIterations += p.iterations;
        }
        this.cursors.push(cursor);
      }
    }
  }

  /** The least-advanced path that is neither running nor done, now marked running; null when none. */
  take(): PathCursor<S> | null {
    let best: PathCursor<S> | null = null;
    for (const c of this.cursors) {
      if (c.running || c.n >= this.iterations) continue;
      if (!best || c.n < best.n) best = c;
    }
    if (best) best.running = true;
    return best;
  }

  /** Up to size − 1 idle paths of best's arm that `fits`, to walk beside it in one task, now marked running. */
  takeMates(best: PathCursor<S>, size: number, fits: (c: PathCursor<S>) => boolean): PathCursor<S>[] {
    const mates = groupMates(this.cursors, best, size, fits);
    for (const m of mates) m.running = true;
    return mates;
  }

  complete(arm: number, path: number, iterations: number, state: S): void {
    const cursor = this.cursors[arm * this.paths + path];
    cursor.running = false;
    cursor.piece++;
    cursor.n = state.n;
    cursor.state = state;
    this.doneIterations += iterations;
  }

  finished(): boolean {
    return this.cursors.every((c) => c.n >= this.iterations);
  }

  work(): { done: number; total: number; estimated: boolean } {
    return { done: this.doneIterations, total: this.cursors.length * this.iterations, estimated: false };
  }
}
