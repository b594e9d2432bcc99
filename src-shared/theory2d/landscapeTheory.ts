import { basinMap, BASIN_MAP_NODES, type BasinMap } from './basinMap';
import { basinRadii, boundaryLinks } from './basinRadius';
import { type CriticalPoint, findMinima, findSaddles } from './criticalPoints';
import type { Landscape2DConfig } from './landscape';
import { surfaceOf, WIDE_AND_SHARP } from './presets';
import type { Surface2D, Vec2 } from './surface';

/** Everything about a 2-D landscape that does not depend on the noise: computed once, shared by the arms. */
export interface LandscapeTheory2D {
  surface: Surface2D;
  minima: CriticalPoint[];
  saddles: CriticalPoint[];
  map: BasinMap;
  /** r_i, index i − 1. */
  radii: number[];
  /** neighbours[i − 1]: the basins that share a boundary with Ω_i. */
  neighbours: number[][];
}

/** Newton's extra starting points for a config's minima: its well centres (none for Müller–Brown). */
export function wellCentres(config: Landscape2DConfig): Vec2[] {
  if ('wells' in config) return config.wells.map((w) => w.center);
  return config.preset === 'wide-and-sharp' ? WIDE_AND_SHARP.wells.map((w) => w.center) : [];
}

/**
 * The noise-free analysis of any surface: minima (Newton from the seeds and from a grid
 * search), index-1 saddles, the basin map, r_i and which basins border which.
 */
export function surfaceTheory2d(surface: Surface2D, seeds: readonly Vec2[] = [], nodes: number = BASIN_MAP_NODES): LandscapeTheory2D {
  const minima = findMinima(surface, seeds);
  const saddles = findSaddles(surface, minima);
  const map = basinMap(
    surface,
    minima.map((m) => m.point),
    nodes,
  );
  const neighbours = minima.map(() => new Set<number>());
  for (const [p, q] of boundaryLinks(map)) {
    neighbours[map.labels[p] - 1].add(map.labels[q]);
    neighbours[map.labels[q] - 1].add(map.labels[p]);
  }
  return {
    surface,
    minima,
    saddles,
    map,
    radii: basinRadii(surface, map),
    neighbours: neighbours.map((s) => [...s].sort((a, b) => a - b)),
  };
}

/** The same for a landscape config; Newton also starts from the well centres. */
export function landscapeTheory2d(config: Landscape2DConfig, nodes: number = BASIN_MAP_NODES): LandscapeTheory2D {
  return surfaceTheory2d(surfaceOf(config), wellCentres(config), nodes);
}
