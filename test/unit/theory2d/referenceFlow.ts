/**
 * An independent gradient flow for the 2-D tests, sharing no code with src-shared/theory2d:
 * classical RK4 in time (not arc length) on ẋ = −∇f with a fixed dt, each step projected onto
 * the box, ending when the path comes within `capture` (one radius, or one per minimum; each
 * must lie inside its basin) of one of the given minima.
 */
export type Point = [number, number];
export type Gradient = (x: number, y: number) => Point;

export interface ReferenceFlow {
  /** 1-based index of the minimum the flow from p ends at; 0 if it has not arrived after maxTime. */
  classify(p: Point): number;
  /** The path from p, sampled every step, until it ends. */
  path(p: Point): Point[];
}

export function referenceFlow(
  gradient: Gradient,
  L: number,
  minima: readonly Point[],
  dt = 0.005,
  capture: number | readonly number[] = 0.03,
  maxTime = 60,
): ReferenceFlow {
  const captures = minima.map((_, k) => (typeof capture === 'number' ? capture : capture[k]));
  const clamp = (v: number) => Math.max(-L, Math.min(L, v));
  const step = ([x, y]: Point): Point => {
    const k1 = gradient(x, y);
    const k2 = gradient(x - (dt / 2) * k1[0], y - (dt / 2) * k1[1]);
    const k3 = gradient(x - (dt / 2) * k2[0], y - (dt / 2) * k2[1]);
    const k4 = gradient(x - dt * k3[0], y - dt * k3[1]);
    return [clamp(x - (dt / 6) * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0])), clamp(y - (dt / 6) * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]))];
  };
  const arrived = (p: Point) => minima.findIndex((m, k) => Math.hypot(p[0] - m[0], p[1] - m[1]) < captures[k]) + 1;
  return {
    classify(p) {
      let q = p;
      for (let t = 0; t < maxTime; t += dt) {
        const k = arrived(q);
        if (k > 0) return k;
        q = step(q);
      }
      return 0;
    },
    path(p) {
      const out: Point[] = [p];
      let q = p;
      for (let t = 0; t < maxTime && arrived(q) === 0; t += dt) {
        q = step(q);
        out.push(q);
      }
      return out;
    },
  };
}

/**
 * Distance from m to the nearest point of another basin, by rays: along each of `rays`
 * directions, march out in steps of `march` until the flow from the point ends elsewhere,
 * then bisect to 1e-4. The minimum over rays of the first crossing is the distance to the
 * boundary (the nearest boundary point lies on some ray; every first crossing is on the
 * boundary). Rays that reach the box edge without crossing count as no exit.
 */
export function rayRadius(flow: ReferenceFlow, m: Point, own: number, L: number, rays = 60, march = 0.04): number {
  let best = Infinity;
  for (let a = 0; a < rays; a++) {
    const dir: Point = [Math.cos((2 * Math.PI * a) / rays), Math.sin((2 * Math.PI * a) / rays)];
    const at = (r: number): Point => [m[0] + r * dir[0], m[1] + r * dir[1]];
    const inBox = (p: Point) => Math.abs(p[0]) <= L && Math.abs(p[1]) <= L;
    let lo = 0;
    let hi = -1;
    // Marching past the best crossing so far is pointless, but the last step must land on it.
    for (let r = Math.min(march, best); inBox(at(r)); r = Math.min(r + march, best)) {
      if (flow.classify(at(r)) !== own) {
        hi = r;
        break;
      }
      lo = r;
      if (r === best) break;
    }
    if (hi < 0) continue;
    while (hi - lo > 1e-4) {
      const mid = (lo + hi) / 2;
      if (flow.classify(at(mid)) === own) lo = mid;
      else hi = mid;
    }
    best = Math.min(best, (lo + hi) / 2);
  }
  return best;
}
