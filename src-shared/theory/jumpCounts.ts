import type { Field, Landscape } from '../model/landscape';
import { fields } from '../model/landscape';

/**
 * Relative tolerance for "r_i / b is an integer" (Assumption 3) and for the ceilings
 * ⌈r_i/b⌉, ⌈·/b⌉: decimal inputs such as r = 0.21, b = 0.21 give 0.9999999999999998 in
 * floating point, which must count as the integer 1, not as "just below 1".
 */
export const INTEGER_TOLERANCE = 1e-9;

/**
 * The integer k ≥ 1 nearest to v when v is within the relative tolerance of it, else null.
 * 0 never counts: the ratios here are distances over b, positive by construction, and a
 * tiny r/b (b far above r) is simply "less than one jump", not the integer 0.
 */
export function nearInteger(v: number): number | null {
  const k = Math.round(v);
  return k >= 1 && Math.abs(v - k) <= INTEGER_TOLERANCE * Math.abs(v) ? k : null;
}

/** ⌈v⌉ that treats floating-point near-integers as the integer itself. */
export function ceilTolerant(v: number): number {
  return nearInteger(v) ?? Math.ceil(v);
}

/** r_i = min(m_i − s_{i−1}, s_i − m_i) (eq. 4); s_0 = −∞, s_n = +∞. */
export function radius(field: Field): number {
  return Math.min(field.minimum - field.left, field.right - field.minimum);
}

/** l*_i = ⌈r_i / b⌉ (eq. 5); 1 for unclipped SGD (b = null). */
export function lStar(field: Field, clip: number | null): number {
  if (clip === null) return 1;
  return ceilTolerant(radius(field) / clip);
}

/**
 * l_ij (eq. 7): the fewest jumps of length ≤ b that carry m_i into Ω_j;
 * ⌈(s_{j−1} − m_i)/b⌉ for j > i, ⌈(m_i − s_j)/b⌉ for j < i. Unclipped: 1. Indices 1-based.
 */
export function lij(landscape: Landscape, clip: number | null, i: number, j: number): number {
  const fs = fields(landscape);
  const from = fs[i - 1];
  const to = fs[j - 1];
  if (clip === null) return 1;
  const distance = j > i ? to.left - from.minimum : from.minimum - to.right;
  return ceilTolerant(distance / clip);
}

/** β_i = α + (α − 1)(l*_i − 1): the mean exit time from Ω_i grows like (1/η)^β_i. */
export function exitExponent(alpha: number, l: number): number {
  return alpha + (alpha - 1) * (l - 1);
}
