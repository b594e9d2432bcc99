import type { EChartsOption } from 'echarts';
import { escapeHtml } from './escapeHtml';
import { formatSci } from '../format';
import { axisStyle, baseOption, type ChartStyle } from './style';

/** A two-axis sweep ready to draw: axis labels, one value per cell (grid order) and the boundaries. */
export interface SweepHeatmapInput {
  x: { name: string; labels: string[] };
  y: { name: string; labels: string[] };
  /** values[i·ny + j] for x index i, y index j (grid order, first axis outermost); null = nothing yet. */
  values: (number | null)[];
  /** What the colour means, with its unit. */
  unit: string;
  /** Lines between categories: `position` is a fractional category index (see categoryPosition). */
  boundaries: { axis: 'x' | 'y'; position: number; label: string }[];
  /** Extra tooltip lines per cell (samples, censoring, …). */
  notes?: string[];
  /** Centre the colour scale on 0 (a difference such as slope − predicted). */
  diverging?: boolean;
  /** A fixed colour scale (several heatmaps on one scale); otherwise the values' own range. */
  range?: { min: number; max: number };
}

/**
 * Where a number falls among a category axis's numeric values, as a fractional index: between
 * categories k and k+1 by linear interpolation (in log when the values are log-spaced), so a
 * boundary line lands between the two cells it separates. Null outside the range or for
 * unsorted values.
 */
export function categoryPosition(values: readonly (number | null)[], v: number): number | null {
  const idx = values.map((x, k) => [x, k] as const).filter((p): p is readonly [number, number] => p[0] !== null);
  for (let n = 0; n + 1 < idx.length; n++) {
    const [a, ka] = idx[n];
    const [b, kb] = idx[n + 1];
    const [lo, hi] = a < b ? [a, b] : [b, a];
    if (v < lo || v > hi) continue;
    const logSpaced = lo > 0 && hi / lo > 2;
    const t = logSpaced ? Math.log(v / a) / Math.log(b / a) : (v - a) / (b - a);
    return ka + t * (kb - ka);
  }
  return null;
}

/**
 * The colour scale spanning every finite value of the given heatmaps (symmetric about 0 when
 * diverging); an empty or flat set gets a unit-wide scale so the colours stay defined.
 */
export function colourRange(valueSets: readonly (readonly (number | null)[])[], diverging = false): { min: number; max: number } {
  const present = valueSets.flat().filter((v): v is number => v !== null && Number.isFinite(v));
  let min = present.length ? Math.min(...present) : 0;
  let max = present.length ? Math.max(...present) : 1;
  if (diverging) {
    const m = Math.max(Math.abs(min), Math.abs(max), 1e-9);
    [min, max] = [-m, m];
  }
  if (min === max) [min, max] = [min - 0.5, max + 0.5];
  return { min, max };
}

/**
 * A heatmap of one quantity over a two-axis sweep, the first axis on x, with the theory's
 * boundaries drawn over it as lines, a colour scale labelled with its unit, and a tooltip per
 * cell. Each cell's data carries its grid index (`data.cell`) for a click.
 */
