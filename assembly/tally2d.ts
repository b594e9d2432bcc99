/**
 * A long 2-D path's tallies, kept in the module while a chunk runs (the walk fills them as it
 * steps: assembly/walk2d.ts walkTally2d), with the same operations as the JavaScript tally
 * (src-main/engine/kernels2d/pathTallies2d.ts, tallyBlock2d). Counts are doubles, as there.
 * Ball entries and thinned points of a block are listed for the JavaScript side, which books
 * the moves and sojourns and keeps the trajectory.
 */
import { BLOCK } from './layout';

/** Most histogram cells (bins² with bins ≤ 1024) and basins (labels are bytes). */
export const MAX_CELLS_2D: i32 = 1 << 20;
export const MAX_BASINS_2D: i32 = 256;
export const TALLY2D_HISTOGRAM: usize = memory.data(MAX_CELLS_2D * 8, 16);
export const TALLY2D_BASIN_COUNTS: usize = memory.data(MAX_BASINS_2D * 8, 16);
/** The minima, x then y, basin i's at 2(i − 1). */
export const TALLY2D_MINIMA: usize = memory.data(MAX_BASINS_2D * 2 * 8, 16);
/** The block's ball entries: the ball and the step's index in the block. */
export const TALLY2D_ENTRY_BALL: usize = memory.data(BLOCK * 4, 16);
export const TALLY2D_ENTRY_STEP: usize = memory.data(BLOCK * 4, 16);
/** The block's thinned points, x then y. */
export const TALLY2D_THINNED: usize = memory.data(2 * BLOCK * 8, 16);
/** [last ball, steps since the last thinned point] in; [ball entries, thinned points] of the block out. */
export const TALLY2D_STATE: usize = memory.data(4 * 4, 16);

export let tallyBins: i32 = 0;
export let tallyBinScale: f64 = 0;
export let tallyEpsilon2: f64 = 0;
export let tallyThin: i32 = 1;

export function setTally2d(bins: i32, binScale: f64, epsilon2: f64, thin: i32): void {
  tallyBins = bins;
  tallyBinScale = binScale;
  tallyEpsilon2 = epsilon2;
  tallyThin = thin;
}
