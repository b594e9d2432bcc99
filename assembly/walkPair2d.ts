/**
 * Two exit-time samples walked side by side, one per f64x2 lane, in either form of the walk's
 * terms (round wells or general quadratic forms). One sample's step is a single dependency
 * chain (an exp per term, the sums, the clip's sqrt and division, the projection) that leaves
 * most of the core idle; a second, independent chain in the other lane fills it. Each lane does the operations of walk2d.ts's
 * step in the same order (SIMD arithmetic is IEEE per lane, no fused multiply-add), so each
 * sample's iterates are the scalar walk's bit for bit; the exp's table lookups and the basin
 * lookup are done lane by lane.
 */
import { BLOCK } from './layout';
import { fastExpPair } from './fastExpPair';
import { box, clip, clip2, etaConfinement, nodes, OVER, radial, spacing, termCount, UNDER, WALK2D_BUF, WALK2D_LABELS, WALK2D_TERMS } from './walk2d';

/** Lane B's η·Z pairs (lane A's are WALK2D_BUF), x, y of step j at 2j, 2j + 1. */
export const PAIR2D_BUF_B: usize = memory.data(2 * BLOCK * 8, 16);
/** [xA, xB, yA, yB] of the two samples. */
export const PAIR2D_XY: usize = memory.data(4 * 8, 16);
/** The basins of each lane's last iterate. */
export const PAIR2D_BASINS: usize = memory.data(2 * 4, 16);

export function regionPair2d(k: i32): usize {
  switch (k) {
    case 0: return PAIR2D_BUF_B;
    case 1: return PAIR2D_XY;
    case 2: return PAIR2D_BASINS;
    default: return 0;
  }
}

// @ts-ignore: decorator
@inline function pair(a: f64, b: f64): v128 {
  return f64x2.replace_lane(f64x2.splat(a), 1, b);
}

/**
 * Up to `steps` steps of both samples, lane A on WALK2D_BUF from pair fromA, lane B on
 * PAIR2D_BUF_B from pair fromB; stops after the first step in which an active lane (bit 0: A,
 * bit 1: B) leaves basin `home`. Returns the steps taken; each lane's last basin is in
 * PAIR2D_BASINS. An inactive lane walks too (its numbers are not used) but never stops the loop.
 */
