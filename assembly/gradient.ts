import { POINTS } from './layout';

/**
 * η f'(x) on two lanes at once, with exactly the multiplications of kernels/gradient.ts in the
 * same order (a balanced tree for 3, 5 and 7 points, a left-to-right product otherwise), so each
 * lane rounds as the JavaScript kernel does.
 */
@inline export function etaGradient2(
  x: v128, n: i32, ek: v128,
  c0: v128, c1: v128, c2: v128, c3: v128, c4: v128, c5: v128, c6: v128,
): v128 {
  if (n == 7) {
    return f64x2.mul(
      f64x2.mul(f64x2.mul(f64x2.sub(x, c0), f64x2.sub(x, c1)), f64x2.mul(f64x2.sub(x, c2), f64x2.sub(x, c3))),
      f64x2.mul(f64x2.mul(f64x2.sub(x, c4), f64x2.sub(x, c5)), f64x2.mul(f64x2.sub(x, c6), ek)),
    );
  }
  if (n == 5) {
    return f64x2.mul(
      f64x2.mul(f64x2.mul(f64x2.sub(x, c0), f64x2.sub(x, c1)), f64x2.mul(f64x2.sub(x, c2), f64x2.sub(x, c3))),
      f64x2.mul(f64x2.sub(x, c4), ek),
    );
  }
  if (n == 3) return f64x2.mul(f64x2.mul(f64x2.sub(x, c0), f64x2.sub(x, c1)), f64x2.mul(f64x2.sub(x, c2), ek));
  let p = ek;
  for (let k = 0; k < n; k++) p = f64x2.mul(p, f64x2.sub(x, f64x2.splat(load<f64>(POINTS + (<usize>k << 3)))));
  return p;
}

/** The same for one lane. */
@inline export function etaGradient1(
  x: f64, n: i32, ek: f64,
  c0: f64, c1: f64, c2: f64, c3: f64, c4: f64, c5: f64, c6: f64,
): f64 {
  if (n == 7) return (x - c0) * (x - c1) * ((x - c2) * (x - c3)) * ((x - c4) * (x - c5) * ((x - c6) * ek));
  if (n == 5) return (x - c0) * (x - c1) * ((x - c2) * (x - c3)) * ((x - c4) * ek);
  if (n == 3) return (x - c0) * (x - c1) * ((x - c2) * ek);
  let p = ek;
  for (let k = 0; k < n; k++) p *= x - load<f64>(POINTS + (<usize>k << 3));
  return p;
}

/** φ(w, c) = w > c ? c : w < −c ? −c : w, lane by lane (NaN stays NaN, as in recursion.ts). */
@inline export function truncate2(w: v128, c: v128, minusC: v128): v128 {
  return v128.bitselect(c, v128.bitselect(minusC, w, f64x2.lt(w, minusC)), f64x2.gt(w, c));
}

/** True when every lane of w lies in [−c, c] (false for NaN). */
@inline export function within2(w: v128, c: v128, minusC: v128): bool {
  return i64x2.all_true(v128.and(f64x2.le(w, c), f64x2.ge(w, minusC)));
}
