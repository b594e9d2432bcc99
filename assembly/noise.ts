import { BUF, COUNTERS, LANES, BLOCK, PENDING_CANDIDATE, PENDING_COUNT, PENDING_POSITION, PENDING_WORD, STATE, TABLE_X, TABLE_XIN } from './layout';
import { noiseScale, noiseShift } from './params';

/**
 * The first pass of the ziggurat samplers (samplers/paretoNoise.ts firstPassHalf,
 * samplers/gaussianNoise.ts firstPass): per value two xoshiro128** outputs a, b of the main
 * stream, v = ((a + 2^31)·2^21 + (b >>> 11))·2^−53·X[b & 1023], accepted when v < XIN[i + 1] as
 * ±hs·v − hshift (minus when bit 10 of b is set); otherwise noted as pending (position, v,
 * b & 2047) for the second pass, which the JavaScript sampler runs (`finish`) with the auxiliary
 * stream. The integer steps are the generator's own (wrapping 32-bit multiply, shifts, xor) and
 * the floating-point ones are the same operations in the same order, so every value is the
 * JavaScript one, bit for bit.
 */

const M53: f64 = 1.1102230246251565e-16;
const TWO_POW_21: f64 = 2097152;
const TWO_POW_31: f64 = 2147483648;

@inline function rotl4(x: v128, k: i32): v128 {
  return v128.or(i32x4.shl(x, k), i32x4.shr_u(x, 32 - k));
}

@inline export function tally(counter: i32): void {
  const p = COUNTERS + (<usize>counter << 3);
  store<f64>(p, load<f64>(p) + 1);
}

/** Notes value `position` of `lane` for the second pass. */
@inline export function addPending(lane: i32, position: i32, candidate: f64, word: i32): void {
  const countAt = PENDING_COUNT + (<usize>lane << 2);
  const q = load<i32>(countAt);
  const k = <usize>(lane * BLOCK + q);
  store<i32>(PENDING_POSITION + (k << 2), position);
  store<f64>(PENDING_CANDIDATE + (k << 3), candidate);
  store<i32>(PENDING_WORD + (k << 2), word);
  store<i32>(countAt, q + 1);
  tally((word & 1023) == 0 ? 0 : 1);
}

/**
 * Values [from, to) of all four lanes at once, each lane from its own stream (one i32x4 per
 * state word). Lanes whose bit in `activeMask` is clear get 0 (an idle exit-time lane sits at a
 * minimum with no noise) and no pending notes. Pending counts are reset first.
 */
