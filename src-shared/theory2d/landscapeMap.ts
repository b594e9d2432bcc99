import { BASIN_MAP_NODES } from './basinMap';
import type { Landscape2DConfig } from './landscape';
import { landscapeTheory2d } from './landscapeTheory';
import type { Minimum2D, Saddle2D } from './types';

/**
 * Grid sizes a landscape map may be drawn on: the basin map's own nodes (257²) or every 2nd or
 * 4th of them, so each drawn node IS a node of the map the kernels and the theory use.
 */
export const LANDSCAPE_MAP_NODES = [65, 129, 257] as const;
export type LandscapeMapNodes = (typeof LANDSCAPE_MAP_NODES)[number];

/**
 * The default: 129² nodes. Measured as JSON on the presets: about 0.19 MB at 129² against
 * 0.75 MB at 257² (f is the bulk), and isolines from 129² are smooth at any chart size the
 * app draws (≤ 1000 px for the box: under 8 px per cell).
 */
export const DEFAULT_LANDSCAPE_MAP_NODES: LandscapeMapNodes = 129;

/** Everything a contour plot of a 2-D landscape needs, on one grid over the box. */
export interface LandscapeMap {
  L: number;
  /** Nodes per side n of the grid below; node (i, j) sits at (−L + i h, −L + j h). */
  nodes: number;
  /** h = 2L/(n − 1). */
  spacing: number;
  /** The basin map this grid samples (the one the kernels and the theory use). */
  basinMap: { nodes: number; spacing: number };
  /** f at node (i, j) as f[j n + i] (x fastest, as d3-contour reads it), to 6 significant digits. */
  f: number[];
  /** The basin (1-based minimum index) of node (i, j), basins[j n + i]: the basin map's label there. */
  basins: number[];
  /** Minima numbered as the theory numbers them (x, then y). */
  minima: Minimum2D[];
  saddles: Saddle2D[];
  /** r_i, index i − 1: distance from m_i to where Ω_i meets another basin. */
  radii: number[];
}

const round = (v: number): number => Number(v.toPrecision(6));

/**
 * The landscape map of a config. Costs what the landscape part of the 2-D theory costs (about a
 * second: the basin map traces the flow from every node), so callers run it off the event loop.
 */
export function landscapeMap(config: Landscape2DConfig, nodes: LandscapeMapNodes = DEFAULT_LANDSCAPE_MAP_NODES): LandscapeMap {
  const theory = landscapeTheory2d(config, BASIN_MAP_NODES);
  const { map, surface } = theory;
  const stride = (map.n - 1) / (nodes - 1);
  if (!Number.isInteger(stride)) throw new RangeError(`${nodes} nodes do not sample a ${map.n}-node basin map`);
  const h = map.h * stride;
  const f: number[] = new Array(nodes * nodes);
  const basins: number[] = new Array(nodes * nodes);
  for (let j = 0; j < nodes; j++) {
    for (let i = 0; i < nodes; i++) {
      f[j * nodes + i] = round(surface.value(-map.L + i * h, -map.L + j * h));
      basins[j * nodes + i] = map.labels[j * stride * map.n + i * stride];
    }
  }
  return {
    L: map.L,
    nodes,
    spacing: h,
    basinMap: { nodes: map.n, spacing: map.h },
    f,
    basins,
    minima: theory.minima.map((m, k) => ({ index: k + 1, minimum: m.point, f: m.f, eigenvalues: m.eigenvalues })),
    saddles: theory.saddles.map((s) => ({ x: s.point[0], y: s.point[1], f: s.f })),
    radii: theory.radii,
  };
}
