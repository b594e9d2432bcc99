import { COUNTERS, GROUP_CONSTANTS, GROUP_ENTRIES, GROUP_LAST, LANES, PENDING_COUNT, STATE, TABLE_X, TABLE_XIN, XS4, XV } from './layout';
import { addPending } from './noise';
import { etaGradient2 } from './gradient';
import { countFields, fieldPair, minimumPair, tallyPair } from './tally';
import { boxL, clipB, etaKappa, noiseScale, noiseShift, point, pointCount } from './params';

const M53: f64 = 1.1102230246251565e-16;
const TWO_POW_21: f64 = 2097152;
const TWO_POW_31: f64 = 2147483648;

@inline function rotl4(x: v128, k: i32): v128 {
  return v128.or(i32x4.shl(x, k), i32x4.shr_u(x, 32 - k));
}

/**
 * φ(w, c) lane by lane as the scalar kernels (kernels/walk.ts) write it: w when −c ≤ w ≤ c,
 * else c when w > c and −c otherwise (so NaN becomes −c there too). `inside` marks the lanes
 * inside.
 */
@inline function clamp2(w: v128, c: v128, minusC: v128, inside: v128): v128 {
  return v128.bitselect(w, v128.bitselect(c, minusC, f64x2.gt(w, c)), inside);
}

@inline function inside2(w: v128, c: v128, minusC: v128): v128 {
  return v128.and(f64x2.le(w, c), f64x2.ge(w, minusC));
}

/** Lanes outside, of a mask of the lanes inside. */
@inline function lanesOutside(inside: v128): f64 {
  return <f64>(2 - popcnt<i32>(i64x2.bitmask(inside)));
}

/**
 * The loop's constants (splats of the task's numbers and the sampler's fixed masks and powers of
 * two), stored once per call into GROUP_CONSTANTS and loaded where they are used: the loop has
 * far more live values than the 16 vector registers, and a load at each use beats V8 spilling
 * and reloading them (measured: ~5% less time per path-step for the task's numbers, 1–5% more
 * for the fixed ones).
 */
/** Their slots. */
const SADDLE_0 = 0;
const SADDLE_1 = 1;
const SADDLE_2 = 2;
const BINS = 3;
const LAST_BIN = 4;
const BIN_SCALE = 5;
const EPSILON = 6;
const ETA_KAPPA = 7;
const C0 = 8;
const C1 = 9;
const C2 = 10;
const C3 = 11;
const C4 = 12;
const C5 = 13;
const C6 = 14;
const C0_XOR_C2 = 15;
const C2_XOR_C4 = 16;
const C4_XOR_C6 = 17;
const CLIP = 18;
const MINUS_CLIP = 19;
const BOX = 20;
const MINUS_BOX = 21;
const NOISE_SCALE = 22;
const NOISE_SHIFT = 23;
const LOW_BITS = 24;
const SIGN_BIT = 25;
const TWO_31 = 26;
const TWO_21 = 27;
const TWO_MINUS_53 = 28;

@inline function hold(k: i32, value: v128): void {
  v128.store(GROUP_CONSTANTS + (<usize>k << 4), value);
}

@inline function held(k: i32): v128 {
  return v128.load(GROUP_CONSTANTS + (<usize>k << 4));
}

/**
 * Two or four long paths of one arm side by side (`paths` = 2 or 4), each the walk of
 * walkDrawing1 on its own: path l is lane l of the lane-interleaved noise at `buf` (value j at
 * buf + 8·(4j + l)), of X in XV and of the main streams in STATE. Walks [0, steps) writing X
 * lane-interleaved into XS4, while drawing the first ziggurat attempts of the next block
 * [0, nextSteps) for every path at once (one i32x4 per state word, as noise.ts fill4) into
 * `next`, pending values noted per lane. Paths 0–1 and 2–3 are two f64x2 chains: independent
 * paths fill the gaps of each other's dependency chain. Each step of each path is tallied at
 * once, a chain's two lanes together (tally.ts tallyPair, into each path's own histogram and
 * field counts; GROUP_N0 and GROUP_LAST set by the caller, the last balls kept in registers
 * meanwhile): the tallies have no chain of their own and fill the gaps too (measured: ~25% less
 * time than walking and then tallying the block; tallying both lanes with f64x2 operations
 * instead of one scalar lane at a time, ~20% less again). With at most 3 saddles the field
 * counts come from per-saddle counters after the block (tally.ts countFields), and the field's
 * minimum is picked from the saddle comparisons. Each lane does exactly the
 * scalar kernels' double operations, so each path's numbers are its lone walk's, bit for bit.
 */