export function fill4(from: i32, to: i32, activeMask: i32): void {
  for (let l = 0; l < LANES; l++) store<i32>(PENDING_COUNT + (<usize>l << 2), 0);
  let s0 = v128.load(STATE);
  let s1 = v128.load(STATE, 16);
  let s2 = v128.load(STATE, 32);
  let s3 = v128.load(STATE, 48);
  const five = i32x4.splat(5);
  const nine = i32x4.splat(9);
  const low10 = i32x4.splat(1023);
  const signBit = i32x4.splat(1024);
  const hs = f64x2.splat(noiseScale);
  const minusHs = f64x2.splat(-noiseScale);
  const hshift = f64x2.splat(noiseShift);
  const two31 = f64x2.splat(TWO_POW_31);
  const two21 = f64x2.splat(TWO_POW_21);
  const m53 = f64x2.splat(M53);
  const active01 = i64x2((activeMask & 1) != 0 ? -1 : 0, (activeMask & 2) != 0 ? -1 : 0);
  const active23 = i64x2((activeMask & 4) != 0 ? -1 : 0, (activeMask & 8) != 0 ? -1 : 0);
  for (let j = from; j < to; j++) {
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
    const b = i32x4.mul(rotl4(r, 7), nine);
    t9 = i32x4.shl(s1, 9);
    s2 = v128.xor(s2, s0);
    s3 = v128.xor(s3, s1);
    s1 = v128.xor(s1, s2);
    s0 = v128.xor(s0, s3);
    s2 = v128.xor(s2, t9);
    s3 = rotl4(s3, 11);

    const layer = v128.and(b, low10);
    const i0 = <usize>i32x4.extract_lane(layer, 0) << 3;
    const i1 = <usize>i32x4.extract_lane(layer, 1) << 3;
    const i2 = <usize>i32x4.extract_lane(layer, 2) << 3;
    const i3 = <usize>i32x4.extract_lane(layer, 3) << 3;
    const b11 = i32x4.shr_u(b, 11);
    const aHigh = i32x4.shuffle(a, a, 2, 3, 2, 3);
    const bHigh = i32x4.shuffle(b11, b11, 2, 3, 2, 3);
    const u01 = f64x2.mul(f64x2.add(f64x2.mul(f64x2.add(f64x2.convert_low_i32x4_s(a), two31), two21), f64x2.convert_low_i32x4_u(b11)), m53);
    const u23 = f64x2.mul(f64x2.add(f64x2.mul(f64x2.add(f64x2.convert_low_i32x4_s(aHigh), two31), two21), f64x2.convert_low_i32x4_u(bHigh)), m53);
    const v01 = f64x2.mul(u01, f64x2(load<f64>(TABLE_X + i0), load<f64>(TABLE_X + i1)));
    const v23 = f64x2.mul(u23, f64x2(load<f64>(TABLE_X + i2), load<f64>(TABLE_X + i3)));
    const fast01 = f64x2.lt(v01, f64x2(load<f64>(TABLE_XIN + i0, 8), load<f64>(TABLE_XIN + i1, 8)));
    const fast23 = f64x2.lt(v23, f64x2(load<f64>(TABLE_XIN + i2, 8), load<f64>(TABLE_XIN + i3, 8)));
    const minus = i32x4.ne(v128.and(b, signBit), i32x4.splat(0));
    const minus01 = i64x2.extend_low_i32x4_s(minus);
    const minus23 = i64x2.extend_high_i32x4_s(minus);
    const e01 = v128.bitselect(f64x2.sub(f64x2.mul(minusHs, v01), hshift), f64x2.sub(f64x2.mul(hs, v01), hshift), minus01);
    const e23 = v128.bitselect(f64x2.sub(f64x2.mul(minusHs, v23), hshift), f64x2.sub(f64x2.mul(hs, v23), hshift), minus23);
    const at = BUF + (<usize>j << 5);
    v128.store(at, v128.and(e01, active01));
    v128.store(at, v128.and(e23, active23), 16);
    // Rare (about 1% of values per lane): note the rejected lanes for the second pass.
    const slow01 = v128.andnot(active01, fast01);
    const slow23 = v128.andnot(active23, fast23);
    if (v128.any_true(v128.or(slow01, slow23))) {
      const word = v128.and(b, i32x4.splat(2047));
      if (i64x2.extract_lane(slow01, 0) != 0) addPending(0, j * 4, f64x2.extract_lane(v01, 0), i32x4.extract_lane(word, 0));
      if (i64x2.extract_lane(slow01, 1) != 0) addPending(1, j * 4 + 1, f64x2.extract_lane(v01, 1), i32x4.extract_lane(word, 1));
      if (i64x2.extract_lane(slow23, 0) != 0) addPending(2, j * 4 + 2, f64x2.extract_lane(v23, 0), i32x4.extract_lane(word, 2));
      if (i64x2.extract_lane(slow23, 1) != 0) addPending(3, j * 4 + 3, f64x2.extract_lane(v23, 1), i32x4.extract_lane(word, 3));
    }
  }
  v128.store(STATE, s0);
  v128.store(STATE, s1, 16);
  v128.store(STATE, s2, 32);
  v128.store(STATE, s3, 48);
}

/**
 * Values [from, to) of one lane, written at out + 8·(stride·j + offset) and noted at position
 * stride·j + offset: a new exit-time sample filling the rest of its lane's block (stride 4), or a
 * long path's block (lane 0, stride 1, offset 0). Resets the lane's pending count first.
 */
export function fill1(lane: i32, out: usize, stride: i32, offset: i32, from: i32, to: i32): void {
  store<i32>(PENDING_COUNT + (<usize>lane << 2), 0);
  const st = STATE + (<usize>lane << 2);
  let s0 = load<i32>(st);
  let s1 = load<i32>(st, 16);
  let s2 = load<i32>(st, 32);
  let s3 = load<i32>(st, 48);
  const hs = noiseScale;
  const hshift = noiseShift;
  for (let j = from; j < to; j++) {
    let r = s1 * 5;
    const a = rotl<i32>(r, 7) * 9;
    let t9 = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t9;
    s3 = rotl<i32>(s3, 11);
    r = s1 * 5;
    const b = rotl<i32>(r, 7) * 9;
    t9 = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t9;
    s3 = rotl<i32>(s3, 11);
    const i = <usize>(b & 1023) << 3;
    const v = ((<f64>a + TWO_POW_31) * TWO_POW_21 + <f64>(<u32>b >>> 11)) * M53 * load<f64>(TABLE_X + i);
    const k = stride * j + offset;
    if (v < load<f64>(TABLE_XIN + i, 8)) {
      store<f64>(out + (<usize>k << 3), (b & 1024) == 0 ? hs * v - hshift : -hs * v - hshift);
    } else {
      addPending(lane, k, v, b & 2047);
    }
  }
  store<i32>(st, s0);
  store<i32>(st, s1, 16);
  store<i32>(st, s2, 32);
  store<i32>(st, s3, 48);
}
