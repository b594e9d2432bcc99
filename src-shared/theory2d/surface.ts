/** A point of the plane, [x, y]. */
export type Vec2 = [number, number];

/** The symmetric Hessian [[xx, xy], [xy, yy]] as its three distinct entries. */
export interface Hessian2 {
  xx: number;
  xy: number;
  yy: number;
}

/**
 * A smooth loss f on the box [−L, L]², with its gradient and Hessian in closed form.
 * Every 2-D algorithm here (critical points, basin map, reachability) sees only this.
 */
export interface Surface2D {
  L: number;
  value(x: number, y: number): number;
  gradient(x: number, y: number): Vec2;
  hessian(x: number, y: number): Hessian2;
}

/** Eigenvalues of a symmetric 2×2 matrix, ascending (closed form, no iteration). */
export function eigenvalues(h: Hessian2): [number, number] {
  const mean = (h.xx + h.yy) / 2;
  const spread = Math.hypot((h.xx - h.yy) / 2, h.xy);
  return [mean - spread, mean + spread];
}

/** Coordinate-wise projection onto the box, as the SGD step does after each move. */
export function clampToBox(p: Vec2, L: number): Vec2 {
  return [Math.min(L, Math.max(-L, p[0])), Math.min(L, Math.max(-L, p[1]))];
}
