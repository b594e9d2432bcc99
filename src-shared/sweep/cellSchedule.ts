/**
 * The order in which a sweep hands out its cells' chunks: in passes, pass p giving every cell
 * that still has work its p-th chunk, in grid order. The first pass thus puts samples into
 * every cell before any cell gets a second chunk, and a partial result shows the whole grid
 * at a coarse level rather than a few cells in detail.
 */

export interface CellChunk<T> {
  cell: number;
  /** The chunk's position in its cell's own list. */
  index: number;
  chunk: T;
}

/** Every cell's chunk list, merged in passes. Each cell's own order is kept. */
export function cellPassOrder<T>(cells: readonly (readonly T[])[]): CellChunk<T>[] {
  const out: CellChunk<T>[] = [];
  const handedOut = cells.map(() => 0);
  for (;;) {
    const cell = cellsByPass(handedOut).find((c) => handedOut[c] < cells[c].length);
    if (cell === undefined) return out;
    const index = handedOut[cell]++;
    out.push({ cell, index, chunk: cells[cell][index] });
  }
}

/**
 * The same rule for plans that make their chunks on the fly (a base kind's plan sizes its next
 * chunk from what has finished, so there is no list to merge): the cells in the order to ask
 * for the next chunk, fewest handed out first, grid order on a tie. Ask each cell's plan in
 * turn, take the first chunk offered, and count it in `handedOut`.
 */
export function cellsByPass(handedOut: readonly number[]): number[] {
  return handedOut.map((_, c) => c).sort((p, q) => handedOut[p] - handedOut[q] || p - q);
}
