import { BUF, COUNTERS, XV } from './layout';
import { etaGradient2, truncate2, within2 } from './gradient';
import { boxL, clipB, etaKappa, omegaLeft, omegaRight, point, pointCount } from './params';

/**
 * Four exit-time samples side by side, as kernels/recursion.ts clippedLanes4 / unclippedLanes4:
 * lanes 0–1 and 2–3 in two f64x2 vectors (two independent chains fill the multiplier's latency).
 * Advances by up to `steps` from noise position `at` of BUF and stops after the first step in
 * which any lane left Ω; returns the steps taken. Each lane does the JavaScript lane's operations
 * in the same order; truncating a lane inside [−c, c] changes nothing, so "truncate all lanes
 * when one is out" gives the same bits as the JavaScript kernels.
 */
export function walk4(at: i32, steps: i32, clipped: bool): i32 {
  const n = pointCount;
  const ek = f64x2.splat(etaKappa);
  const c0 = f64x2.splat(point(0));
  const c1 = f64x2.splat(point(1));
  const c2 = f64x2.splat(point(2));
  const c3 = f64x2.splat(point(3));
  const c4 = f64x2.splat(point(4));
  const c5 = f64x2.splat(point(5));
  const c6 = f64x2.splat(point(6));
  const b = f64x2.splat(clipB);
  const minusB = f64x2.splat(-clipB);
  const L = f64x2.splat(boxL);
  const minusL = f64x2.splat(-boxL);
  const left = f64x2.splat(omegaLeft);
  const right = f64x2.splat(omegaRight);
  let x01 = v128.load(XV);
  let x23 = v128.load(XV, 16);
  let e = BUF + (<usize>at << 5);
  let j = 0;
  let clips = 0;
  let projections = 0;
  while (j < steps) {
    const g01 = etaGradient2(x01, n, ek, c0, c1, c2, c3, c4, c5, c6);
    const g23 = etaGradient2(x23, n, ek, c0, c1, c2, c3, c4, c5, c6);
    if (clipped) {
      let d01 = f64x2.sub(g01, v128.load(e));
      let d23 = f64x2.sub(g23, v128.load(e, 16));
      if (!(within2(d01, b, minusB) && within2(d23, b, minusB))) {
        d01 = truncate2(d01, b, minusB);
        d23 = truncate2(d23, b, minusB);
        clips++;
      }
      x01 = f64x2.sub(x01, d01);
      x23 = f64x2.sub(x23, d23);
    } else {
      x01 = f64x2.add(f64x2.sub(x01, g01), v128.load(e));
      x23 = f64x2.add(f64x2.sub(x23, g23), v128.load(e, 16));
    }
    if (!(within2(x01, L, minusL) && within2(x23, L, minusL))) {
      x01 = truncate2(x01, L, minusL);
      x23 = truncate2(x23, L, minusL);
      projections++;
    }
    j++;
    e += 32;
    const inside = v128.and(
      v128.and(f64x2.gt(x01, left), f64x2.lt(x01, right)),
      v128.and(f64x2.gt(x23, left), f64x2.lt(x23, right)),
    );
    if (!i64x2.all_true(inside)) break;
  }
  v128.store(XV, x01);
  v128.store(XV, x23, 16);
  store<f64>(COUNTERS, load<f64>(COUNTERS, 16) + <f64>clips, 16);
  store<f64>(COUNTERS, load<f64>(COUNTERS, 24) + <f64>projections, 24);
  return j;
}
