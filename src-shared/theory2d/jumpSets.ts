import type { BasinMap } from './basinMap';

/**
 * Sets of the plane as sets of basin-map nodes (one byte per node), and the two moves of
 * the reachability construction: one truncated jump (a dilation) and the gradient flow
 * (a closure along the map's flow links).
 */
export type NodeSet = Uint8Array;

/** What one jump can do after truncation to length ≤ b (b = null: unbounded, but projected onto the box). */
export interface JumpShape {
  /** isotropic: any direction; axes: along x or along y only (one coordinate's big jump). */
  direction: 'isotropic' | 'axes';
  clip: number | null;
}

const FAR = 1e20;

/**
 * Squared distance transform of a sampled function on a line (Felzenszwalb & Huttenlocher,
 * "Distance transforms of sampled functions", 2012): d[q] = min_p (q − p)² + f[p].
 */
function distanceTransform1D(f: Float64Array, n: number, d: Float64Array, v: Int32Array, z: Float64Array): void {
  let k = 0;
  v[0] = 0;
  z[0] = -Infinity;
  z[1] = Infinity;
  for (let q = 1; q < n; q++) {
    let s = (f[q] + q * q - (f[v[k]] + v[k] * v[k])) / (2 * q - 2 * v[k]);
    while (s <= z[k]) {
      k--;
      s = (f[q] + q * q - (f[v[k]] + v[k] * v[k])) / (2 * q - 2 * v[k]);
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = Infinity;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (z[k + 1] < q) k++;
    d[q] = (q - v[k]) * (q - v[k]) + f[v[k]];
  }
}

/** Exact squared Euclidean distance (in node spacings) from every node to the nearest node of the set. */
export function squaredDistanceToSet(set: NodeSet, n: number): Float64Array {
  const g = new Float64Array(n * n);
  const f = new Float64Array(n);
  const d = new Float64Array(n);
  const v = new Int32Array(n);
  const z = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) f[j] = set[j * n + i] ? 0 : FAR;
    distanceTransform1D(f, n, d, v, z);
    for (let j = 0; j < n; j++) g[j * n + i] = d[j];
  }
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) f[i] = g[j * n + i];
    distanceTransform1D(f, n, d, v, z);
    for (let i = 0; i < n; i++) g[j * n + i] = d[i];
  }
  return g;
}

/** Nodes within `reach` spacings of a set node along the same row (step 1) or column (step n). */
function dilateAlongLines(set: NodeSet, out: NodeSet, n: number, reach: number, alongRows: boolean): void {
  const stride = alongRows ? 1 : n;
  const lineStep = alongRows ? n : 1;
  for (let line = 0; line < n; line++) {
    const base = line * lineStep;
    let last = -Infinity;
    for (let t = 0; t < n; t++) {
      if (set[base + t * stride]) last = t;
      if (t - last <= reach) out[base + t * stride] = 1;
    }
    last = Infinity;
    for (let t = n - 1; t >= 0; t--) {
      if (set[base + t * stride]) last = t;
      if (last - t <= reach) out[base + t * stride] = 1;
    }
  }
}

/** S ⊕ J: every node one truncated jump away from a node of S (S itself included: J contains 0). */
export function dilate(set: NodeSet, map: Pick<BasinMap, 'n' | 'h'>, jump: JumpShape): NodeSet {
  const { n, h } = map;
  const out = new Uint8Array(n * n);
  if (jump.direction === 'isotropic') {
    if (jump.clip === null) return out.fill(set.some((x) => x === 1) ? 1 : 0);
    const limit = (jump.clip / h) ** 2 * (1 + 1e-12);
    const d2 = squaredDistanceToSet(set, n);
    for (let k = 0; k < n * n; k++) if (d2[k] <= limit) out[k] = 1;
    return out;
  }
  // Unbounded axis jumps reach the whole row and column, the box's edge included (projection).
  const reach = jump.clip === null ? n : jump.clip / h + 1e-9;
  dilateAlongLines(set, out, n, reach, true);
  dilateAlongLines(set, out, n, reach, false);
  return out;
}

/** flow(S): S plus every node on the discrete flow line (the map's `next` links) from a node of S. */
export function flowClosure(set: NodeSet, map: Pick<BasinMap, 'next'>): NodeSet {
  const out = Uint8Array.from(set);
  for (let k = 0; k < set.length; k++) {
    if (!set[k]) continue;
    let q = map.next[k];
    while (!out[q]) {
      out[q] = 1;
      q = map.next[q];
    }
  }
  return out;
}
