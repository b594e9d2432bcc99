import { eigenvalues, type Surface2D, type Vec2 } from './surface';

export interface CriticalPoint {
  point: Vec2;
  f: number;
  /** Hessian eigenvalues, ascending: both > 0 at a minimum, of opposite sign at an index-1 saddle. */
  eigenvalues: [number, number];
}

const NEWTON_STEPS = 60;

/**
 * Newton's method on ∇f = 0 from `start`, each step capped at a tenth of the box so a
 * start in a flat region cannot be thrown across the landscape. Null when it does not
 * converge inside the box.
 */
export function newtonCritical(surface: Surface2D, start: Vec2): Vec2 | null {
  const { L } = surface;
  const maxStep = 0.1 * L;
  let [x, y] = start;
  for (let it = 0; it < NEWTON_STEPS; it++) {
    const [gx, gy] = surface.gradient(x, y);
    const h = surface.hessian(x, y);
    const det = h.xx * h.yy - h.xy * h.xy;
    if (det === 0 || !Number.isFinite(det)) return null;
    let dx = (h.yy * gx - h.xy * gy) / det;
    let dy = (h.xx * gy - h.xy * gx) / det;
    const len = Math.hypot(dx, dy);
    if (len > maxStep) {
      dx *= maxStep / len;
      dy *= maxStep / len;
    }
    x -= dx;
    y -= dy;
    if (Math.abs(x) > L || Math.abs(y) > L) return null;
    if (len < 1e-13 * L) return [x, y];
  }
  const [gx, gy] = surface.gradient(x, y);
  return Math.hypot(gx, gy) < 1e-9 ? [x, y] : null;
}

/** Points closer than this (relative to L) are one critical point found twice. */
const SAME_POINT = 1e-6;

function describe(surface: Surface2D, p: Vec2): CriticalPoint {
  return { point: p, f: surface.value(p[0], p[1]), eigenvalues: eigenvalues(surface.hessian(p[0], p[1])) };
}

function addUnique(list: CriticalPoint[], surface: Surface2D, p: Vec2 | null): void {
  if (!p) return;
  if (list.some((c) => Math.hypot(c.point[0] - p[0], c.point[1] - p[1]) < SAME_POINT * surface.L)) return;
  list.push(describe(surface, p));
}

/**
 * Numbering: in order of x, then y. x values within the dedup tolerance count as equal, so
 * minima placed symmetrically (equal x up to rounding) are ordered by y, not by noise.
 */
function byXThenY(L: number) {
  return (a: CriticalPoint, b: CriticalPoint): number => {
    const dx = a.point[0] - b.point[0];
    return Math.abs(dx) > SAME_POINT * L ? dx : a.point[1] - b.point[1];
  };
}

/** Nodes of an n×n grid over the box that are strict local minima of `score` among their 8 neighbours. */
function gridLocalMinima(L: number, n: number, score: (x: number, y: number) => number): Vec2[] {
  const h = (2 * L) / (n - 1);
  const values = new Float64Array(n * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) values[j * n + i] = score(-L + i * h, -L + j * h);
  const found: Vec2[] = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const v = values[j * n + i];
      let lowest = true;
      for (let dj = -1; dj <= 1 && lowest; dj++) {
        for (let di = -1; di <= 1; di++) {
          const ii = i + di;
          const jj = j + dj;
          if ((di || dj) && ii >= 0 && jj >= 0 && ii < n && jj < n && values[jj * n + ii] <= v) {
            lowest = false;
            break;
          }
        }
      }
      if (lowest) found.push([-L + i * h, -L + j * h]);
    }
  }
  return found;
}

/** Resolution of the grid search for starting points: 201 × 201 nodes over the box. */
export const CRITICAL_SEARCH_NODES = 201;

/**
 * Local minima of f inside the box: Newton from the given seeds (the well centres) and
 * from every grid node that is lower than its 8 neighbours; kept when the Hessian is
 * positive definite; deduplicated; numbered in order of x, then y.
 */
export function findMinima(surface: Surface2D, seeds: readonly Vec2[] = []): CriticalPoint[] {
  const starts = [...seeds, ...gridLocalMinima(surface.L, CRITICAL_SEARCH_NODES, (x, y) => surface.value(x, y))];
  const minima: CriticalPoint[] = [];
  for (const s of starts) {
    const p = newtonCritical(surface, s);
    if (p && eigenvalues(surface.hessian(p[0], p[1]))[0] > 0) addUnique(minima, surface, p);
  }
  return minima.sort(byXThenY(surface.L));
}

/**
 * Index-1 saddles (Hessian eigenvalues of opposite signs): every critical point is a
 * local minimum of |∇f|², so Newton starts from the grid nodes where |∇f|² is lower than
 * at its neighbours, and from the midpoint of every pair of minima.
 */
export function findSaddles(surface: Surface2D, minima: readonly CriticalPoint[]): CriticalPoint[] {
  const gradNorm2 = (x: number, y: number) => {
    const [gx, gy] = surface.gradient(x, y);
    return gx * gx + gy * gy;
  };
  const starts = gridLocalMinima(surface.L, CRITICAL_SEARCH_NODES, gradNorm2);
  for (let i = 0; i < minima.length; i++) {
    for (let j = i + 1; j < minima.length; j++) {
      const [a, b] = [minima[i].point, minima[j].point];
      starts.push([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]);
    }
  }
  const saddles: CriticalPoint[] = [];
  for (const s of starts) {
    const p = newtonCritical(surface, s);
    if (!p) continue;
    const [lo, hi] = eigenvalues(surface.hessian(p[0], p[1]));
    if (lo < 0 && hi > 0) addUnique(saddles, surface, p);
  }
  return saddles.sort(byXThenY(surface.L));
}
