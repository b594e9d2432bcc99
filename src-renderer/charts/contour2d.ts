import { contours } from 'd3-contour';
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams, CustomSeriesRenderItemReturn, EChartsOption, SeriesOption } from 'echarts';
import type { LandscapeMap } from '../../src-shared/theory2d/landscapeMap';
import { formatSci } from '../format';
import { axisStyle, baseOption, colorAt, type ChartStyle } from './style';
import { escapeHtml } from './escapeHtml';

/**
 * A 2-D landscape as ECharts series, pure: isolines of f (d3-contour's marching squares on the
 * map's grid, drawn as line series since ECharts has no contour series), basins as translucent
 * cells coloured by the basin map's label, minima m_i and index-1 saddles marked, and circles of
 * radius r_i and b around each minimum. The plots of the designer and of 2-D results build on it.
 */

export type Point = [number, number];

/** Series ids the plots (and their tests) find layers by. */
export const LAYER_IDS = { basins: 'basins', minima: 'minima', saddles: 'saddles', x0: 'x0', radius: 'radius', clip: 'clip' } as const;

/**
 * Isoline levels: quantiles of f over the box. The low quantiles crowd into the basins, where the
 * shape matters, and the steep confinement near the box edge (most of the range of f) gets few
 * lines instead of a solid band.
 */
export function contourLevels(f: readonly number[], count = 16): number[] {
  const sorted = [...f].filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const span = sorted[sorted.length - 1] - sorted[0];
  const levels: number[] = [];
  for (let k = 1; k <= count; k++) {
    const v = sorted[Math.min(sorted.length - 1, Math.floor((k / (count + 1)) * sorted.length))];
    // Levels closer than 0.1% of the range draw on top of each other.
    if (levels.length === 0 || v - levels[levels.length - 1] > 1e-3 * span) levels.push(v);
  }
  return levels;
}

export interface Isoline {
  level: number;
  /** Open or closed polylines in box coordinates. */
  paths: Point[][];
}

/**
 * The isolines of f at `levels`. d3-contour returns the region f ≥ level as polygons on a grid
 * whose node i sits at i + 0.5 and which it closes along the grid's outer border (0 or n); those
 * border stretches are not isolines, so each ring is cut where it runs along the border.
 */
export function isolines(map: Pick<LandscapeMap, 'L' | 'nodes' | 'spacing' | 'f'>, levels: readonly number[]): Isoline[] {
  const n = map.nodes;
  const generator = contours().size([n, n]).smooth(true).thresholds([...levels]);
  const outside = (p: number[]) => p[0] <= 0 || p[1] <= 0 || p[0] >= n || p[1] >= n;
  const toBox = (p: number[]): Point => [clamp(-map.L + (p[0] - 0.5) * map.spacing, map.L), clamp(-map.L + (p[1] - 0.5) * map.spacing, map.L)];
  return generator(map.f as number[]).map((c) => {
    const paths: Point[][] = [];
    for (const polygon of c.coordinates) {
      for (const whole of polygon) {
        // Start where the ring is on the border, so no stretch of isoline wraps past the ring's start.
        const cut = whole.findIndex(outside);
        const ring = cut > 0 ? [...whole.slice(cut), ...whole.slice(1, cut + 1)] : whole;
        let current: Point[] = [];
        for (const p of ring) {
          if (outside(p)) {
            if (current.length > 1) paths.push(current);
            current = [];
          } else current.push(toBox(p));
        }
        if (current.length > 1) paths.push(current);
      }
    }
    return { level: c.value, paths };
  });
}

const clamp = (v: number, L: number) => Math.min(L, Math.max(-L, v));

/** A basin-coloured strip: cells [x0, x1] × [y0, y1] of one row that share a basin label. */
export interface BasinStrip {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  basin: number;
}

