import { COUNTERS, PENDING_COUNT, STATE, TABLE_X, TABLE_XIN, XS, XV } from './layout';
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
 * One long path, as kernels/walkDrawing.ts: walks the noise at `buf` [0, steps) from X = XV[0]
 * into XS while drawing the first ziggurat attempts of the next block's noise [0, nextSteps)
 * into `next` from lane 0's main stream (nextSteps ≤ steps; the rest of the block only walks).
 * The draws do not depend on X, so they fill the gaps of the recursion's dependency chain.
 * Pending values go to lane 0's notes, whose count this resets.
 */
export function walkDrawing1(buf: usize, next: usize, steps: i32, nextSteps: i32, clipped: bool): void {
  store<i32>(PENDING_COUNT, 0);
  clips = 0;
  projections = 0;
  const n = pointCount;
  const ek = etaKappa;
  const c0 = point(0), c1 = point(1), c2 = point(2), c3 = point(3), c4 = point(4), c5 = point(5), c6 = point(6);
  const b = clipB;
  const L = boxL;
  const hs = noiseScale;
  const hshift = noiseShift;
  let s0 = load<i32>(STATE);
  let s1 = load<i32>(STATE, 16);
  let s2 = load<i32>(STATE, 32);
  let s3 = load<i32>(STATE, 48);
  let x = load<f64>(XV);
  let j = 0;
  for (; j < nextSteps; j++) {
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
    const g = etaGradient1(x, n, ek, c0, c1, c2, c3, c4, c5, c6);
    x = step(x, g, load<f64>(buf + (<usize>j << 3)), b, L, clipped);
    store<f64>(XS + (<usize>j << 3), x);
  }
  for (; j < steps; j++) {
    const g = etaGradient1(x, n, ek, c0, c1, c2, c3, c4, c5, c6);
    x = step(x, g, load<f64>(buf + (<usize>j << 3)), b, L, clipped);
    store<f64>(XS + (<usize>j << 3), x);
  }
  store<f64>(XV, x);
  store<i32>(STATE, s0);
  store<i32>(STATE, s1, 16);
  store<i32>(STATE, s2, 32);
  store<i32>(STATE, s3, 48);
  store<f64>(COUNTERS, load<f64>(COUNTERS, 16) + clips, 16);
  store<f64>(COUNTERS, load<f64>(COUNTERS, 24) + projections, 24);
}