export function walkDrawing4(
  buf: usize, next: usize, steps: i32, nextSteps: i32, clipped: bool, paths: i32,
  bins: i32, binScale: f64, epsilon: f64,
): void {
  for (let l = 0; l < LANES; l++) {
    store<i32>(PENDING_COUNT + (<usize>l << 2), 0);
    store<i32>(GROUP_ENTRIES + (<usize>l << 2), 0);
  }
  const lastSaddle = ((pointCount + 1) >> 1) - 1;
  const few = lastSaddle <= 3;
  hold(SADDLE_0, f64x2.splat(lastSaddle > 0 ? point(1) : Infinity));
  hold(SADDLE_1, f64x2.splat(lastSaddle > 1 ? point(3) : Infinity));
  hold(SADDLE_2, f64x2.splat(lastSaddle > 2 ? point(5) : Infinity));
  hold(BINS, f64x2.splat(<f64>bins));
  hold(LAST_BIN, f64x2.splat(<f64>(bins - 1)));
  hold(BIN_SCALE, f64x2.splat(binScale));
  hold(EPSILON, f64x2.splat(epsilon));
  let last01 = i64x2(load<i32>(GROUP_LAST), load<i32>(GROUP_LAST, 4));
  let last23 = i64x2(load<i32>(GROUP_LAST, 8), load<i32>(GROUP_LAST, 12));
  // With at most 3 saddles, minus how many steps of each lane lay above saddle k (the field
  // counts follow from these after the block).
  let above0x01 = i64x2.splat(0);
  let above1x01 = i64x2.splat(0);
  let above2x01 = i64x2.splat(0);
  let above0x23 = i64x2.splat(0);
  let above1x23 = i64x2.splat(0);
  let above2x23 = i64x2.splat(0);
  const n = pointCount;
  hold(ETA_KAPPA, f64x2.splat(etaKappa));
  hold(C0, f64x2.splat(point(0)));
  hold(C1, f64x2.splat(point(1)));
  hold(C2, f64x2.splat(point(2)));
  hold(C3, f64x2.splat(point(3)));
  hold(C4, f64x2.splat(point(4)));
  hold(C5, f64x2.splat(point(5)));
  hold(C6, f64x2.splat(point(6)));
  // The minimum of the field above 0, 1, 2 or 3 saddles, chosen bit by bit (the masks are nested).
  hold(C0_XOR_C2, v128.xor(held(C0), held(C2)));
  hold(C2_XOR_C4, v128.xor(held(C2), held(C4)));
  hold(C4_XOR_C6, v128.xor(held(C4), held(C6)));
  hold(CLIP, f64x2.splat(clipB));
  hold(MINUS_CLIP, f64x2.splat(-clipB));
  hold(BOX, f64x2.splat(boxL));
  hold(MINUS_BOX, f64x2.splat(-boxL));
  const four = paths == 4;

  let s0 = v128.load(STATE);
  let s1 = v128.load(STATE, 16);
  let s2 = v128.load(STATE, 32);
  let s3 = v128.load(STATE, 48);
  const five = i32x4.splat(5);
  const nine = i32x4.splat(9);
  hold(LOW_BITS, i32x4.splat(1023));
  hold(SIGN_BIT, i32x4.splat(1024));
  hold(NOISE_SCALE, f64x2.splat(noiseScale));
  hold(NOISE_SHIFT, f64x2.splat(noiseShift));
  hold(TWO_31, f64x2.splat(TWO_POW_31));
  hold(TWO_21, f64x2.splat(TWO_POW_21));
  hold(TWO_MINUS_53, f64x2.splat(M53));

  let x01 = v128.load(XV);
  let x23 = v128.load(XV, 16);
  let clips: f64 = 0;
  let projections: f64 = 0;
  for (let j = 0; j < steps; j++) {
    if (j < nextSteps) {
      let r = i32x4.mul(s1, five);
      const a = i32x4.mul(rotl4(r, 7), nine);
      let t9 = i32x4.shl(s1, 9);
      s2 = v128.xor(s2, s0);
      s3 = v128.xor(s3, s1);
      s1 = v128.xor(s1, s2);
      s0 = v128.xor(s0, s3);
      s2 = v128.xor(s2, t9);
      s3 = rotl4(s3, 11);
      r = i32x4.mul(s1, five);
      const bw = i32x4.mul(rotl4(r, 7), nine);
      t9 = i32x4.shl(s1, 9);
      s2 = v128.xor(s2, s0);
      s3 = v128.xor(s3, s1);
      s1 = v128.xor(s1, s2);
      s0 = v128.xor(s0, s3);
      s2 = v128.xor(s2, t9);
      s3 = rotl4(s3, 11);

      const layer = v128.and(bw, held(LOW_BITS));
      const i0 = <usize>i32x4.extract_lane(layer, 0) << 3;
      const i1 = <usize>i32x4.extract_lane(layer, 1) << 3;
      const b11 = i32x4.shr_u(bw, 11);
      // b >>> 11 < 2^21: the signed conversion gives the same double, in fewer instructions.
      const u01 = f64x2.mul(f64x2.add(f64x2.mul(f64x2.add(f64x2.convert_low_i32x4_s(a), held(TWO_31)), held(TWO_21)), f64x2.convert_low_i32x4_s(b11)), held(TWO_MINUS_53));
      const v01 = f64x2.mul(u01, f64x2(load<f64>(TABLE_X + i0), load<f64>(TABLE_X + i1)));
      const fast01 = f64x2.lt(v01, f64x2(load<f64>(TABLE_XIN + i0, 8), load<f64>(TABLE_XIN + i1, 8)));
      // −hs·v − hshift: (−hs)·v is hs·v with its sign flipped (rounding is symmetric), so bit 10
      // of b moved to the sign bit flips hs·v where the value is negative.
      const sign = v128.and(bw, held(SIGN_BIT));
      const at = next + (<usize>j << 5);
      v128.store(at, f64x2.sub(v128.xor(f64x2.mul(held(NOISE_SCALE), v01), i64x2.shl(i64x2.extend_low_i32x4_u(sign), 53)), held(NOISE_SHIFT)));
      // Lanes 2 and 3 only for a group of 4 (a group of 2 advances their streams unused).
      let v23 = f64x2.splat(0);
      let fast23 = i64x2.splat(-1);
      if (four) {
        const i2 = <usize>i32x4.extract_lane(layer, 2) << 3;
        const i3 = <usize>i32x4.extract_lane(layer, 3) << 3;
        const aHigh = i32x4.shuffle(a, a, 2, 3, 2, 3);
        const bHigh = i32x4.shuffle(b11, b11, 2, 3, 2, 3);
        const u23 = f64x2.mul(f64x2.add(f64x2.mul(f64x2.add(f64x2.convert_low_i32x4_s(aHigh), held(TWO_31)), held(TWO_21)), f64x2.convert_low_i32x4_s(bHigh)), held(TWO_MINUS_53));
        v23 = f64x2.mul(u23, f64x2(load<f64>(TABLE_X + i2), load<f64>(TABLE_X + i3)));
        fast23 = (f64x2.lt(v23, f64x2(load<f64>(TABLE_XIN + i2, 8), load<f64>(TABLE_XIN + i3, 8))));
        v128.store(at, f64x2.sub(v128.xor(f64x2.mul(held(NOISE_SCALE), v23), i64x2.shl(i64x2.extend_high_i32x4_u(sign), 53)), held(NOISE_SHIFT)), 16);
      }
      // Rare (about 1% of values per lane): note the rejected lanes for the second pass.
      if (!i64x2.all_true(v128.and(fast01, fast23))) {
        const word = v128.and(bw, i32x4.splat(2047));
        if (i64x2.extract_lane(fast01, 0) == 0) addPending(0, j * 4, f64x2.extract_lane(v01, 0), i32x4.extract_lane(word, 0));
        if (i64x2.extract_lane(fast01, 1) == 0) addPending(1, j * 4 + 1, f64x2.extract_lane(v01, 1), i32x4.extract_lane(word, 1));
        if (i64x2.extract_lane(fast23, 0) == 0) addPending(2, j * 4 + 2, f64x2.extract_lane(v23, 0), i32x4.extract_lane(word, 2));
        if (i64x2.extract_lane(fast23, 1) == 0) addPending(3, j * 4 + 3, f64x2.extract_lane(v23, 1), i32x4.extract_lane(word, 3));
      }
    }

    const e = buf + (<usize>j << 5);
    const g01 = etaGradient2(x01, n, held(ETA_KAPPA), held(C0), held(C1), held(C2), held(C3), held(C4), held(C5), held(C6));
    if (clipped) {
      let d01 = f64x2.sub(g01, v128.load(e));
      const inside = inside2(d01, held(CLIP), held(MINUS_CLIP));
      if (!i64x2.all_true(inside)) {
        d01 = clamp2(d01, held(CLIP), held(MINUS_CLIP), inside);
        clips += lanesOutside(inside);
      }
      x01 = f64x2.sub(x01, d01);
    } else {
      x01 = f64x2.add(f64x2.sub(x01, g01), v128.load(e));
    }
    const in01 = inside2(x01, held(BOX), held(MINUS_BOX));
    if (!i64x2.all_true(in01)) {
      x01 = clamp2(x01, held(BOX), held(MINUS_BOX), in01);
      projections += lanesOutside(in01);
    }
    v128.store(XS4 + (<usize>j << 5), x01);
    let below01: v128;
    let minimum01: v128;
    if (few) {
      const a0 = f64x2.gt(x01, held(SADDLE_0));
      const a1 = f64x2.gt(x01, held(SADDLE_1));
      const a2 = f64x2.gt(x01, held(SADDLE_2));
      above0x01 = i64x2.add(above0x01, a0);
      above1x01 = i64x2.add(above1x01, a1);
      above2x01 = i64x2.add(above2x01, a2);
      below01 = i64x2.add(i64x2.add(a0, a1), a2);
      minimum01 = v128.xor(v128.xor(v128.xor(held(C0), v128.and(a0, held(C0_XOR_C2))), v128.and(a1, held(C2_XOR_C4))), v128.and(a2, held(C4_XOR_C6)));
    } else {
      below01 = fieldPair(0, x01, lastSaddle);
      minimum01 = minimumPair(below01);
    }
    last01 = tallyPair(0, j, x01, below01, minimum01, last01, held(BOX), held(BIN_SCALE), held(BINS), held(LAST_BIN), held(EPSILON));
    if (four) {
      const g23 = etaGradient2(x23, n, held(ETA_KAPPA), held(C0), held(C1), held(C2), held(C3), held(C4), held(C5), held(C6));
      if (clipped) {
        let d23 = f64x2.sub(g23, v128.load(e, 16));
        const inside = inside2(d23, held(CLIP), held(MINUS_CLIP));
        if (!i64x2.all_true(inside)) {
          d23 = clamp2(d23, held(CLIP), held(MINUS_CLIP), inside);
          clips += lanesOutside(inside);
        }
        x23 = f64x2.sub(x23, d23);
      } else {
        x23 = f64x2.add(f64x2.sub(x23, g23), v128.load(e, 16));
      }
      const in23 = inside2(x23, held(BOX), held(MINUS_BOX));
      if (!i64x2.all_true(in23)) {
        x23 = clamp2(x23, held(BOX), held(MINUS_BOX), in23);
        projections += lanesOutside(in23);
      }
      v128.store(XS4 + (<usize>j << 5), x23, 16);
      let below23: v128;
      let minimum23: v128;
      if (few) {
        const a0 = f64x2.gt(x23, held(SADDLE_0));
        const a1 = f64x2.gt(x23, held(SADDLE_1));
        const a2 = f64x2.gt(x23, held(SADDLE_2));
        above0x23 = i64x2.add(above0x23, a0);
        above1x23 = i64x2.add(above1x23, a1);
        above2x23 = i64x2.add(above2x23, a2);
        below23 = i64x2.add(i64x2.add(a0, a1), a2);
        minimum23 = v128.xor(v128.xor(v128.xor(held(C0), v128.and(a0, held(C0_XOR_C2))), v128.and(a1, held(C2_XOR_C4))), v128.and(a2, held(C4_XOR_C6)));
      } else {
        below23 = fieldPair(2, x23, lastSaddle);
        minimum23 = minimumPair(below23);
      }
      last23 = tallyPair(2, j, x23, below23, minimum23, last23, held(BOX), held(BIN_SCALE), held(BINS), held(LAST_BIN), held(EPSILON));
    }
  }
  if (few) {
    countFields(0, steps, lastSaddle, <i32>-i64x2.extract_lane(above0x01, 0), <i32>-i64x2.extract_lane(above1x01, 0), <i32>-i64x2.extract_lane(above2x01, 0));
    countFields(1, steps, lastSaddle, <i32>-i64x2.extract_lane(above0x01, 1), <i32>-i64x2.extract_lane(above1x01, 1), <i32>-i64x2.extract_lane(above2x01, 1));
    if (four) {
      countFields(2, steps, lastSaddle, <i32>-i64x2.extract_lane(above0x23, 0), <i32>-i64x2.extract_lane(above1x23, 0), <i32>-i64x2.extract_lane(above2x23, 0));
      countFields(3, steps, lastSaddle, <i32>-i64x2.extract_lane(above0x23, 1), <i32>-i64x2.extract_lane(above1x23, 1), <i32>-i64x2.extract_lane(above2x23, 1));
    }
  }
  store<i32>(GROUP_LAST, <i32>i64x2.extract_lane(last01, 0));
  store<i32>(GROUP_LAST, <i32>i64x2.extract_lane(last01, 1), 4);
  store<i32>(GROUP_LAST, <i32>i64x2.extract_lane(last23, 0), 8);
  store<i32>(GROUP_LAST, <i32>i64x2.extract_lane(last23, 1), 12);
  v128.store(XV, x01);
  v128.store(XV, x23, 16);
  v128.store(STATE, s0);
  v128.store(STATE, s1, 16);
  v128.store(STATE, s2, 32);
  v128.store(STATE, s3, 48);
  store<f64>(COUNTERS, load<f64>(COUNTERS, 16) + clips, 16);
  store<f64>(COUNTERS, load<f64>(COUNTERS, 24) + projections, 24);
}