/**
 * The basin map as strips: each row's runs of equal labels merged, so a 129² grid is a few
 * hundred rectangles instead of 16 641 cells. A node owns the square of half a spacing around it
 * (a point belongs to the basin of its nearest node), clipped to the box.
 */
export function basinStrips(map: Pick<LandscapeMap, 'L' | 'nodes' | 'spacing' | 'basins'>): BasinStrip[] {
  const { nodes: n, spacing: h, L } = map;
  const at = (k: number) => -L + k * h;
  const strips: BasinStrip[] = [];
  for (let j = 0; j < n; j++) {
    let start = 0;
    for (let i = 1; i <= n; i++) {
      if (i === n || map.basins[j * n + i] !== map.basins[j * n + start]) {
        strips.push({ x0: clamp(at(start) - h / 2, L), x1: clamp(at(i - 1) + h / 2, L), y0: clamp(at(j) - h / 2, L), y1: clamp(at(j) + h / 2, L), basin: map.basins[j * n + start] });
        start = i;
      }
    }
  }
  return strips;
}

/** A circle as a closed polyline (the axes are square, so it draws round). */
export function circle(center: Point, r: number, segments = 72): Point[] {
  return Array.from({ length: segments + 1 }, (_, k) => {
    const t = (2 * Math.PI * k) / segments;
    return [center[0] + r * Math.cos(t), center[1] + r * Math.sin(t)] as Point;
  });
}

/** ECharts' empty value: a line series lifts the pen there. */
export const GAP = '-';

/** Several polylines as one line series' data, with a gap between them. */
export function joinPaths(paths: readonly Point[][]): (Point | typeof GAP)[] {
  const out: (Point | typeof GAP)[] = [];
  paths.forEach((p, k) => {
    if (k > 0) out.push(GAP);
    out.push(...p);
  });
  return out;
}

const rgb = (hex: string): [number, number, number] | null => {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)] : null;
};

/**
 * `#rrggbb` at `alpha` over the chart panel's background, as an opaque colour: the basin strips
 * overlap by a pixel so that no seam shows between rows, and translucent ones would darken there.
 */
export function tint(hex: string, alpha: number, dark: boolean): string {
  const c = rgb(hex);
  const under = rgb(dark ? PANEL_DARK : PANEL_LIGHT) as [number, number, number];
  if (!c) return hex;
  const mix = c.map((v, k) => Math.round(alpha * v + (1 - alpha) * under[k]));
  return `rgb(${mix[0]}, ${mix[1]}, ${mix[2]})`;
}

/** The chart panel's background (styles' --surface) in each theme. */
const PANEL_LIGHT = '#ffffff';
const PANEL_DARK = '#1a1f27';

export interface LandscapeLayersInput {
  map: LandscapeMap;
  style: ChartStyle;
  /** Clip b of each arm shown (null: unclipped); one dotted circle of radius b per minimum and distinct b. */
  clips?: readonly (number | null)[];
  /** Fill the basins (off under a heatmap, which would be tinted by them). */
  basins?: boolean;
  /** Draw circles of radius r_i. */
  radii?: boolean;
  levels?: number;
}

