import type { EChartsOption } from 'echarts';
import { axisStyle, baseOption, colorAt, type ChartStyle } from './style';

export interface OccupancyGroup {
  label: string;
  /** Fraction of time in Ω_1 … Ω_n. */
  occupancy: number[];
}

/** Fraction of time in each field Ω_i, one bar per arm (or per run and arm when comparing). */
export function occupancyOption(groups: readonly OccupancyGroup[], style: ChartStyle): EChartsOption {
  const n = Math.max(0, ...groups.map((g) => g.occupancy.length));
  const base = baseOption(style);
  const rows = legendRows(groups.map((g) => g.label));
  return {
    ...base,
    // A plain legend wraps; a scrolling one paged ("1/2") and hid the fourth arm.
    legend: { ...base.legend, type: 'plain' },
    grid: { left: 60, right: 16, top: 28 + 20 * rows, bottom: 40 },
    tooltip: { ...base.tooltip, trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${(Number(v) * 100).toFixed(2)}%` },
    xAxis: { ...axisStyle(style), type: 'category', data: Array.from({ length: n }, (_, i) => `Ω${i + 1}`), name: 'attraction field', nameGap: 26 },
    yAxis: { ...axisStyle(style), type: 'value', min: 0, max: 1, name: 'fraction of time', nameGap: 44, axisLabel: { ...axisStyle(style).axisLabel, formatter: (v: number) => `${Math.round(v * 100)}%` } },
    series: groups.map((g, k) => ({ name: g.label, type: 'bar', barMaxWidth: 36, itemStyle: { color: colorAt(style, k) }, data: g.occupancy })),
  };
}

/** A conservative width for the legend (the narrowest chart panel), in pixels. */
const LEGEND_WIDTH = 420;

/** Rows a wrapping legend needs for these labels: swatch + gap ≈ 40 px, ≈ 7 px per character. */
export function legendRows(labels: readonly string[]): number {
  let rows = 1;
  let used = 0;
  for (const l of labels) {
    const w = 40 + 7 * l.length;
    if (used > 0 && used + w > LEGEND_WIDTH) {
      rows++;
      used = 0;
    }
    used += w;
  }
  return rows;
}
