import { describe, expect, it } from 'vitest';
import type { SeriesOption } from 'echarts';
import {
  GAP,
  LAYER_IDS,
  basinStrips,
  circle,
  contourLevels,
  isolines,
  joinPaths,
  landscape2dOption,
  occupancy2dOption,
  occupancyCells,
  thinPath,
  trajectories2dOption,
  type Point,
} from '../../../src-renderer/charts/contour2d';
import { darkStyle, lightStyle } from '../../../src-renderer/charts/style';
import type { LandscapeMap } from '../../../src-shared/theory2d/landscapeMap';
import { landscapeMap } from '../../../src-shared/theory2d/landscapeMap';

/** f = x² + y² on [−1, 1]² (65² nodes), split into basin 1 (x < 0) and basin 2: shapes known in closed form. */
function bowl(): LandscapeMap {
  const n = 65;
  const L = 1;
  const h = (2 * L) / (n - 1);
  const f: number[] = [];
  const basins: number[] = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const x = -L + i * h;
      const y = -L + j * h;
      f.push(x * x + y * y);
      basins.push(x < 0 ? 1 : 2);
    }
  }
  return {
    L,
    nodes: n,
    spacing: h,
    basinMap: { nodes: 257, spacing: h / 4 },
    f,
    basins,
    minima: [
      { index: 1, minimum: [-0.5, 0], f: 0.25, eigenvalues: [2, 2] },
      { index: 2, minimum: [0.5, 0], f: 0.25, eigenvalues: [2, 2] },
    ],
    saddles: [{ x: 0, y: 0, f: 0 }],
    radii: [0.5, 0.5],
  };
}

const seriesOf = (option: { series?: unknown }) => option.series as (SeriesOption & { id: string; data: unknown[] })[];