/** Series for the landscape itself, bottom to top: basin fills, isolines, circles, saddles, minima. */
export function landscapeLayers(input: LandscapeLayersInput): SeriesOption[] {
  const { map, style } = input;
  const series: SeriesOption[] = [];
  if (input.basins !== false) {
    const strips = basinStrips(map);
    series.push({
      id: LAYER_IDS.basins,
      name: 'basins',
      type: 'custom',
      silent: true,
      z: 1,
      // Drawn at once on the chart's own layer (progressive rendering would paint a separate canvas, in frames).
      progressive: 0,
      data: strips.map((s) => [s.x0, s.x1, s.y0, s.y1, s.basin]),
      renderItem: (_params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI): CustomSeriesRenderItemReturn => {
        const [x0, x1, y0, y1, basin] = [0, 1, 2, 3, 4].map((d) => Number(api.value(d)));
        const a = api.coord([x0, y1]);
        const b = api.coord([x1, y0]);
        // Half a pixel of overlap on every side: anti-aliased edges of neighbouring strips would show as seams.
        return { type: 'rect', shape: { x: a[0] - 0.5, y: a[1] - 0.5, width: b[0] - a[0] + 1, height: b[1] - a[1] + 1 }, style: { fill: tint(colorAt(style, basin - 1), style.dark ? 0.22 : 0.16, style.dark) } };
      },
      encode: { x: [0, 1], y: [2, 3] },
    } as SeriesOption);
  }
  const levels = isolines(map, contourLevels(map.f, input.levels ?? 16));
  const lineColor = style.dark ? 'rgba(227, 231, 238, 0.45)' : 'rgba(29, 36, 48, 0.38)';
  levels.forEach((iso, k) => {
    series.push({
      id: `isoline:${k}`,
      name: 'isolines',
      type: 'line',
      silent: true,
      z: 2,
      showSymbol: false,
      connectNulls: false,
      lineStyle: { color: lineColor, width: 0.9 },
      data: joinPaths(iso.paths),
    } as SeriesOption);
  });
  if (input.radii !== false && map.radii.length === map.minima.length) {
    series.push({
      id: LAYER_IDS.radius,
      name: 'radius rᵢ',
      type: 'line',
      silent: true,
      z: 3,
      showSymbol: false,
      lineStyle: { color: style.text, width: 1.2, type: 'dashed', opacity: 0.75 },
      data: joinPaths(map.minima.map((m, k) => circle(m.minimum, map.radii[k]))),
    } as SeriesOption);
  }
  const clips = [...new Set((input.clips ?? []).filter((b): b is number => b !== null && b > 0))];
  if (clips.length) {
    series.push({
      id: LAYER_IDS.clip,
      name: 'radius b',
      type: 'line',
      silent: true,
      z: 3,
      showSymbol: false,
      lineStyle: { color: colorAt(style, 4), width: 1.2, type: 'dotted' },
      data: joinPaths(clips.flatMap((b) => map.minima.map((m) => circle(m.minimum, b)))),
    } as SeriesOption);
  }
  series.push({
    id: LAYER_IDS.saddles,
    name: 'saddles',
    type: 'scatter',
    z: 4,
    symbol: 'diamond',
    symbolSize: 9,
    itemStyle: { color: style.dark ? '#12161c' : '#ffffff', borderColor: style.text, borderWidth: 1.5 },
    label: { show: true, position: 'right', color: style.text, fontSize: 11, formatter: (p: { dataIndex: number }) => `s${p.dataIndex + 1}` },
    data: map.saddles.map((s) => ({ value: [s.x, s.y], f: s.f })),
  } as SeriesOption);
  series.push({
    id: LAYER_IDS.minima,
    name: 'minima',
    type: 'scatter',
    z: 5,
    symbolSize: 9,
    itemStyle: { color: style.text, borderColor: style.dark ? '#12161c' : '#ffffff', borderWidth: 1.5 },
    label: { show: true, position: 'top', color: style.text, fontSize: 12, fontWeight: 'bold', formatter: (p: { dataIndex: number }) => `m${map.minima[p.dataIndex].index}` },
    data: map.minima.map((m, k) => ({ value: m.minimum, f: m.f, eigenvalues: m.eigenvalues, radius: map.radii[k] })),
  } as SeriesOption);
  return series;
}

/** Equal margins on the four sides, so the plot area of a square chart is square. */
export const SQUARE_GRID = { left: 52, right: 28, top: 28, bottom: 52 };

/** The box [−L, L]² as two value axes of equal length. */
export function boxAxes(map: Pick<LandscapeMap, 'L'>, style: ChartStyle) {
  const axis = (name: string, gap: number) => ({
    ...axisStyle(style),
    type: 'value' as const,
    min: -map.L,
    max: map.L,
    name,
    nameGap: gap,
    splitLine: { show: false },
    axisLabel: { ...axisStyle(style).axisLabel, formatter: (v: number) => String(Number(v.toPrecision(3))) },
  });
  return { xAxis: axis('x', 28), yAxis: axis('y', 34) };
}

