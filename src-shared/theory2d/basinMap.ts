import { captureRadius, flowStep } from './gradientFlow';
import type { Surface2D, Vec2 } from './surface';

/**
 * Default basin-map resolution: 257 × 257 nodes over [−L, L]², spacing L/128 (0.0156 for
 * L = 2). With the boundary refinement in basinRadius.ts the radii of the presets agree
 * with an independent ray-by-ray computation to 10⁻⁴ relative; the node spacing limits
 * mainly the jump-count sets (see reachability.ts).
 */
export const BASIN_MAP_NODES = 257;

/**
 * Which basin each node of an n × n grid flows to. A point of the box belongs to the
 * basin of its nearest node: the same rule for the theory, the kernels and the views.
 */
export interface BasinMap {
  L: number;
  n: number;
  /** Node spacing h = 2L/(n − 1); node (i, j) sits at (−L + i h, −L + j h). */
  h: number;
  minima: Vec2[];
  /** labels[j n + i]: 1-based index of the minimum node (i, j) flows to. */
  labels: Int32Array;
  /**
   * next[j n + i]: the node nearest to where the flow from node (i, j) is after a path
   * of length h — one link of a discrete flow line; a node near a minimum is its own next.
   */
  next: Int32Array;
  /** Nodes whose flow reached no minimum (stuck on a box edge or a saddle); labelled by the nearest minimum. */
  unresolved: number;
}

export function nodeIndex(map: Pick<BasinMap, 'L' | 'n' | 'h'>, p: Vec2): number {
  const i = Math.min(map.n - 1, Math.max(0, Math.round((p[0] + map.L) / map.h)));
  const j = Math.min(map.n - 1, Math.max(0, Math.round((p[1] + map.L) / map.h)));
  return j * map.n + i;
}

export function nodePoint(map: Pick<BasinMap, 'L' | 'n' | 'h'>, k: number): Vec2 {
  return [-map.L + (k % map.n) * map.h, -map.L + Math.floor(k / map.n) * map.h];
}

/** The basin (1-based minimum index) of any point of the box: that of its nearest node. */
export function basinOf(map: BasinMap, p: Vec2): number {
  return map.labels[nodeIndex(map, p)];
}

/**
 * Follows the flow from p until it is captured by a minimum (a convex disc around it) or
 * enters a settled region of the map: a node whose 3 × 3 block carries one label, so a
 * path passing within half a spacing of it ends where its neighbours end. Returns the
 * 1-based minimum, or −(nearest minimum) when the path stalls (saddle, box-edge corner);
 * 0 when there is no minimum at all.
 */
export function flowTo(
  surface: Surface2D,
  p: Vec2,
  minima: readonly Vec2[],
  capture: readonly number[],
  ds: number,
  settled?: (q: Vec2) => number,
): number {
  if (minima.length === 0) return 0;
  let q = p;
  const maxSteps = Math.ceil((40 * surface.L) / ds);
  for (let s = 0; s < maxSteps; s++) {
    for (let k = 0; k < minima.length; k++) {
      if (Math.hypot(q[0] - minima[k][0], q[1] - minima[k][1]) < capture[k]) return k + 1;
    }
    const known = settled ? settled(q) : 0;
    if (known > 0) return known;
    const r = flowStep(surface, q, ds);
    if (Math.hypot(r[0] - q[0], r[1] - q[1]) < 1e-3 * ds) break;
    q = r;
  }
  let best = 0;
  for (let k = 1; k < minima.length; k++) {
    if (Math.hypot(q[0] - minima[k][0], q[1] - minima[k][1]) < Math.hypot(q[0] - minima[best][0], q[1] - minima[best][1])) best = k;
  }
  return -(best + 1);
}

/** Coarsest level of the map's refinement: at least this many nodes per side. */
const COARSEST_NODES = 65;

/** The 3 × 3 block around node k carries a single label: a path passing here ends where they do. */
function uniformLabel(labels: Int32Array, n: number, k: number): number {
  const label = labels[k];
  if (label <= 0) return 0;
  const i = k % n;
  const j = Math.floor(k / n);
  for (let dj = -1; dj <= 1; dj++) {
    for (let di = -1; di <= 1; di++) {
      const ii = i + di;
      const jj = j + dj;
      if (ii >= 0 && jj >= 0 && ii < n && jj < n && labels[jj * n + ii] !== label) return 0;
    }
  }
  return label;
}

