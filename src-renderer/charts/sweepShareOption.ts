import type { EChartsOption, SeriesOption } from 'echarts';
import { axisStyle, baseOption, colorAt, type ChartStyle } from './style';

/** One cell of a one-axis long-run sweep, for one arm. */
export interface SweepShareCell {
  /** The axis value as shown ("0.3", "unclipped"). */
  label: string;
  cell: number;
  /** Fraction of time in Ω_1 … Ω_n; empty before the first chunk. */
  occupancy: number[];
  /** M^large of the cell's typical graph, when defined. */
  largeMinima?: number[];
}

export const SWEEP_LARGE_SHARE = 'share in M^large';

/**
 * Where SGD spends its time across a one-axis sweep: stacked bars of the share in each field,
 * one bar per cell, and the share in M^large marked as a line with diamonds (absent where the
 * theory leaves M^large undefined). Bars carry their cell index for a click.
 */
export function sweepShareOption(axisName: string, cells: readonly SweepShareCell[], style: ChartStyle): EChartsOption {
  const base = baseOption(style);
  const fieldCount = Math.max(0, ...cells.map((c) => c.occupancy.length));
  const series: SeriesOption[] = Array.from({ length: fieldCount }, (_, i) => ({
    name: `Ω${i + 1}`,
    type: 'bar',
    stack: 'share',
    barMaxWidth: 40,
    itemStyle: { color: colorAt(style, i) },
    data: cells.map((c) => ({ value: c.occupancy[i] ?? null, cell: c.cell })),
  }));
  series.push({
    name: SWEEP_LARGE_SHARE,
    type: 'line',
    symbol: 'diamond',
    symbolSize: 10,
    z: 4,
    lineStyle: { color: style.text, width: 1.5 },
    itemStyle: { color: style.text },
    data: cells.map((c) => ({
      value: c.largeMinima && c.occupancy.length ? c.largeMinima.reduce((s, i) => s + (c.occupancy[i - 1] ?? 0), 0) : null,
      cell: c.cell,
    })),
  });
  return {
    ...base,
    legend: { ...base.legend, type: 'plain' },
    grid: { left: 60, right: 16, top: 36, bottom: 48 },
    tooltip: {
      ...base.tooltip,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => (v === null || v === undefined ? '—' : `${(Number(v) * 100).toFixed(1)}%`),
    },
    xAxis: { ...axisStyle(style), type: 'category', data: cells.map((c) => c.label), name: axisName, nameGap: 28 },
    yAxis: {
      ...axisStyle(style),
      type: 'value',
      min: 0,
      max: 1,
      name: 'fraction of time',
      nameGap: 44,
      axisLabel: { ...axisStyle(style).axisLabel, formatter: (v: number) => `${Math.round(v * 100)}%` },
    },
    series,
  };
}