export function walkPair2d(fromA: i32, fromB: i32, steps: i32, home: i32, active: i32): i32 {
  const count = termCount;
  const n = nodes;
  const last = n - 1;
  const hv = f64x2.splat(spacing);
  const L = box;
  const Lv = f64x2.splat(L);
  const minusL = f64x2.splat(-L);
  const bv = f64x2.splat(clip);
  const b2v = f64x2.splat(clip2);
  const ek = f64x2.splat(etaConfinement);
  const under = f64x2.splat(UNDER);
  const over = f64x2.splat(OVER);
  const infinity = f64x2.splat(Infinity);
  const zero = f64x2.splat(0);
  const half = f64x2.splat(0.5);
  const one = f64x2.splat(1);
  const lastv = i32x4.splat(last);
  const nv = i32x4.splat(n);
  const watchA = (active & 1) != 0;
  const watchB = (active & 2) != 0;
  let x = v128.load(PAIR2D_XY);
  let y = v128.load(PAIR2D_XY, 16);
  let basinA = 0;
  let basinB = 0;
  let j = 0;
  while (j < steps) {
    let gx = f64x2.mul(ek, x);
    let gy = f64x2.mul(ek, y);
    if (radial) {
      for (let k = 0; k < count; k++) {
        const o = WALK2D_TERMS + ((<usize>k) << 5);
        const dx = f64x2.sub(x, v128.load64_splat(o));
        const dy = f64x2.sub(y, v128.load64_splat(o, 8));
        const q = f64x2.mul(v128.load64_splat(o, 16), f64x2.add(f64x2.mul(dx, dx), f64x2.mul(dy, dy)));
        const live = f64x2.gt(q, under);
        // A lane whose e^q is 0 computes the exp of UNDER instead, so its table indices stay in range.
        const e = v128.bitselect(f64x2.mul(fastExpPair(v128.bitselect(q, under, live)), v128.load64_splat(o, 24)), zero, live);
        gx = f64x2.add(gx, f64x2.mul(e, dx));
        gy = f64x2.add(gy, f64x2.mul(e, dy));
      }
    } else {
      for (let k = 0; k < count; k++) {
        const o = WALK2D_TERMS + (<usize>k) * 48;
        const dx = f64x2.sub(x, v128.load64_splat(o));
        const dy = f64x2.sub(y, v128.load64_splat(o, 8));
        const c = v128.load64_splat(o, 24);
        const px = f64x2.add(f64x2.mul(v128.load64_splat(o, 16), dx), f64x2.mul(c, dy));
        const py = f64x2.add(f64x2.mul(c, dx), f64x2.mul(v128.load64_splat(o, 32), dy));
        const q = f64x2.mul(half, f64x2.add(f64x2.mul(px, dx), f64x2.mul(py, dy)));
        // As the scalar form: e^q where UNDER < q < OVER, +∞ from OVER up, else (below, NaN) 0.
        const live = v128.and(f64x2.gt(q, under), f64x2.lt(q, over));
        let e = v128.bitselect(fastExpPair(v128.bitselect(q, under, live)), zero, live);
        e = f64x2.mul(v128.bitselect(infinity, e, f64x2.ge(q, over)), v128.load64_splat(o, 40));
        gx = f64x2.add(gx, f64x2.mul(e, px));
        gy = f64x2.add(gy, f64x2.mul(e, py));
      }
    }
    const atA = WALK2D_BUF + ((<usize>(fromA + j)) << 4);
    const atB = PAIR2D_BUF_B + ((<usize>(fromB + j)) << 4);
    let vx = f64x2.sub(gx, pair(load<f64>(atA), load<f64>(atB)));
    let vy = f64x2.sub(gy, pair(load<f64>(atA, 8), load<f64>(atB, 8)));
    const v2 = f64x2.add(f64x2.mul(vx, vx), f64x2.mul(vy, vy));
    const clipped = f64x2.gt(v2, b2v);
    if (v128.any_true(clipped)) {
      const sc = f64x2.div(bv, f64x2.sqrt(v2));
      vx = v128.bitselect(f64x2.mul(vx, sc), vx, clipped);
      vy = v128.bitselect(f64x2.mul(vy, sc), vy, clipped);
    }
    x = f64x2.sub(x, vx);
    y = f64x2.sub(y, vy);
    // Outside the box (or NaN): L above it, −L otherwise, as the scalar projection.
    x = v128.bitselect(x, v128.bitselect(Lv, minusL, f64x2.gt(x, Lv)), v128.and(f64x2.le(x, Lv), f64x2.ge(x, minusL)));
    y = v128.bitselect(y, v128.bitselect(Lv, minusL, f64x2.gt(y, Lv)), v128.and(f64x2.le(y, Lv), f64x2.ge(y, minusL)));
    // Round half up ((x + L)/h to the nearest node, as the scalar walk) in both lanes, then the nodes' label indices.
    const gxn = f64x2.div(f64x2.add(x, Lv), hv);
    const gyn = f64x2.div(f64x2.add(y, Lv), hv);
    const cx = f64x2.ceil(gxn);
    const cy = f64x2.ceil(gyn);
    const ni = i32x4.trunc_sat_f64x2_s_zero(v128.bitselect(cx, f64x2.sub(cx, one), f64x2.le(f64x2.sub(cx, half), gxn)));
    const nj = i32x4.trunc_sat_f64x2_s_zero(v128.bitselect(cy, f64x2.sub(cy, one), f64x2.le(f64x2.sub(cy, half), gyn)));
    const node = v128.add<i32>(v128.mul<i32>(i32x4.min_s(nj, lastv), nv), i32x4.min_s(ni, lastv));
    basinA = <i32>load<u8>(WALK2D_LABELS + <usize>i32x4.extract_lane(node, 0));
    basinB = <i32>load<u8>(WALK2D_LABELS + <usize>i32x4.extract_lane(node, 1));
    j++;
    if ((watchA && basinA != home) || (watchB && basinB != home)) break;
  }
  v128.store(PAIR2D_XY, x);
  v128.store(PAIR2D_XY, y, 16);
  store<i32>(PAIR2D_BASINS, basinA);
  store<i32>(PAIR2D_BASINS, basinB, 4);
  return j;
}