describe('contour2d', () => {
  it('puts isoline levels at quantiles of f, increasing, inside its range', () => {
    const map = bowl();
    const levels = contourLevels(map.f, 12);
    expect(levels.length).toBe(12);
    for (let k = 1; k < levels.length; k++) expect(levels[k]).toBeGreaterThan(levels[k - 1]);
    expect(levels[0]).toBeGreaterThan(0);
    expect(levels[11]).toBeLessThan(2);
    // Half the box lies below the median level: the median quantile sits near the median of f.
    const below = map.f.filter((v) => v < levels[5]).length / map.f.length;
    expect(below).toBeCloseTo(6 / 13, 1);
    expect(contourLevels([1, 1, 1, 1])).toEqual([1]);
  });

  it('traces isolines where f equals the level, in box coordinates, without the box border', () => {
    const map = bowl();
    const [inner, cut] = isolines(map, [0.25, 1.44]);
    expect(inner.level).toBe(0.25);
    expect(inner.paths.length).toBe(1);
    // x² + y² = 0.25 is the circle of radius 0.5; linear interpolation on a grid of spacing h errs by O(h²).
    for (const [x, y] of inner.paths[0]) expect(Math.hypot(x, y)).toBeCloseTo(0.5, 2);
    // Radius 1.2 leaves the box through its edges: four open arcs, none running along the border.
    expect(cut.paths.length).toBe(4);
    for (const path of cut.paths) {
      for (const [x, y] of path) {
        expect(Math.abs(x)).toBeLessThanOrEqual(1);
        expect(Math.abs(y)).toBeLessThanOrEqual(1);
        if (Math.abs(x) < 0.999 && Math.abs(y) < 0.999) expect(Math.hypot(x, y)).toBeCloseTo(1.2, 2);
      }
    }
  });

  it('covers the box with basin strips that give each point its nearest node’s basin', () => {
    const map = bowl();
    const strips = basinStrips(map);
    // Each row is two runs (x < 0 and x ≥ 0).
    expect(strips.length).toBe(2 * map.nodes);
    const area = strips.reduce((t, s) => t + (s.x1 - s.x0) * (s.y1 - s.y0), 0);
    expect(area).toBeCloseTo(4, 10);
    const lcg = (() => {
      let s = 7;
      return () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
    })();
    for (let k = 0; k < 200; k++) {
      const p: Point = [lcg(), lcg()];
      const i = Math.round((p[0] + 1) / map.spacing);
      const j = Math.round((p[1] + 1) / map.spacing);
      const hit = strips.filter((s) => p[0] >= s.x0 && p[0] < s.x1 && p[1] >= s.y0 && p[1] < s.y1);
      expect(hit.map((s) => s.basin)).toEqual([map.basins[j * map.nodes + i]]);
    }
  });

  it('draws circles as closed polylines and joins paths with gaps', () => {
    const c = circle([0.5, -0.25], 0.3, 36);
    expect(c).toHaveLength(37);
    for (const [x, y] of c) expect(Math.hypot(x - 0.5, y + 0.25)).toBeCloseTo(0.3, 12);
    expect(c[36][0]).toBeCloseTo(c[0][0], 12);
    expect(joinPaths([[[0, 0], [1, 1]], [[2, 2]]])).toEqual([[0, 0], [1, 1], GAP, [2, 2]]);
  });

  it('marks minima as m_i, saddles, r_i and each distinct b, and x0, on a square box', () => {
    const map = bowl();
    const option = landscape2dOption({ map, style: lightStyle, x0: [-0.4, 0.1], clips: [0.25, null, 0.25, 0.1] });
    const series = seriesOf(option);
    const byId = (id: string) => series.find((s) => s.id === id);
    const minima = byId(LAYER_IDS.minima) as unknown as { data: { value: Point }[]; label: { formatter: (p: { dataIndex: number }) => string } };
    expect(minima.data.map((d) => d.value)).toEqual([[-0.5, 0], [0.5, 0]]);
    expect([0, 1].map((k) => minima.label.formatter({ dataIndex: k }))).toEqual(['m1', 'm2']);
    expect((byId(LAYER_IDS.saddles)?.data as { value: Point }[]).map((d) => d.value)).toEqual([[0, 0]]);
    // Two distinct b × two minima circles of 73 points, joined by 3 gaps.
    expect(byId(LAYER_IDS.clip)?.data).toHaveLength(4 * 73 + 3);
    expect(byId(LAYER_IDS.radius)?.data).toHaveLength(2 * 73 + 1);
    expect((byId(LAYER_IDS.x0)?.data as { value: Point }[])[0].value).toEqual([-0.4, 0.1]);
    expect(byId(LAYER_IDS.basins)?.data).toHaveLength(2 * 65);
    expect(series.filter((s) => s.id.startsWith('isoline:')).length).toBeGreaterThan(8);
    const x = option.xAxis as { min: number; max: number };
    expect([x.min, x.max]).toEqual([-1, 1]);
    const grid = option.grid as { left: number; right: number; top: number; bottom: number };
    expect(grid.left + grid.right).toBe(grid.top + grid.bottom);
    expect(seriesOf(landscape2dOption({ map, style: darkStyle, clips: [null] })).some((s) => s.id === LAYER_IDS.clip || s.id === LAYER_IDS.x0)).toBe(false);
  });

  it('paints only occupied cells, on a log scale from 1 to the largest count', () => {
    const histogram = { xEdges: [-1, 0, 1], yEdges: [-1, 0, 1], counts: [[0, 10], [1000, 1]] };
    const cells = occupancyCells(histogram);
    expect(cells).toEqual([[-1, 0, 0, 1, 1, 10], [0, 1, -1, 0, 3, 1000], [0, 1, 0, 1, 0, 1]]);
    const option = occupancy2dOption(bowl(), histogram, lightStyle);
    const vm = option.visualMap as { min: number; max: number; dimension: number; seriesIndex: number };
    expect(vm).toMatchObject({ min: 0, max: 3, dimension: 4, seriesIndex: 0 });
    const series = seriesOf(option);
    expect(series[0].data).toHaveLength(3);
    // Under a heatmap the basins are not filled (they would tint it), and the minima stay marked.
    expect(series.some((s) => s.id === LAYER_IDS.basins)).toBe(false);
    expect(series.some((s) => s.id === LAYER_IDS.minima)).toBe(true);
  });

  it('thins long paths to a bounded number of points, keeping the last', () => {
    const path = Array.from({ length: 10_001 }, (_, k) => [k, 2 * k] as Point);
    const thin = thinPath(path, 1000);
    expect(thin.length).toBeLessThanOrEqual(1001);
    expect(thin[0]).toEqual([0, 0]);
    expect(thin[thin.length - 1]).toEqual([10_000, 20_000]);
    const option = trajectories2dOption(bowl(), [path, path.slice(0, 5)], lightStyle, [0, 0]);
    const paths = seriesOf(option).filter((s) => s.id.startsWith('path:'));
    expect(paths.map((s) => s.data.length)).toEqual([thinPath(path).length, 5]);
  });

  it('draws the wide-and-sharp preset with every basin of the real map', () => {
    const map = landscapeMap({ dimension: 2, preset: 'wide-and-sharp' }, 65);
    const strips = basinStrips(map);
    expect(new Set(strips.map((s) => s.basin))).toEqual(new Set([1, 2, 3]));
    // Every minimum lies in a strip of its own basin.
    for (const m of map.minima) {
      const [x, y] = m.minimum;
      expect(strips.find((s) => x >= s.x0 && x < s.x1 && y >= s.y0 && y < s.y1)?.basin).toBe(m.index);
    }
    const iso = isolines(map, contourLevels(map.f));
    expect(iso.every((l) => l.paths.length > 0)).toBe(true);
  });
});
