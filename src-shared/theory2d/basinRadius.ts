import { type BasinMap, flowTo, nodePoint, settledOn } from './basinMap';
import { captureRadius } from './gradientFlow';
import type { Surface2D, Vec2 } from './surface';

/** A point where basin `a` meets basin `b`, refined along a grid link by bisection. */
export interface BoundaryPoint {
  point: Vec2;
  a: number;
  b: number;
}

/** Bisection steps along a link of length h: the crossing is located to h/2¹². */
const BISECTIONS = 12;

/**
 * Pairs of neighbouring nodes (horizontal and vertical links) with different labels: the
 * basin boundary passes between them. The box edge is never a boundary: only links
 * between two basins count.
 */
export function boundaryLinks(map: BasinMap): [number, number][] {
  const links: [number, number][] = [];
  const { n, labels } = map;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const k = j * n + i;
      if (i + 1 < n && labels[k] !== labels[k + 1]) links.push([k, k + 1]);
      if (j + 1 < n && labels[k] !== labels[k + n]) links.push([k, k + n]);
    }
  }
  return links;
}

/**
 * r_i for every minimum: the distance from m_i to the nearest point where Ω_i meets another
 * basin. Links within 2h of the nearest one (measured from their midpoints) are refined by
 * bisection with the flow traced from there (RK4, steps of h/4, until it enters a settled block of the map), so the radius is not
 * limited by the node spacing. Infinity for a minimum whose basin borders no other.
 */
export function basinRadii(surface: Surface2D, map: BasinMap): number[] {
  const links = boundaryLinks(map);
  const capture = map.minima.map((m) => captureRadius(surface, m));
  const ds = map.h / 4;
  const settled = settledOn(map);
  return map.minima.map((m, idx) => {
    const i = idx + 1;
    const mine = links.filter(([p, q]) => map.labels[p] === i || map.labels[q] === i);
    if (mine.length === 0) return Infinity;
    const mid = (link: [number, number]) => {
      const [a, b] = [nodePoint(map, link[0]), nodePoint(map, link[1])];
      return Math.hypot((a[0] + b[0]) / 2 - m[0], (a[1] + b[1]) / 2 - m[1]);
    };
    const coarse = Math.min(...mine.map(mid));
    let best = Infinity;
    for (const link of mine) {
      if (mid(link) > coarse + 2 * map.h) continue;
      const inside = map.labels[link[0]] === i ? link[0] : link[1];
      const outside = inside === link[0] ? link[1] : link[0];
      let a = nodePoint(map, inside);
      let b = nodePoint(map, outside);
      for (let s = 0; s < BISECTIONS; s++) {
        const c: Vec2 = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
        if (Math.abs(flowTo(surface, c, map.minima, capture, ds, settled)) === i) a = c;
        else b = c;
      }
      best = Math.min(best, Math.hypot((a[0] + b[0]) / 2 - m[0], (a[1] + b[1]) / 2 - m[1]));
    }
    return best;
  });
}
