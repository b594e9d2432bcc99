import type { EChartsOption, SeriesOption } from 'echarts';
import { fields, type Landscape } from '../../src-shared/model';
import { formatSci } from '../format';
import type { TrajectoryWindow } from '../../src-shared/api';
import { axisStyle, baseOption, colorAt, type ChartStyle, MARK_LINE_PRECISION } from './style';

/** The zoom window in percent of the whole path, as ECharts' dataZoom reports it. */
export interface ZoomPercent {
  start: number;
  end: number;
}

/**
 * Figure 5: sample paths X(n) against n with the saddles s_i as dashed levels and minima m_i
 * as dotted ones. The server has already reduced each path to the visible window at the chart's
 * width (lowest and highest point per pixel column); zooming asks it for the new window.
 */
export function trajectoriesOption(window: TrajectoryWindow | null, iterations: number, zoom: ZoomPercent, landscape: Landscape, style: ChartStyle): EChartsOption {
  const fs = fields(landscape);
  const levels = [
    ...fs.slice(1).map((f, k) => ({ yAxis: f.left, name: `s${k + 1}`, lineStyle: { type: 'dashed' as const, color: style.axis } })),
    ...fs.map((f) => ({ yAxis: f.minimum, name: `m${f.index}`, lineStyle: { type: 'dotted' as const, color: style.split } })),
  ];
  const series: SeriesOption[] = (window?.paths ?? []).map((path, k) => ({
    name: `path ${path.path + 1}`,
    type: 'line',
    data: path.points,
    showSymbol: false,
    lineStyle: { width: 1, color: colorAt(style, k) },
    itemStyle: { color: colorAt(style, k) },
    ...(k === 0
      ? { markLine: { precision: MARK_LINE_PRECISION, silent: true, symbol: 'none', label: { formatter: '{b}', color: style.muted, fontSize: 10, position: 'end' as const }, data: levels } }
      : {}),
  }));
  const base = baseOption(style);
  return {
    ...base,
    grid: { left: 56, right: 40, top: 36, bottom: 80 },
    tooltip: { ...base.tooltip, trigger: 'axis', formatter: trajectoryTooltip },
    dataZoom: [
      { type: 'inside', xAxisIndex: 0, filterMode: 'none', start: zoom.start, end: zoom.end },
      { type: 'slider', xAxisIndex: 0, filterMode: 'none', height: 18, bottom: 12, textStyle: { color: style.muted }, start: zoom.start, end: zoom.end },
    ],
    xAxis: { ...axisStyle(style), type: 'value', name: 'iteration n', nameGap: 26, min: 0, max: iterations, axisLabel: { ...axisStyle(style).axisLabel, formatter: (v: number) => formatSci(v) } },
    yAxis: { ...axisStyle(style), type: 'value', name: 'X(n)', nameGap: 36, min: -landscape.L, max: landscape.L, axisLabel: { ...axisStyle(style).axisLabel, showMinLabel: false, showMaxLabel: false } },
    series,
  };
}

/** n is a whole iteration count ("n = 1,470,000"), never "1,470,000.00"; X(n) to three decimals. */
export function trajectoryTooltip(params: unknown): string {
  const items = (Array.isArray(params) ? params : [params]) as { seriesName?: string; marker?: string; value?: [number, number] }[];
  const n = items[0]?.value?.[0];
  const head = n === undefined ? '' : `n = ${Math.round(n).toLocaleString('en-US')}`;
  const rows = items.filter((p) => p.value).map((p) => `${p.marker ?? ''}${escapeHtml(p.seriesName ?? '')}: X = ${p.value![1].toFixed(3)}`);
  return [head, ...rows].join('<br/>');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