function landscapeTooltip(style: ChartStyle, extra: (seriesId: string, data: unknown) => string | null = () => null) {
  return {
    ...baseOption(style).tooltip,
    trigger: 'item' as const,
    formatter: (p: unknown) => {
      const { seriesId, dataIndex, data } = p as { seriesId: string; dataIndex: number; data: { value: Point; f?: number; eigenvalues?: [number, number]; radius?: number } };
      const own = extra(seriesId, data);
      if (own !== null) return own;
      const at = `(${formatSci(data.value[0])}, ${formatSci(data.value[1])})`;
      if (seriesId === LAYER_IDS.minima) {
        const ev = data.eigenvalues ? `<br>Hessian eigenvalues ${formatSci(data.eigenvalues[0])}, ${formatSci(data.eigenvalues[1])}` : '';
        return `m${dataIndex + 1} at ${at}<br>f = ${formatSci(data.f ?? NaN)}${ev}${data.radius !== undefined ? `<br>r = ${formatSci(data.radius)}` : ''}`;
      }
      if (seriesId === LAYER_IDS.saddles) return `saddle s${dataIndex + 1} at ${at}<br>f = ${formatSci(data.f ?? NaN)}`;
      if (seriesId === LAYER_IDS.x0) return `x0 = ${at}`;
      return escapeHtml(at);
    },
  };
}

export interface Landscape2DOptionInput {
  map: LandscapeMap;
  style: ChartStyle;
  x0?: Point | null;
  clips?: readonly (number | null)[];
}

/** The designer's plot: the landscape with x0 on top (the component makes that marker draggable). */
export function landscape2dOption(input: Landscape2DOptionInput): EChartsOption {
  const { map, style } = input;
  const series = landscapeLayers({ map, style, clips: input.clips });
  if (input.x0) {
    series.push({
      id: LAYER_IDS.x0,
      name: 'x0',
      type: 'scatter',
      z: 6,
      symbol: 'circle',
      symbolSize: 14,
      itemStyle: { color: colorAt(style, 1), borderColor: style.dark ? '#12161c' : '#ffffff', borderWidth: 2 },
      label: { show: true, position: 'right', color: style.text, fontSize: 12, fontWeight: 'bold', formatter: 'x0' },
      data: [{ value: input.x0 }],
    } as SeriesOption);
  }
  return { ...baseOption(style), legend: { show: false }, grid: SQUARE_GRID, tooltip: landscapeTooltip(style), ...boxAxes(map, style), series };
}

export interface Histogram2DInput {
  xEdges: readonly number[];
  yEdges: readonly number[];
  counts: readonly (readonly number[])[];
}

/** Cells with a count, as [x0, x1, y0, y1, log10 count, count]: empty cells stay unpainted. */
export function occupancyCells(h: Histogram2DInput): number[][] {
  const cells: number[][] = [];
  h.counts.forEach((column, i) =>
    column.forEach((c, j) => {
      if (c > 0) cells.push([h.xEdges[i], h.xEdges[i + 1], h.yEdges[j], h.yEdges[j + 1], Math.log10(c), c]);
    }),
  );
  return cells;
}

/** Viridis, few to many: light to dark on a light page, dark to light on a dark one; every step saturated. */
const HEAT = ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'];
const HEAT_DARK = ['#3b528b', '#21918c', '#5ec962', '#fde725'];

/**
 * Where the iterates spent their time: the long run's 2-D histogram on a log colour scale
 * (counts span orders of magnitude between a basin's bottom and its rim) over the isolines,
 * minima and saddles.
 */