/**
 * Labels of an n × n grid, coarse to fine: the coarsest level (≥ 65 nodes per side) traces
 * every node; each finer level (spacing halved) copies the label of a new node from the
 * coarse level when all coarse nodes within two coarse spacings agree, and traces the rest
 * (a band along the basin boundaries). Tracing is RK4 with arc-length steps of h/2 of the
 * level, stopping early in a settled 3 × 3 block of the level.
 */
function labelGrid(surface: Surface2D, minima: readonly Vec2[], capture: readonly number[], n: number): { labels: Int32Array; unresolved: number } {
  const L = surface.L;
  if ((n - 1) % 2 === 0 && (n - 1) / 2 + 1 >= COARSEST_NODES) {
    const coarseN = (n - 1) / 2 + 1;
    const coarse = labelGrid(surface, minima, capture, coarseN);
    const labels = new Int32Array(n * n);
    const pending: number[] = [];
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        // Coarse nodes within two coarse spacings of fine node (i, j).
        const ci0 = Math.max(0, Math.floor(i / 2) - 1);
        const ci1 = Math.min(coarseN - 1, Math.ceil(i / 2) + 1);
        const cj0 = Math.max(0, Math.floor(j / 2) - 1);
        const cj1 = Math.min(coarseN - 1, Math.ceil(j / 2) + 1);
        const first = coarse.labels[cj0 * coarseN + ci0];
        let agree = true;
        for (let cj = cj0; cj <= cj1 && agree; cj++) {
          for (let ci = ci0; ci <= ci1; ci++) {
            if (coarse.labels[cj * coarseN + ci] !== first) {
              agree = false;
              break;
            }
          }
        }
        if (agree) labels[j * n + i] = first;
        else pending.push(j * n + i);
      }
    }
    const grid = { L, n, h: (2 * L) / (n - 1) };
    let unresolved = 0;
    const settled = (q: Vec2) => uniformLabel(labels, n, nodeIndex(grid, q));
    for (const k of pending) {
      const label = flowTo(surface, nodePoint(grid, k), minima, capture, grid.h / 2, settled);
      if (label < 0) unresolved++;
      labels[k] = Math.abs(label);
    }
    return { labels, unresolved };
  }
  const grid = { L, n, h: (2 * L) / (n - 1) };
  const labels = new Int32Array(n * n);
  let unresolved = 0;
  for (let k = 0; k < n * n; k++) {
    const label = flowTo(surface, nodePoint(grid, k), minima, capture, grid.h / 2);
    if (label < 0) unresolved++;
    labels[k] = Math.abs(label);
  }
  return { labels, unresolved };
}

/** The basin map of `minima` on an n × n grid (n = 2^k·64 + 1 lets every level refine). */
export function basinMap(surface: Surface2D, minima: readonly Vec2[], n: number = BASIN_MAP_NODES): BasinMap {
  const L = surface.L;
  const h = (2 * L) / (n - 1);
  const grid = { L, n, h };
  const capture = minima.map((m) => captureRadius(surface, m));
  const { labels, unresolved } = labelGrid(surface, minima, capture, n);
  const next = new Int32Array(n * n);
  for (let k = 0; k < n * n; k++) {
    const p = nodePoint(grid, k);
    const nearMinimum = minima.some((m) => Math.hypot(p[0] - m[0], p[1] - m[1]) <= h);
    const [gx, gy] = surface.gradient(p[0], p[1]);
    next[k] = nearMinimum || (gx === 0 && gy === 0) ? k : nodeIndex(grid, flowStep(surface, p, h));
  }
  return { L, n, h, minima: [...minima], labels, next, unresolved };
}

/** Settled-block lookup on a finished map, for tracing extra points against it. */
export function settledOn(map: BasinMap): (q: Vec2) => number {
  return (q) => uniformLabel(map.labels, map.n, nodeIndex(map, q));
}
