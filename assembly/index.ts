/**
 * The WebAssembly SIMD kernels (built by scripts/build-wasm.mjs into kernels.wasm; loaded by
 * src-main/engine/wasm/wasmModule.ts). Hot loops only: the JavaScript side keeps the plans,
 * streams' keys, the samplers' rare second pass and the tallies' bookkeeping.
 */
export { setParams } from './params';
export { fill4, fill1 } from './noise';
export { walk4 } from './exitTime';
export { walkDrawing1 } from './longRun';
export { walkDrawing4 } from './longRunGroup';
import { BUF, BUF_NEXT, COUNTERS, ENTRY_BALL, ENTRY_TIME, FIELD_COUNTS, GROUP_ENTRIES, GROUP_LAST, GROUP_N0, HISTOGRAM, PENDING_CANDIDATE, PENDING_COUNT, PENDING_POSITION, PENDING_WORD, POINTS, STATE, TABLE_X, TABLE_XIN, XS, XS4, XV } from './layout';

/** Addresses of the memory regions, in the order wasmKernels.ts reads them. */
export function region(k: i32): usize {
  switch (k) {
    case 0: return BUF;
    case 1: return XV;
    case 2: return XS;
    case 3: return STATE;
    case 4: return TABLE_X;
    case 5: return TABLE_XIN;
    case 6: return POINTS;
    case 7: return PENDING_POSITION;
    case 8: return PENDING_CANDIDATE;
    case 9: return PENDING_WORD;
    case 10: return PENDING_COUNT;
    case 11: return COUNTERS;
    case 12: return HISTOGRAM;
    case 13: return FIELD_COUNTS;
    case 14: return ENTRY_TIME;
    case 15: return ENTRY_BALL;
    case 18: return BUF_NEXT;
    case 19: return XS4;
    case 20: return GROUP_N0;
    case 21: return GROUP_LAST;
    case 22: return GROUP_ENTRIES;
    default: return 0;
  }
}
export { walk2d, walkTally2d, setWalk2d, region2d } from './walk2d';
export { setTally2d } from './tally2d';
export { fillIsotropic } from './noise2d';
export { walkPair2d, regionPair2d } from './walkPair2d';
