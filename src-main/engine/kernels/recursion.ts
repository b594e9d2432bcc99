/**
 * The SGD recursions of DESIGN.md §1 advanced over a block of pre-drawn noise e(n) = η·Z(n):
 *   clipped (eq. 2–3):   X ← φ(X − φ(η f'(X) − e, b), L)
 *   unclipped (eq. 10):  X ← φ(X − η f'(X) + e, L)
 * with φ(w, c) = max(min(w, c), −c). One function per (clipped or not, lanes): each is
 * monomorphic, allocation-free and keeps everything in locals.
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
    const g0 = etaGradient(x0, n, ek, c0, c1, c2, c3, c4, c5, c6, c);
    const g1 = etaGradient(x1, n, ek, c0, c1, c2, c3, c4, c5, c6, c);
    const g2 = etaGradient(x2, n, ek, c0, c1, c2, c3, c4, c5, c6, c);
    const g3 = etaGradient(x3, n, ek, c0, c1, c2, c3, c4, c5, c6, c);
    x0 = Math.max(Math.min(x0 - Math.max(Math.min(g0 - buf[o0 + j], b), -b), L), -L);
    x1 = Math.max(Math.min(x1 - Math.max(Math.min(g1 - buf[o1 + j], b), -b), L), -L);
    x2 = Math.max(Math.min(x2 - Math.max(Math.min(g2 - buf[o2 + j], b), -b), L), -L);
    x3 = Math.max(Math.min(x3 - Math.max(Math.min(g3 - buf[o3 + j], b), -b), L), -L);
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
    const g0 = etaGradient(x0, n, ek, c0, c1, c2, c3, c4, c5, c6, c);
    const g1 = etaGradient(x1, n, ek, c0, c1, c2, c3, c4, c5, c6, c);
    const g2 = etaGradient(x2, n, ek, c0, c1, c2, c3, c4, c5, c6, c);
    const g3 = etaGradient(x3, n, ek, c0, c1, c2, c3, c4, c5, c6, c);
    x0 = Math.max(Math.min(x0 - g0 + buf[o0 + j], L), -L);
    x1 = Math.max(Math.min(x1 - g1 + buf[o1 + j], L), -L);
    x2 = Math.max(Math.min(x2 - g2 + buf[o2 + j], L), -L);
    x3 = Math.max(Math.min(x3 - g3 + buf[o3 + j], L), -L);
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
    const g0 = etaGradient(x0, n, ek, c0, c1, c2, c3, c4, c5, c6, c);
    x0 = Math.max(Math.min(x0 - Math.max(Math.min(g0 - buf[o0 + j], b), -b), L), -L);
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
    const g0 = etaGradient(x0, n, ek, c0, c1, c2, c3, c4, c5, c6, c);
    x0 = Math.max(Math.min(x0 - g0 + buf[o0 + j], L), -L);
    j++;
    if (!(x0 > left && x0 < right)) break;
  }
  k.x[0] = x0;
  return j;
}
