import { describe, expect, it } from 'vitest';
import { BASIN_MAP_NODES, basinOf, landscapeTheory2d, type Landscape2DConfig } from '../../../src-shared/theory2d';
import { rayRadius, referenceFlow } from './referenceFlow';

/**
 * The basin map and the radii r_i at the default resolution, checked against an
 * independent computation: a time-stepped RK4 flow and, for r_i, the first boundary
 * crossing along 60 rays from m_i (6° apart: at most 0.14% long for a straight boundary) (see referenceFlow.ts).
 */
describe.each([
  ['wide-and-sharp', { dimension: 2, preset: 'wide-and-sharp' }],
  ['muller-brown', { dimension: 2, preset: 'muller-brown' }],
] as [string, Landscape2DConfig][])('%s', (_name, config) => {
  const theory = landscapeTheory2d(config);
  const { surface, map } = theory;
  const minima = theory.minima.map((m) => m.point);
  const flow = referenceFlow((x, y) => surface.gradient(x, y), surface.L, minima, 0.01);

  it(`maps ${BASIN_MAP_NODES} × ${BASIN_MAP_NODES} nodes, every one reaching a minimum`, () => {
    expect(map.n).toBe(BASIN_MAP_NODES);
    expect(map.unresolved).toBe(0);
    for (let i = 1; i <= minima.length; i++) expect(basinOf(map, minima[i - 1])).toBe(i);
  });

  it('labels points as the independent flow does, except within a map spacing of a boundary', () => {
    let checked = 0;
    for (let a = 0; a < 200; a++) {
      // A fixed, well spread set of points (golden-ratio lattice).
      const p: [number, number] = [surface.L * (2 * ((a * 0.6180339887) % 1) - 1), surface.L * (2 * ((a + 0.5) / 200) - 1)];
      const expected = flow.classify(p);
      const nearBoundary = [-1, 1].some((dx) => [-1, 1].some((dy) => flow.classify([p[0] + dx * map.h, p[1] + dy * map.h]) !== expected));
      if (nearBoundary) continue;
      expect(basinOf(map, p)).toBe(expected);
      checked++;
    }
    expect(checked).toBeGreaterThan(170);
  });

  it('r_i is within 1% of the distance to the boundary found along rays', () => {
    theory.radii.forEach((r, k) => {
      const reference = rayRadius(flow, minima[k], k + 1, surface.L);
      expect(Math.abs(r - reference) / reference).toBeLessThan(0.01);
    });
  });
});
