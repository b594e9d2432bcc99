import type { EChartsOption } from 'echarts';
import { fields, minima, saddles, type Landscape } from '../../src-shared/model';
import { potential } from '../../src-shared/theory';
import { sampleLoss } from './landscapeCurve';
import { axisStyle, baseOption, type ChartStyle, MARK_LINE_PRECISION } from './style';

/**
 * The loss f on [−L, L] with minima m_i, saddles s_i and the attraction fields Ω_i shaded;
 * with x0, the start is marked as a vertical line labelled x₀.
 */
export function landscapeOption(landscape: Landscape, style: ChartStyle, x0?: number): EChartsOption {
  const curve = sampleLoss(landscape);
  const at = potential(landscape);
  const L = landscape.L;
  // Room below the lowest minimum for its label: at the axis floor "m1" sat on the tick "-1".
  const [yMin, yMax] = yRoomForMinimumLabels(curve.map((p) => p[1]));
  const areas = fields(landscape).map((f, k) => [
    {
      name: `Ω${f.index}`,
      xAxis: Math.max(-L, f.left),
      itemStyle: { color: style.fieldFill[k % 2] },
      label: { color: style.muted, position: 'insideTop' as const, fontSize: 11 },
    },
    { xAxis: Math.min(L, f.right) },
  ]);
  return {
    ...baseOption(style),
    legend: { show: false },
    grid: { left: 56, right: 16, top: 28, bottom: 44 },
    tooltip: { ...baseOption(style).tooltip, trigger: 'axis', valueFormatter: (v) => Number(v).toFixed(4) },
    xAxis: { ...axisStyle(style), type: 'value', name: 'x', nameGap: 26, min: -L, max: L, axisLabel: { ...axisStyle(style).axisLabel, showMinLabel: false, showMaxLabel: false } },
    yAxis: { ...axisStyle(style), type: 'value', name: 'f(x)', nameGap: 40, min: yMin, max: yMax, axisLabel: { ...axisStyle(style).axisLabel, showMinLabel: false, showMaxLabel: false, formatter: (v: number) => String(Number(v.toPrecision(3))) } },
    series: [
      {
        name: 'f',
        type: 'line',
        data: curve,
        showSymbol: false,
        lineStyle: { width: 2, color: style.text },
        itemStyle: { color: style.text },
        markArea: { silent: true, data: areas as never },
        ...(x0 !== undefined && Number.isFinite(x0)
          ? { markLine: { precision: MARK_LINE_PRECISION, silent: true, symbol: 'none', lineStyle: { color: style.palette[2], type: 'dashed' as const, width: 1.5 }, label: { formatter: 'x₀', color: style.palette[2] }, data: [{ xAxis: x0 }] } }
          : {}),
      },
      {
        name: 'minima',
        type: 'scatter',
        symbolSize: 9,
        itemStyle: { color: style.palette[0] },
        data: minima(landscape).map((m, k) => ({ value: [m, at(m)], name: `m${k + 1}` })),
        label: { show: true, formatter: '{b}', position: 'bottom', color: style.text, fontSize: 11 },
      },
      {
        name: 'saddles',
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 9,
        itemStyle: { color: style.palette[1] },
        data: saddles(landscape).map((s, k) => ({ value: [s, at(s)], name: `s${k + 1}` })),
        label: { show: true, formatter: '{b}', position: 'top', color: style.text, fontSize: 11 },
      },
    ],
  };
}

/** Share of the plot height kept free under the lowest f and above the highest (labels m_i, s_i). */
export const LABEL_ROOM = 0.18;

/** The f-axis range: the curve's range widened by LABEL_ROOM on both sides. */
export function yRoomForMinimumLabels(values: readonly number[]): [number, number] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo || Math.abs(hi) || 1;
  const pad = (span * LABEL_ROOM) / (1 - 2 * LABEL_ROOM);
  return [lo - pad, hi + pad];
}
