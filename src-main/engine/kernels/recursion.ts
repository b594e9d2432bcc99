/**
 * The SGD recursions (clipped, eq. 2–3; unclipped, eq. 10) advanced over a block of pre-drawn noise e(n) = η·Z(n):
 *   clipped (eq. 2–3):   X ← φ(X − φ(η f'(X) − e, b), L)
 *   unclipped (eq. 10):  X ← φ(X − η f'(X) + e, L)
 * with φ(w, c) = max(min(w, c), −c). One function per (clipped or not, lanes): each is
 * monomorphic, allocation-free and keeps everything in locals.
 *
 * φ is written as "test all lanes inside [−c, c] at once, truncate only when one is not": the
 * test is a predicted branch off the dependency chain, whereas Math.min/Math.max sit on it
 * (measured: 6.6 → 3.4 ns per lane-iteration for four clipped lanes).
 *
 * Lanes: four independent samples advanced in one loop. A single path is a dependency chain
 * (X(n+1) needs f'(X(n))), so one lane leaves the CPU waiting on multiplication latency; four
 * chains interleaved fill those gaps. Lanes stop together after the first step in which any of
 * them left Ω = (left, right), so the caller can finish and restart that lane.
 */
import { etaGradient } from './gradient';

export interface LaneBlock {
  /** X per lane. */
  x: Float64Array;
  /** Noise buffer; lane l reads e from buf[offset[l] + j]. */
  buf: Float64Array;
  offset: Int32Array;
  n: number;
  etaKappa: number;
  c7: Float64Array;
  c: Float64Array;
  left: number;
  right: number;
  b: number;
  L: number;
}

/** φ(w, c) for the rare w outside [−c, c]. */
function truncate(w: number, c: number): number {
  return w > c ? c : w < -c ? -c : w;
}

/** Advances lanes 0–3 by up to `steps`; returns the steps taken. */
export function clippedLanes4(k: LaneBlock, steps: number): number {
  const { buf, n, etaKappa: ek, c, left, right, b, L } = k;
  const c7 = k.c7;
  const c0 = c7[0], c1 = c7[1], c2 = c7[2], c3 = c7[3], c4 = c7[4], c5 = c7[5], c6 = c7[6];
  const o0 = k.offset[0];
  const o1 = k.offset[1];
  const o2 = k.offset[2];
  const o3 = k.offset[3];
  let x0 = k.x[0];
  let x1 = k.x[1];
  let x2 = k.x[2];
  let x3 = k.x[3];
  let j = 0;
  while (j < steps) {
    let d0 = etaGradient(x0, n, ek, c0, c1, c2, c3, c4, c5, c6, c) - buf[o0 + j];
    let d1 = etaGradient(x1, n, ek, c0, c1, c2, c3, c4, c5, c6, c) - buf[o1 + j];
    let d2 = etaGradient(x2, n, ek, c0, c1, c2, c3, c4, c5, c6, c) - buf[o2 + j];
    let d3 = etaGradient(x3, n, ek, c0, c1, c2, c3, c4, c5, c6, c) - buf[o3 + j];
    if (!(d0 <= b && d0 >= -b && d1 <= b && d1 >= -b && d2 <= b && d2 >= -b && d3 <= b && d3 >= -b)) {
      d0 = truncate(d0, b);
      d1 = truncate(d1, b);
      d2 = truncate(d2, b);
      d3 = truncate(d3, b);
    }
    x0 -= d0;
    x1 -= d1;
    x2 -= d2;
    x3 -= d3;
    if (!(x0 <= L && x0 >= -L && x1 <= L && x1 >= -L && x2 <= L && x2 >= -L && x3 <= L && x3 >= -L)) {
      x0 = truncate(x0, L);
      x1 = truncate(x1, L);
      x2 = truncate(x2, L);
      x3 = truncate(x3, L);
    }
    j++;
    if (!(x0 > left && x0 < right && x1 > left && x1 < right && x2 > left && x2 < right && x3 > left && x3 < right)) break;
  }
  k.x[0] = x0;
  k.x[1] = x1;
  k.x[2] = x2;
  k.x[3] = x3;
  return j;
}

