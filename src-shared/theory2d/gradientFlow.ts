import { clampToBox, eigenvalues, type Surface2D, type Vec2 } from './surface';

/**
 * The gradient flow ẋ = −∇f(x), projected onto the box like the SGD step, traced by its
 * path rather than its clock: classical RK4 on the unit field −∇f/|∇f| with arc-length
 * steps. The path (not the time spent on it) is all that basins and reachable sets need,
 * and fixed arc-length steps keep the slow stretches near saddles from costing more.
 */
export function flowStep(surface: Surface2D, p: Vec2, ds: number): Vec2 {
  const dir = (x: number, y: number): Vec2 => {
    const [gx, gy] = surface.gradient(x, y);
    const n = Math.hypot(gx, gy);
    return n > 0 ? [-gx / n, -gy / n] : [0, 0];
  };
  const [x, y] = p;
  const k1 = dir(x, y);
  const k2 = dir(x + (ds / 2) * k1[0], y + (ds / 2) * k1[1]);
  const k3 = dir(x + (ds / 2) * k2[0], y + (ds / 2) * k2[1]);
  const k4 = dir(x + ds * k3[0], y + ds * k3[1]);
  return clampToBox(
    [x + (ds / 6) * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]), y + (ds / 6) * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1])],
    surface.L,
  );
}

/**
 * Radius of a disc around the minimum m on which f is strictly convex (sampled on rings),
 * shrunk by a safety factor. On such a disc ⟨∇f(x), x − m⟩ > 0, so |x − m| decreases along
 * the flow: a path that enters the disc ends at m, and tracing may stop there.
 */
export function captureRadius(surface: Surface2D, m: Vec2): number {
  const dr = surface.L / 400;
  const angles = 48;
  for (let q = 1; q <= 400; q++) {
    const r = q * dr;
    for (let a = 0; a < angles; a++) {
      const t = (2 * Math.PI * a) / angles;
      const x = m[0] + r * Math.cos(t);
      const y = m[1] + r * Math.sin(t);
      if (eigenvalues(surface.hessian(x, y))[0] <= 0) return 0.7 * Math.max(r - dr, dr / 2);
    }
  }
  return 0.7 * 400 * dr;
}