export function occupancy2dOption(map: LandscapeMap, histogram: Histogram2DInput, style: ChartStyle): EChartsOption {
  const cells = occupancyCells(histogram);
  const logs = cells.map((c) => c[4]);
  const max = Math.max(1, ...logs);
  const series: SeriesOption[] = [
    {
      id: 'occupancy',
      name: 'iterations per cell',
      type: 'custom',
      z: 1,
      progressive: 0,
      data: cells,
      encode: { x: [0, 1], y: [2, 3], tooltip: [5] },
      renderItem: (_params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI): CustomSeriesRenderItemReturn => {
        const a = api.coord([Number(api.value(0)), Number(api.value(3))]);
        const b = api.coord([Number(api.value(1)), Number(api.value(2))]);
        return { type: 'rect', shape: { x: a[0], y: a[1], width: b[0] - a[0] + 0.5, height: b[1] - a[1] + 0.5 }, style: { fill: api.visual('color') as string } };
      },
    } as SeriesOption,
    ...landscapeLayers({ map, style, basins: false, radii: false }),
  ];
  return {
    ...baseOption(style),
    legend: { show: false },
    grid: { ...SQUARE_GRID, right: 84 },
    tooltip: landscapeTooltip(style, (id, data) => {
      if (id !== 'occupancy') return null;
      const c = data as number[];
      return `x ∈ [${formatSci(c[0])}, ${formatSci(c[1])}], y ∈ [${formatSci(c[2])}, ${formatSci(c[3])}]<br>${formatSci(c[5])} iterations`;
    }),
    ...boxAxes(map, style),
    visualMap: {
      type: 'continuous',
      seriesIndex: 0,
      dimension: 4,
      min: 0,
      max,
      calculable: false,
      orient: 'vertical',
      right: 8,
      top: 'middle',
      itemHeight: 160,
      text: [formatSci(Math.round(10 ** max)), '1'],
      textStyle: { color: style.text, fontSize: 11 },
      inRange: { color: style.dark ? HEAT_DARK : HEAT },
    },
    series,
  };
}

/** At most this many points per path are drawn: beyond it the line is denser than the pixels. */
export const MAX_PATH_POINTS = 4000;

/** Every k-th point of a path (and its last), so that at most `max` remain. */
export function thinPath(path: readonly Point[], max = MAX_PATH_POINTS): Point[] {
  if (path.length <= max) return [...path];
  const k = Math.ceil(path.length / max);
  const out: Point[] = [];
  for (let i = 0; i < path.length; i += k) out.push(path[i]);
  if (out[out.length - 1] !== path[path.length - 1]) out.push(path[path.length - 1]);
  return out;
}

/** Thinned paths over the landscape (basins filled, so it is clear which basin each stretch visits). */
export function trajectories2dOption(map: LandscapeMap, paths: readonly Point[][], style: ChartStyle, x0?: Point | null): EChartsOption {
  const series = landscapeLayers({ map, style, radii: false });
  paths.forEach((p, k) => {
    series.push({
      id: `path:${k}`,
      name: `path ${k + 1}`,
      type: 'line',
      z: 3,
      showSymbol: false,
      silent: true,
      lineStyle: { color: colorAt(style, k + 1), width: 1, opacity: 0.8 },
      data: thinPath(p),
    } as SeriesOption);
  });
  if (x0) {
    series.push({ id: LAYER_IDS.x0, name: 'x0', type: 'scatter', z: 6, symbolSize: 10, itemStyle: { color: colorAt(style, 1), borderColor: style.text, borderWidth: 1 }, data: [{ value: x0 }] } as SeriesOption);
  }
  const base = baseOption(style);
  return {
    ...base,
    legend: { ...base.legend, type: 'plain', data: paths.map((_, k) => `path ${k + 1}`), top: 0 },
    grid: { ...SQUARE_GRID, top: 36 },
    tooltip: landscapeTooltip(style),
    ...boxAxes(map, style),
    series,
  };
}
