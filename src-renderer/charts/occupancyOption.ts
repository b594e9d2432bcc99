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
  return {
    ...base,
    grid: { left: 60, right: 16, top: 48, bottom: 40 },
    tooltip: { ...base.tooltip, trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${(Number(v) * 100).toFixed(2)}%` },
    xAxis: { ...axisStyle(style), type: 'category', data: Array.from({ length: n }, (_, i) => `Ω${i + 1}`), name: 'attraction field', nameGap: 26 },
    yAxis: { ...axisStyle(style), type: 'value', min: 0, max: 1, name: 'fraction of time', nameGap: 44, axisLabel: { ...axisStyle(style).axisLabel, formatter: (v: number) => `${Math.round(v * 100)}%` } },
    series: groups.map((g, k) => ({ name: g.label, type: 'bar', barMaxWidth: 36, itemStyle: { color: colorAt(style, k) }, data: g.occupancy })),
  };
}
