import { COUNTERS, ENTRY_BALL, ENTRY_TIME, FIELD_COUNTS, GROUP_ENTRIES, GROUP_LAST, GROUP_N0, HISTOGRAM, PENDING_COUNT, POINTS, STATE, TABLE_X, TABLE_XIN, XS, XV } from './layout';
import { countFields } from './tally';
import { addPending } from './noise';
import { etaGradient1 } from './gradient';
import { boxL, clipB, etaKappa, noiseScale, noiseShift, point, pointCount } from './params';

const M53: f64 = 1.1102230246251565e-16;
const TWO_POW_21: f64 = 2097152;
const TWO_POW_31: f64 = 2147483648;

let clips: f64 = 0;
let projections: f64 = 0;

/** One step of the recursion (kernels/walk.ts walkBlock, lane by lane the same operations). */
@inline function step(x: f64, g: f64, e: f64, b: f64, L: f64, clipped: bool): f64 {
  if (clipped) {
    let d = g - e;
    if (!(d <= b && d >= -b)) {
      d = d > b ? b : -b;
      clips++;
    }
    x -= d;
  } else {
    x = x - g + e;
  }
  if (!(x <= L && x >= -L)) {
    x = x > L ? L : -L;
    projections++;
  }
  return x;
}

/**
 * One long path, as kernels/walkDrawing.ts and walk.ts tallyBlock: walks the noise at `buf`
 * [0, steps) from X = XV[0] into XS while drawing the first ziggurat attempts of the next
 * block's noise [0, nextSteps) into `next` from lane 0's main stream (nextSteps ≤ steps; the rest
 * of the block only walks), and tallies each step as it goes into lane 0's histogram and field
 * counts, with its ball entries at ENTRY_* (counted in GROUP_ENTRIES; n0 and the last ball from
 * GROUP_N0 and GROUP_LAST, as for a group). Neither the draws nor the tallies depend on the next
 * X, so they fill the gaps of the recursion's dependency chain. The tally does tallyBlock's
 * comparisons and double arithmetic: the bin floor((x + L)·binScale) capped at the last, the
 * field the number of saddles below x (counted per saddle and turned into field counts after the
 * block when there are at most 3; scanned as tallyBlock does otherwise), and that field's
 * minimum for the ball check. Thinned points are left to the caller (it reads them from XS).
 * Pending values go to lane 0's notes, whose count this resets.
 */
export function walkDrawing1(buf: usize, next: usize, steps: i32, nextSteps: i32, clipped: bool, bins: i32, binScale: f64, epsilon: f64): void {
  store<i32>(PENDING_COUNT, 0);
  store<i32>(GROUP_ENTRIES, 0);
  clips = 0;
  projections = 0;
  const n = pointCount;
  const ek = etaKappa;
  const c0 = point(0), c1 = point(1), c2 = point(2), c3 = point(3), c4 = point(4), c5 = point(5), c6 = point(6);
  const b = clipB;
  const L = boxL;
  const hs = noiseScale;
  const hshift = noiseShift;
  const lastSaddle = ((n + 1) >> 1) - 1;
  const few = lastSaddle <= 3;
  const saddle0 = lastSaddle > 0 ? c1 : Infinity;
  const saddle1 = lastSaddle > 1 ? c3 : Infinity;
  const saddle2 = lastSaddle > 2 ? c5 : Infinity;
  const binsF = <f64>bins;
  const n0 = load<f64>(GROUP_N0);
  let last = load<i32>(GROUP_LAST);
  let entries = 0;
  let up0 = 0;
  let up1 = 0;
  let up2 = 0;
  let s0 = load<i32>(STATE);
  let s1 = load<i32>(STATE, 16);
  let s2 = load<i32>(STATE, 32);
  let s3 = load<i32>(STATE, 48);
  let x = load<f64>(XV);
  for (let j = 0; j < steps; j++) {
    if (j < nextSteps) {
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
      const bw = rotl<i32>(r, 7) * 9;
      t9 = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t9;
      s3 = rotl<i32>(s3, 11);
      const i = <usize>(bw & 1023) << 3;
      const v = ((<f64>a + TWO_POW_31) * TWO_POW_21 + <f64>(<u32>bw >>> 11)) * M53 * load<f64>(TABLE_X + i);
      if (v < load<f64>(TABLE_XIN + i, 8)) {
        store<f64>(next + (<usize>j << 3), (bw & 1024) == 0 ? hs * v - hshift : -hs * v - hshift);
      } else {
        addPending(0, j, v, bw & 2047);
      }
    }
    const g = etaGradient1(x, n, ek, c0, c1, c2, c3, c4, c5, c6);
    x = step(x, g, load<f64>(buf + (<usize>j << 3)), b, L, clipped);
    store<f64>(XS + (<usize>j << 3), x);

    const bf = Math.floor((x + L) * binScale);
    const h = HISTOGRAM + (<usize>(bf < binsF ? <i32>bf : bins - 1) << 3);
    store<f64>(h, load<f64>(h) + 1);
    let f: i32;
    let minimum: f64;
    if (few) {
      const a0 = <i32>(x > saddle0);
      const a1 = <i32>(x > saddle1);
      const a2 = <i32>(x > saddle2);
      up0 += a0;
      up1 += a1;
      up2 += a2;
      f = a0 + a1 + a2;
      minimum = select<f64>(c6, select<f64>(c4, select<f64>(c2, c0, a0), a1), a2);
    } else {
      f = 0;
      while (f < lastSaddle && x > load<f64>(POINTS + (<usize>(2 * f + 1) << 3))) f++;
      const fc = FIELD_COUNTS + (<usize>f << 3);
      store<f64>(fc, load<f64>(fc) + 1);
      minimum = load<f64>(POINTS + (<usize>(2 * f) << 3));
    }
    if (f + 1 != last && Math.abs(x - minimum) <= epsilon) {
      last = f + 1;
      store<f64>(ENTRY_TIME + (<usize>entries << 3), n0 + <f64>j + 1);
      store<i32>(ENTRY_BALL + (<usize>entries << 2), last);
      entries++;
    }
  }
  if (few) countFields(0, steps, lastSaddle, up0, up1, up2);
  store<i32>(GROUP_LAST, last);
  store<i32>(GROUP_ENTRIES, entries);
  store<f64>(XV, x);
  store<i32>(STATE, s0);
  store<i32>(STATE, s1, 16);
  store<i32>(STATE, s2, 32);
  store<i32>(STATE, s3, 48);
  store<f64>(COUNTERS, load<f64>(COUNTERS, 16) + clips, 16);
  store<f64>(COUNTERS, load<f64>(COUNTERS, 24) + projections, 24);
}