export function unclippedLanes4(k: LaneBlock, steps: number): number {
  const { buf, n, etaKappa: ek, c, left, right, L } = k;
  const c7 = k.c7;
  const c0 = c7[0], c1 = c7[1], c2 = c7[2], c3 = c7[3], c4 = c7[4], c5 = c7[5], c6 = c7[6];
  const o0 = k.offset[0];
  const o1 = k.offset[1];
  const o2 = k.offset[2];
  const o3 = k.offset[3];
  let x0 = k.x[0];
  let x1 = k.x[1];
  let x2 = k.x[2];
  let x3 = k.x[3];
  let j = 0;
  while (j < steps) {
    x0 = x0 - etaGradient(x0, n, ek, c0, c1, c2, c3, c4, c5, c6, c) + buf[o0 + j];
    x1 = x1 - etaGradient(x1, n, ek, c0, c1, c2, c3, c4, c5, c6, c) + buf[o1 + j];
    x2 = x2 - etaGradient(x2, n, ek, c0, c1, c2, c3, c4, c5, c6, c) + buf[o2 + j];
    x3 = x3 - etaGradient(x3, n, ek, c0, c1, c2, c3, c4, c5, c6, c) + buf[o3 + j];
    if (!(x0 <= L && x0 >= -L && x1 <= L && x1 >= -L && x2 <= L && x2 >= -L && x3 <= L && x3 >= -L)) {
      x0 = truncate(x0, L);
      x1 = truncate(x1, L);
      x2 = truncate(x2, L);
      x3 = truncate(x3, L);
    }
    j++;
    if (!(x0 > left && x0 < right && x1 > left && x1 < right && x2 > left && x2 < right && x3 > left && x3 < right)) break;
  }
  k.x[0] = x0;
  k.x[1] = x1;
  k.x[2] = x2;
  k.x[3] = x3;
  return j;
}

/** One lane (lane 0), for when a single sample is left: no idle lanes to carry. */
export function clippedLane1(k: LaneBlock, steps: number): number {
  const { buf, n, etaKappa: ek, c, left, right, b, L } = k;
  const c7 = k.c7;
  const c0 = c7[0], c1 = c7[1], c2 = c7[2], c3 = c7[3], c4 = c7[4], c5 = c7[5], c6 = c7[6];
  const o0 = k.offset[0];
  let x0 = k.x[0];
  let j = 0;
  while (j < steps) {
    let d0 = etaGradient(x0, n, ek, c0, c1, c2, c3, c4, c5, c6, c) - buf[o0 + j];
    if (!(d0 <= b && d0 >= -b)) d0 = truncate(d0, b);
    x0 -= d0;
    if (!(x0 <= L && x0 >= -L)) x0 = truncate(x0, L);
    j++;
    if (!(x0 > left && x0 < right)) break;
  }
  k.x[0] = x0;
  return j;
}

export function unclippedLane1(k: LaneBlock, steps: number): number {
  const { buf, n, etaKappa: ek, c, left, right, L } = k;
  const c7 = k.c7;
  const c0 = c7[0], c1 = c7[1], c2 = c7[2], c3 = c7[3], c4 = c7[4], c5 = c7[5], c6 = c7[6];
  const o0 = k.offset[0];
  let x0 = k.x[0];
  let j = 0;
  while (j < steps) {
    x0 = x0 - etaGradient(x0, n, ek, c0, c1, c2, c3, c4, c5, c6, c) + buf[o0 + j];
    if (!(x0 <= L && x0 >= -L)) x0 = truncate(x0, L);
    j++;
    if (!(x0 > left && x0 < right)) break;
  }
  k.x[0] = x0;
  return j;
}