export function sweepHeatmapOption(input: SweepHeatmapInput, style: ChartStyle): EChartsOption {
  const base = baseOption(style);
  const ny = input.y.labels.length;
  const data = input.values.map((v, k) => ({ value: [Math.floor(k / ny), k % ny, v ?? '-'], cell: k }));
  const { min, max } = input.range ?? colourRange([input.values], input.diverging);
  const nx = input.x.labels.length;
  // Boundaries fall between cells, and a category axis rounds positions to a category, so they
  // are drawn on hidden value axes that span the same cells (cell k from k − 0.5 to k + 0.5).
  const flipped = labelsAtFarEnd(input.boundaries);
  const boundarySeries = input.boundaries.map((b, k) => ({
    id: `boundary:${k}`,
    type: 'line' as const,
    xAxisIndex: 1,
    yAxisIndex: 1,
    silent: true,
    showSymbol: false,
    z: 5,
    lineStyle: { color: style.dark ? '#ffffff' : '#000000', type: 'dashed' as const, width: 1.5 },
    endLabel: { show: true, formatter: b.label, color: style.text, fontSize: 10 },
    // The label sits at the line's last point: its top (or right) end, or the other for a flipped one.
    data: ends(b, nx, ny, flipped.has(k)),
  }));
  const hidden = (n: number) => ({ type: 'value' as const, min: -0.5, max: n - 0.5, show: false });
  return {
    ...base,
    grid: { left: 70, right: 110, top: 40, bottom: 56 },
    tooltip: {
      ...base.tooltip,
      trigger: 'item',
      formatter: (p: unknown) => {
        const item = p as { data?: { value: [number, number, number | string]; cell: number } };
        if (!item.data) return '';
        const [i, j, v] = item.data.value;
        const note = input.notes?.[item.data.cell];
        return [
          `${escapeHtml(input.x.name)} = ${escapeHtml(input.x.labels[i])}`,
          `${escapeHtml(input.y.name)} = ${escapeHtml(input.y.labels[j])}`,
          `${escapeHtml(input.unit)}: ${typeof v === 'number' ? formatSci(v) : 'not yet'}`,
          ...(note ? [escapeHtml(note)] : []),
          'click to open the cell',
        ].join('<br>');
      },
    },
    legend: { show: false },
    xAxis: [{ ...axisStyle(style), type: 'category', data: input.x.labels, name: input.x.name, nameGap: 30 }, hidden(nx)],
    yAxis: [{ ...axisStyle(style), type: 'category', data: input.y.labels, name: input.y.name, nameGap: 50 }, hidden(ny)],
    visualMap: {
      type: 'continuous',
      seriesIndex: 0,
      min,
      max,
      calculable: false,
      orient: 'vertical',
      right: 8,
      top: 'middle',
      itemHeight: 180,
      text: [formatSci(max), formatSci(min)],
      textStyle: { color: style.text, fontSize: 11 },
      inRange: { color: input.diverging ? ['#2166ac', '#f7f7f7', '#b2182b'] : ['#0d0887', '#7e03a8', '#cc4778', '#f89540', '#f0f921'] },
      formatter: (v: unknown) => formatSci(Number(v)),
    },
    // The unit beside the colour scale, where the eye reads it.
    graphic: [
      {
        type: 'text',
        right: 4,
        top: 40,
        style: { text: input.unit, fill: style.muted, fontSize: 11, lineHeight: 14, fontFamily: style.font, width: 100, overflow: 'break' },
      },
    ],
    series: [
      {
        type: 'heatmap',
        name: input.unit,
        data,
        label: { show: false },
        emphasis: { itemStyle: { borderColor: style.text, borderWidth: 1 } },
      },
      ...boundarySeries,
    ],
  };
}

/** Closer than this (in cells) on one axis, two boundaries' labels would overlap at the same end. */
const LABEL_CROWDING = 0.3;

/**
 * Boundaries whose label goes to the line's other end: of two neighbours on one axis closer than
 * LABEL_CROWDING, the second (in position order) flips unless its neighbour already did, so a
 * cluster alternates ends.
 */
function labelsAtFarEnd(boundaries: SweepHeatmapInput['boundaries']): Set<number> {
  const flipped = new Set<number>();
  for (const axis of ['x', 'y'] as const) {
    const order = boundaries.map((b, k) => ({ b, k })).filter(({ b }) => b.axis === axis).sort((p, q) => p.b.position - q.b.position);
    order.forEach(({ b, k }, i) => {
      const before = order[i - 1];
      if (before && b.position - before.b.position < LABEL_CROWDING && !flipped.has(before.k)) flipped.add(k);
    });
  }
  return flipped;
}

function ends(b: SweepHeatmapInput['boundaries'][number], nx: number, ny: number, flip: boolean): number[][] {
  const line = b.axis === 'x' ? [[b.position, -0.5], [b.position, ny - 0.5]] : [[-0.5, b.position], [nx - 0.5, b.position]];
  return flip ? line.reverse() : line;
}
