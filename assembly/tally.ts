import { BLOCK, ENTRY_BALL, ENTRY_TIME, FIELD_COUNTS, GROUP_ENTRIES, GROUP_N0, HISTOGRAM, MAX_BINS, MAX_MINIMA, POINTS } from './layout';

const TWO_POW_52: f64 = 4503599627370496;

/**
 * Adds a block's field counts of lane `lane` from the number of its steps above each saddle
 * (the field of x is the number of saddles below it, at most 3 here): field f got
 * up(f − 1) − up(f) steps, with up(−1) = steps and none above a saddle past the last.
 */
export function countFields(lane: usize, steps: i32, lastSaddle: i32, up0: i32, up1: i32, up2: i32): void {
  const counts = FIELD_COUNTS + lane * <usize>MAX_MINIMA * 8;
  store<f64>(counts, load<f64>(counts) + <f64>(steps - up0));
  if (lastSaddle > 0) store<f64>(counts, load<f64>(counts, 8) + <f64>(up0 - up1), 8);
  if (lastSaddle > 1) store<f64>(counts, load<f64>(counts, 16) + <f64>(up1 - up2), 16);
  if (lastSaddle > 2) store<f64>(counts, load<f64>(counts, 24) + <f64>up2, 24);
}

/**
 * One step of paths `lane` and `lane` + 1 of a group (longRunGroup.ts walkDrawing4 calls it as it
 * walks): X(n0 + j + 1) = x, one lane per path, into each path's own histogram with
 * kernels/walk.ts tallyBlock's double arithmetic, on both lanes at once: floor((x + L)·binScale), capped at
 * the last bin (the bin is an integer-valued double ≥ 0, x being in [−L, L], so adding 2^52
 * leaves it in the low mantissa bits). `below` is the field: minus the number of saddles below x
 * (the saddles increase, so that is where tallyBlock's scan stops), `minimum` that field's
 * minimum. A ball entry (|x − minimum| ≤ ε and not the last ball entered) goes to ENTRY_* +
 * lane·BLOCK, counted in GROUP_ENTRIES, at the lane's n0 from GROUP_N0. `last` holds each lane's
 * last ball (i64x2); the new one is returned. Thinned points are left to the caller (it reads
 * them from XS4) and so are the field counts.
 */
@inline export function tallyPair(
  lane: usize, j: i32, x: v128, below: v128, minimum: v128, last: v128,
  L: v128, binScale: v128, bins: v128, lastBin: v128, epsilon: v128,
): v128 {
  const bf = f64x2.floor(f64x2.mul(f64x2.add(x, L), binScale));
  const bin = f64x2.add(v128.bitselect(bf, lastBin, f64x2.lt(bf, bins)), f64x2.splat(TWO_POW_52));
  const histogram = HISTOGRAM + lane * <usize>MAX_BINS * 8;
  const h0 = histogram + (<usize>i32x4.extract_lane(bin, 0) << 3);
  store<f64>(h0, load<f64>(h0) + 1);
  const h1 = histogram + <usize>MAX_BINS * 8 + (<usize>i32x4.extract_lane(bin, 2) << 3);
  store<f64>(h1, load<f64>(h1) + 1);
  const ball = i64x2.sub(i64x2.splat(1), below);
  const entered = v128.andnot(f64x2.le(f64x2.abs(f64x2.sub(x, minimum)), epsilon), i64x2.eq(ball, last));
  if (!v128.any_true(entered)) return last;
  // Rare: a path entered another minimum's ball.
  if (i64x2.extract_lane(entered, 0) != 0) enterBall(lane, j, <i32>i64x2.extract_lane(ball, 0));
  if (i64x2.extract_lane(entered, 1) != 0) enterBall(lane + 1, j, <i32>i64x2.extract_lane(ball, 1));
  return v128.bitselect(ball, last, entered);
}

/**
 * The field of x on both lanes when the landscape has more than 3 saddles, counted into the
 * lanes' field counts one step at a time: minus the number of saddles below x.
 */
@inline export function fieldPair(lane: usize, x: v128, lastSaddle: i32): v128 {
  let below = i64x2.splat(0);
  for (let k = 0; k < lastSaddle; k++) below = i64x2.add(below, f64x2.gt(x, f64x2.splat(load<f64>(POINTS + (<usize>(2 * k + 1) << 3)))));
  const fieldCounts = FIELD_COUNTS + lane * <usize>MAX_MINIMA * 8;
  const fc0 = fieldCounts + (<usize>(-i64x2.extract_lane(below, 0)) << 3);
  store<f64>(fc0, load<f64>(fc0) + 1);
  const fc1 = fieldCounts + <usize>MAX_MINIMA * 8 + (<usize>(-i64x2.extract_lane(below, 1)) << 3);
  store<f64>(fc1, load<f64>(fc1) + 1);
  return below;
}

/** That field's minimum on both lanes (point 2f of the landscape). */
@inline export function minimumPair(below: v128): v128 {
  return f64x2(load<f64>(POINTS + (<usize>(-i64x2.extract_lane(below, 0)) << 4)), load<f64>(POINTS + (<usize>(-i64x2.extract_lane(below, 1)) << 4)));
}

@inline function enterBall(lane: usize, j: i32, ball: i32): void {
  const countAt = GROUP_ENTRIES + (lane << 2);
  const e = load<i32>(countAt);
  const at = lane * <usize>BLOCK + <usize>e;
  store<f64>(ENTRY_TIME + (at << 3), load<f64>(GROUP_N0 + (lane << 3)) + <f64>j + 1);
  store<i32>(ENTRY_BALL + (at << 2), ball);
  store<i32>(countAt, e + 1);
}
