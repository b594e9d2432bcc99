import type { EChartsOption, GridComponentOption, SeriesOption, XAXisComponentOption, YAXisComponentOption } from 'echarts';
import type { Landscape, LongRunArmSummary as LongRunArmResult } from '../../src-shared/model';
import { saddles } from '../../src-shared/model';
import { sampleLoss } from './landscapeCurve';
import { axisStyle, baseOption, colorAt, type ChartStyle, MARK_LINE_PRECISION } from './style';

/** Density of X on [−L, L] from bin counts: counts / (total · bin width). */
export function histogramDensity(histogram: { edges: number[]; counts: number[] }): [number, number][] {
  const total = histogram.counts.reduce((s, n) => s + n, 0);
  return histogram.counts.map((n, k) => {
    const w = histogram.edges[k + 1] - histogram.edges[k];
    return [(histogram.edges[k] + histogram.edges[k + 1]) / 2, total > 0 && w > 0 ? n / (total * w) : 0];
  });
}

/** The next 1, 2 or 5 × 10^k at or above v, so the shared axis ends on a round label. */
export function niceCeil(v: number): number {
  const e = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * e >= v) return m * e;
  return 10 * e;
}

/**
 * Figure 1 as small multiples: one panel per arm on shared axes (same x range and density scale),
 * the histogram of X(1..T) as a step area, and f drawn over it on a right axis.
 */
export function histogramOption(arms: readonly LongRunArmResult[], landscape: Landscape, style: ChartStyle): EChartsOption {
  const n = Math.max(arms.length, 1);
  const cols = n > 2 ? 2 : 1;
  const rows = Math.ceil(n / cols);
  const densities = arms.map((a) => histogramDensity(a.histogram));
  const yMax = niceCeil(Math.max(1e-9, ...densities.flat().map((p) => p[1])));
  const loss = sampleLoss(landscape, 300);
  const fMax = Math.max(...loss.map((p) => p[1]));
  const L = landscape.L;
  const saddleLines = saddles(landscape).map((s) => ({ xAxis: s }));
  const grids: GridComponentOption[] = [];
  const xAxes: XAXisComponentOption[] = [];
  const yAxes: YAXisComponentOption[] = [];
  const series: SeriesOption[] = [];
  const titles: { text: string; left: string; top: string; textStyle: object }[] = [];
  const ax = axisStyle(style);
  arms.forEach((arm, k) => {
    const r = Math.floor(k / cols);
    const c = k % cols;
    const w = 100 / cols;
    const h = 100 / rows;
    grids.push({ left: `${c * w + 7}%`, width: `${w - 12}%`, top: `${r * h + 8}%`, height: `${h - 17}%` });
    titles.push({ text: arm.label, left: `${c * w + 7}%`, top: `${r * h + 1.5}%`, textStyle: { fontSize: 12, fontWeight: 600, color: style.text } });
    xAxes.push({ ...ax, type: 'value', gridIndex: k, min: -L, max: L, name: r === rows - 1 ? 'x' : '', nameGap: 24 });
    yAxes.push({ ...ax, type: 'value', gridIndex: k, min: 0, max: yMax, name: c === 0 ? 'density' : '', nameGap: 40, axisLabel: { ...ax.axisLabel, formatter: (v: number) => v.toFixed(v >= 10 ? 0 : 1) } });
    yAxes.push({ ...ax, type: 'value', gridIndex: k, min: 0, max: fMax * 1.05, position: 'right', show: false, splitLine: { show: false } });
    series.push({
      name: arm.label,
      type: 'line',
      step: 'middle',
      xAxisIndex: k,
      yAxisIndex: 2 * k,
      data: densities[k],
      showSymbol: false,
      sampling: 'lttb',
      lineStyle: { width: 1, color: colorAt(style, k) },
      itemStyle: { color: colorAt(style, k) },
      areaStyle: { color: colorAt(style, k), opacity: 0.35 },
      markLine: { precision: MARK_LINE_PRECISION, silent: true, symbol: 'none', lineStyle: { color: style.axis, type: 'dotted' }, label: { show: false }, data: saddleLines },
    });
    series.push({
      name: 'f',
      type: 'line',
      xAxisIndex: k,
      yAxisIndex: 2 * k + 1,
      data: loss,
      showSymbol: false,
      silent: true,
      lineStyle: { width: 1.2, color: style.muted, type: 'dashed' },
      itemStyle: { color: style.muted },
    });
  });
  const base = baseOption(style);
  return {
    ...base,
    legend: { show: false },
    title: titles,
    tooltip: { ...base.tooltip, trigger: 'axis', valueFormatter: (v) => Number(v).toFixed(3) },
    grid: grids,
    xAxis: xAxes,
    yAxis: yAxes,
    series,
  };
}
