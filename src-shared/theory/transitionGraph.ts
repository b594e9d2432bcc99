import type { CommunicatingClass } from './types';

/** A communicating class as the graph alone determines it (before l* marks its large members). */
export type GraphClass = Pick<CommunicatingClass, 'members' | 'absorbing'>;

/**
 * The typical transition graph G (Definition 1): minima 1..n, an edge i → j iff
 * l_ij = l*_i. `lStars[i−1]` = l*_i, `l(i, j)` = l_ij, indices 1-based as in the paper.
 */
export function typicalEdges(lStars: readonly number[], l: (i: number, j: number) => number): [number, number][] {
  const edges: [number, number][] = [];
  const n = lStars.length;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= n; j++) if (j !== i && l(i, j) === lStars[i - 1]) edges.push([i, j]);
  }
  return edges;
}

/** reach[i][j]: j can be reached from i along edges (every node reaches itself). 0-based. */
function reachability(n: number, edges: readonly [number, number][]): boolean[][] {
  const reach = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => i === j));
  for (const [i, j] of edges) reach[i - 1][j - 1] = true;
  // Warshall's transitive closure; n is the number of minima, so n³ is nothing.
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      if (!reach[i][k]) continue;
      for (let j = 0; j < n; j++) if (reach[k][j]) reach[i][j] = true;
    }
  }
  return reach;
}

/**
 * Communicating classes of G: i and j share a class iff each reaches the other. A class
 * is absorbing when no edge leaves it, transient otherwise (§2.3). Sorted by smallest member.
 */
export function communicatingClasses(n: number, edges: readonly [number, number][]): GraphClass[] {
  const reach = reachability(n, edges);
  const classOf = new Array<number>(n).fill(-1);
  const classes: GraphClass[] = [];
  for (let i = 0; i < n; i++) {
    if (classOf[i] >= 0) continue;
    const members: number[] = [];
    for (let j = 0; j < n; j++) {
      if (reach[i][j] && reach[j][i]) {
        classOf[j] = classes.length;
        members.push(j + 1);
      }
    }
    classes.push({ members, absorbing: true });
  }
  for (const [i, j] of edges) {
    if (classOf[i - 1] !== classOf[j - 1]) classes[classOf[i - 1]].absorbing = false;
  }
  return classes;
}

/** G is irreducible when all minima communicate: a single class. */
export function isIrreducible(classes: readonly GraphClass[]): boolean {
  return classes.length === 1;
}

/**
 * Field i is large when l*_i = l*_G, the largest l* in its communicating class G (§2.3);
 * small otherwise. Returns one flag per field, 0-based.
 */
export function largeFlags(lStars: readonly number[], classes: readonly GraphClass[]): boolean[] {
  const large = new Array<boolean>(lStars.length).fill(false);
  for (const c of classes) {
    const lG = Math.max(...c.members.map((i) => lStars[i - 1]));
    for (const i of c.members) large[i - 1] = lStars[i - 1] === lG;
  }
  return large;
}

/** Each class with its large members, so a field's `large` flag and its class's list always agree. */
export function withLargeMinima(lStars: readonly number[], classes: readonly GraphClass[]): CommunicatingClass[] {
  const large = largeFlags(lStars, classes);
  return classes.map((c) => ({ ...c, largeMinima: c.members.filter((i) => large[i - 1]) }));
}

/**
 * M^large = {m_i : l*_i = max_j l*_j}, which the paper defines only for an irreducible G
 * (before Theorem 2): then the single class's large minima. Undefined otherwise, because a
 * whole-graph maximum would call a field small that is large in its own class.
 */
export function largeMinima(classes: readonly CommunicatingClass[]): number[] | undefined {
  return isIrreducible(classes) ? [...classes[0].largeMinima] : undefined;
}

/**
 * G is symmetric (§2.4) when every interior field Ω_i (i = 2 … n−1) can be left to both
 * neighbours in l*_i jumps: max(s_i − m_i, m_i − s_{i−1}) < l*_i b. Unclipped SGD
 * (b = ∞) is always symmetric; so, vacuously, is a landscape with at most two minima.
 */
export function isSymmetric(
  fieldsOfLandscape: readonly { minimum: number; left: number; right: number }[],
  lStars: readonly number[],
  clip: number | null,
): boolean {
  if (clip === null) return true;
  for (let k = 1; k < fieldsOfLandscape.length - 1; k++) {
    const f = fieldsOfLandscape[k];
    if (!(Math.max(f.right - f.minimum, f.minimum - f.left) < lStars[k] * clip)) return false;
  }
  return true;
}
