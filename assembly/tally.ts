import { ENTRY_BALL, ENTRY_TIME, FIELD_COUNTS, HISTOGRAM, LANES, MAX_BINS, MAX_MINIMA, POINTS, TALLY_COUNTS, THINNED, XS, XS4 } from './layout';
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

/** Path `lane` of a group (longRunGroup.ts): X lane-interleaved in XS4, tallies in the lane's own histogram and field counts. */
export function tallyLane(lane: i32, steps: i32, n0: f64, last: i32, sinceThin: i32, thin: i32, bins: i32, binScale: f64, L: f64, epsilon: f64): void {
  const l = <usize>lane;
  tallyStrided(XS4 + (l << 3), LANES, HISTOGRAM + l * <usize>MAX_BINS * 8, FIELD_COUNTS + l * <usize>MAX_MINIMA * 8, steps, n0, last, sinceThin, thin, bins, binScale, L, epsilon);
}
