import type { EChartsOption, SeriesOption } from 'echarts';
import type { ExitTimePointSummary as ExitTimePoint } from '../../src-shared/model';
import { formatSci } from '../format';
import { axisStyle, baseOption, colorAt, type ChartStyle } from './style';

/** Share of exits landing in each Ω_j, per η; censored samples are not exits and are left out. */
export function exitShares(point: ExitTimePoint): Record<string, number> {
  const total = Object.values(point.exitTo).reduce((s, n) => s + n, 0);
  const out: Record<string, number> = {};
  if (total === 0) return out;
  for (const [j, n] of Object.entries(point.exitTo)) out[j] = n / total;
  return out;
}

/**
 * Where the first exit lands: stacked shares per η, and beside them Theorem 1's limit
 * q_ij / q_i (η → 0) as a last column when the limit constants are known.
 */
export function exitDestinationsOption(
  points: readonly ExitTimePoint[],
  predictedShares: Record<string, number> | null,
  style: ChartStyle,
): EChartsOption {
  const destinations = new Set<string>();
  for (const p of points) for (const j of Object.keys(p.exitTo)) destinations.add(j);
  for (const j of Object.keys(predictedShares ?? {})) destinations.add(j);
  const js = [...destinations].sort((a, b) => Number(a) - Number(b));
  // Bare values under an axis named η: "η = 0.1η = 0.03…" ran together once there were 7 of them.
  const categories = points.map((p) => formatSci(p.eta));
  if (predictedShares) categories.push('η → 0\nqᵢⱼ/qᵢ');
  const shares = points.map(exitShares);
  const series: SeriesOption[] = js.map((j, k) => ({
    name: `to Ω${j}`,
    type: 'bar',
    stack: 'share',
    barMaxWidth: 48,
    itemStyle: { color: colorAt(style, k) },
    data: [
      ...shares.map((s) => s[j] ?? 0),
      ...(predictedShares ? [{ value: predictedShares[j] ?? 0, itemStyle: { color: colorAt(style, k), opacity: 0.55, decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: -Math.PI / 4, color: style.dark ? 'rgba(0,0,0,0.4)' : 'rgba(255,255,255,0.6)' } } }] : []),
    ],
  }));
  const base = baseOption(style);
  return {
    ...base,
    grid: { left: 64, right: 16, top: 40, bottom: 56 },
    tooltip: { ...base.tooltip, trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${(Number(v) * 100).toFixed(1)}%` },
    xAxis: { ...axisStyle(style), type: 'category', data: categories, name: 'η', nameLocation: 'middle', nameGap: 38, axisLabel: { ...axisStyle(style).axisLabel, interval: 0, hideOverlap: true, lineHeight: 14 } },
    yAxis: { ...axisStyle(style), type: 'value', min: 0, max: 1, name: 'share of exits', nameGap: 44, axisLabel: { ...axisStyle(style).axisLabel, formatter: (v: number) => `${Math.round(v * 100)}%` } },
    series,
  };
}
