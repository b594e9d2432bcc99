/**
 * The module's memory: fixed static regions, so a worker's instance never grows or frees memory
 * (memory stays flat however many chunks it runs). The JavaScript side reads and writes them
 * through typed-array views at the addresses `regions()` exports.
 */

/** Noise values per lane and block, as the JavaScript kernels (kernels/exitTime.ts). */
export const BLOCK: i32 = 1024;
export const LANES: i32 = 4;
/** Ziggurat layers + 1 (both samplers use 1024 layers). */
export const TABLE_SIZE: i32 = 1025;
/** Most critical points a landscape may have (configLimits.criticalPoints = 101). */
export const MAX_POINTS: i32 = 128;

/** Lane-interleaved noise: value j of lane l at BUF[4 j + l] (a long path uses lane-free halves). */
export const BUF: usize = memory.data(LANES * BLOCK * 8, 16);
/** X of the 1-D path(s): 4 lanes. */
export const XV: usize = memory.data(LANES * 8, 16);
/** X(n+1 …) of a long path's current block. */
export const XS: usize = memory.data(BLOCK * 8, 16);
/** A group of long paths: the next block's lane-interleaved noise (BUF holds the current one), and X(n+1 …) lane-interleaved. */
export const BUF_NEXT: usize = memory.data(LANES * BLOCK * 8, 16);
export const XS4: usize = memory.data(LANES * BLOCK * 8, 16);
/** Main xoshiro128** states, transposed: word w of lane l at STATE[4 w + l] (one i32x4 per word). */
export const STATE: usize = memory.data(4 * LANES * 4, 16);
export const TABLE_X: usize = memory.data(TABLE_SIZE * 8, 16);
export const TABLE_XIN: usize = memory.data(TABLE_SIZE * 8, 16);
export const POINTS: usize = memory.data(MAX_POINTS * 8, 16);
/** Per lane: the first pass's notes for the second (position, candidate, layer and sign word), and their count. */
export const PENDING_POSITION: usize = memory.data(LANES * BLOCK * 4, 16);
export const PENDING_CANDIDATE: usize = memory.data(LANES * BLOCK * 8, 16);
export const PENDING_WORD: usize = memory.data(LANES * BLOCK * 4, 16);
export const PENDING_COUNT: usize = memory.data(LANES * 4, 16);
/**
 * How often each rare path ran since the module was made: [0] ziggurat first attempts in the
 * base layer (tail), [1] in a wedge, [2] steps with a clipped gradient, [3] steps projected onto
 * [−L, L]. Cheap (a counter bump inside branches that are rare anyway); the bit-identity test reads them.
 */
export const COUNTERS: usize = memory.data(4 * 8, 16);

/** Most histogram bins (configLimits.bins = 100,000) and minima (≤ 101 points: 51). */
export const MAX_BINS: i32 = 100_000;
export const MAX_MINIMA: i32 = 64;
/**
 * Per lane, a long path's tallies over its chunk (histogram, counts per field: lane l at
 * HISTOGRAM + 8·l·MAX_BINS, FIELD_COUNTS + 8·l·MAX_MINIMA; a lone path uses lane 0), and per
 * block each path's ball entries (lane l at ENTRY_* + l·BLOCK).
 */
export const HISTOGRAM: usize = memory.data(LANES * MAX_BINS * 8, 16);
export const FIELD_COUNTS: usize = memory.data(LANES * MAX_MINIMA * 8, 16);
export const ENTRY_TIME: usize = memory.data(LANES * BLOCK * 8, 16);
export const ENTRY_BALL: usize = memory.data(LANES * BLOCK * 4, 16);
/** A long path's tally per lane (longRun.ts, tally.ts tallyPair): n of the block's start, last ball entered, ball entries in the block. */
export const GROUP_N0: usize = memory.data(LANES * 8, 16);
export const GROUP_LAST: usize = memory.data(LANES * 4, 16);
export const GROUP_ENTRIES: usize = memory.data(LANES * 4, 16);
/** A group's loop constants, 16 bytes each (longRunGroup.ts held). */
export const GROUP_CONSTANTS: usize = memory.data(32 * 16, 16);
