import { type BasinMap, nodeIndex } from './basinMap';
import { dilate, flowClosure, type JumpShape, type NodeSet } from './jumpSets';

/** Jump counts from one minimum m_i, all on the basin map's nodes. */
export interface JumpCounts {
  /** l*_i: the first k whose reachable set leaves Ω_i; null if it never does within the cap. */
  lStar: number | null;
  /** l_ij for j = 1 … n (index j − 1): the first k whose set meets Ω_j; 0 for j = i; null if never within the cap. */
  lTo: (number | null)[];
}

/** Beyond this many jumps we stop looking (b far below the basin sizes). */
export const MAX_JUMPS = 64;

/**
 * Reachability (Wang & Rhee's R^d picture of the paper's l*_i and l_ij):
 *   R_1 = m_i ⊕ J,  R_{k+1} = flow(R_k) ⊕ J,
 * J the set of truncated jumps, flow(S) every point on a gradient-flow path (any time ≥ 0)
 * from a point of S. l*_i is the first k with R_k ⊄ Ω_i and l_ij the first k with
 * R_k ∩ Ω_j ≠ ∅. Sets are sets of map nodes, so m_i is its nearest node and a count is
 * exact up to the node spacing: where r_i/b (or its analogue) is within about h/b of an
 * integer, the count may be off by one.
 */
export function jumpCounts(map: BasinMap, i: number, jump: JumpShape, maxJumps: number = MAX_JUMPS): JumpCounts {
  const count = map.minima.length;
  const lTo: (number | null)[] = Array.from({ length: count }, (_, j) => (j === i - 1 ? 0 : null));
  let lStar: number | null = null;
  let flowed: NodeSet = new Uint8Array(map.n * map.n);
  flowed[nodeIndex(map, map.minima[i - 1])] = 1;
  let size = 1;
  for (let k = 1; k <= maxJumps; k++) {
    const reached = dilate(flowed, map, jump);
    for (let q = 0; q < reached.length; q++) {
      if (!reached[q]) continue;
      const j = map.labels[q];
      if (lTo[j - 1] === null) lTo[j - 1] = k;
      if (j !== i && lStar === null) lStar = k;
    }
    if (lTo.every((l) => l !== null)) break;
    flowed = flowClosure(reached, map);
    let grown = 0;
    for (let q = 0; q < flowed.length; q++) grown += flowed[q];
    if (grown === size) break; // a fixed point: no further jump reaches anything new
    size = grown;
  }
  return { lStar, lTo };
}
