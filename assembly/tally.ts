import { BLOCK, ENTRY_BALL, ENTRY_TIME, FIELD_COUNTS, GROUP_ENTRIES, GROUP_LAST, GROUP_N0, HISTOGRAM, MAX_BINS, MAX_MINIMA, POINTS, TALLY_COUNTS, THINNED, XS } from './layout';
import { pointCount } from './params';

/**
 * kernels/walk.ts tallyBlock for X(n0 + 1 … n0 + steps) at xs + 8·stride·j: histogram bin
 * ⌊(x + L)·binScale⌋ (the last bin for x = L), the field (scanning the saddles, a point on a
 * saddle counted on its left), an entry into the ε-ball of that field's minimum when it is not
 * the last ball entered (time and 1-based ball into ENTRY_*), every thin-th point into THINNED.
 * The same comparisons and the same double arithmetic, so the same counts and points.
 */
@inline function tallyStrided(
  xs: usize, stride: i32, histogram: usize, fieldCounts: usize,
  steps: i32, n0: f64, last: i32, sinceThin: i32, thin: i32, bins: i32, binScale: f64, L: f64, epsilon: f64,
): void {
  const minimaCount = (pointCount + 1) >> 1;
  const lastSaddle = minimaCount - 1;
  const step = <usize>stride << 3;
  let entries = 0;
  let points = 0;
  let at = xs;
  for (let j = 0; j < steps; j++) {
    const x = load<f64>(at);
    at += step;
    const bf = Math.floor((x + L) * binScale);
    const bin = bf < <f64>bins ? <i32>bf : bins - 1;
    const h = histogram + (<usize>bin << 3);
    store<f64>(h, load<f64>(h) + 1);
    let f = 0;
    while (f < lastSaddle && x > load<f64>(POINTS + (<usize>(2 * f + 1) << 3))) f++;
    const fc = fieldCounts + (<usize>f << 3);
    store<f64>(fc, load<f64>(fc) + 1);
    if (f + 1 != last && Math.abs(x - load<f64>(POINTS + (<usize>(2 * f) << 3))) <= epsilon) {
      last = f + 1;
      store<f64>(ENTRY_TIME + (<usize>entries << 3), n0 + <f64>j + 1);
      store<i32>(ENTRY_BALL + (<usize>entries << 2), last);
      entries++;
    }
    if (++sinceThin == thin) {
      sinceThin = 0;
      store<f64>(THINNED + (<usize>points << 3), x);
      points++;
    }
  }
  store<i32>(TALLY_COUNTS, entries);
  store<i32>(TALLY_COUNTS, points, 4);
}

/** A lone long path: X in XS, tallies in lane 0's histogram and field counts. */
export function tally1(steps: i32, n0: f64, last: i32, sinceThin: i32, thin: i32, bins: i32, binScale: f64, L: f64, epsilon: f64): void {
  tallyStrided(XS, 1, HISTOGRAM, FIELD_COUNTS, steps, n0, last, sinceThin, thin, bins, binScale, L, epsilon);
}

/**
 * One step of path `lane` of a group (longRunGroup.ts walkDrawing4 calls it as it walks):
 * X(n0 + j + 1) = x into the lane's own histogram and field counts with tallyStrided's
 * operations; a ball entry goes to ENTRY_* + lane·BLOCK, counted in GROUP_ENTRIES, with the
 * lane's n0 and last ball in GROUP_N0 and GROUP_LAST. Thinned points are left to the caller (it
 * reads them from XS4).
 */
@inline export function tallyStep(lane: usize, j: i32, x: f64, lastSaddle: i32, bins: i32, binScale: f64, L: f64, epsilon: f64): void {
  const bf = Math.floor((x + L) * binScale);
  const bin = bf < <f64>bins ? <i32>bf : bins - 1;
  const h = HISTOGRAM + lane * <usize>MAX_BINS * 8 + (<usize>bin << 3);
  store<f64>(h, load<f64>(h) + 1);
  let f = 0;
  while (f < lastSaddle && x > load<f64>(POINTS + (<usize>(2 * f + 1) << 3))) f++;
  const fc = FIELD_COUNTS + lane * <usize>MAX_MINIMA * 8 + (<usize>f << 3);
  store<f64>(fc, load<f64>(fc) + 1);
  const lastAt = GROUP_LAST + (lane << 2);
  if (f + 1 != load<i32>(lastAt) && Math.abs(x - load<f64>(POINTS + (<usize>(2 * f) << 3))) <= epsilon) {
    store<i32>(lastAt, f + 1);
    const countAt = GROUP_ENTRIES + (lane << 2);
    const e = load<i32>(countAt);
    const at = lane * <usize>BLOCK + <usize>e;
    store<f64>(ENTRY_TIME + (at << 3), load<f64>(GROUP_N0 + (lane << 3)) + <f64>j + 1);
    store<i32>(ENTRY_BALL + (at << 2), f + 1);
    store<i32>(countAt, e + 1);
  }
}
