import type { EChartsOption } from 'echarts';
import type { ExitTimePoint } from '../../src-shared/model';
import { formatSci } from '../format';
import { axisStyle, baseOption, type ChartStyle } from './style';

/**
 * Empirical survival P(σ > t) of exit times; censored samples (= maxIterations) keep the curve
 * from dropping past the censoring time.
 */
export function survivalPoints(exitTimes: readonly number[], maxIterations: number): [number, number][] {
  const n = exitTimes.length;
  if (n === 0) return [];
  const sorted = [...exitTimes].sort((a, b) => a - b);
  const pts: [number, number][] = [[0, 1]];
  for (let k = 0; k < n; k++) {
    if (sorted[k] >= maxIterations) break;
    if (k + 1 < n && sorted[k + 1] === sorted[k]) continue;
    pts.push([sorted[k], (n - k - 1) / n]);
  }
  return pts.filter((p) => p[1] > 0);
}

/**
 * The empirical survival of one η's exit times against the exponential with the same mean (the
 * point's stored mean; Theorem 1: σ scaled by its mean is asymptotically Exp(1)).
 */
export function exitDistributionOption(point: ExitTimePoint | undefined, maxIterations: number, style: ChartStyle): EChartsOption {
  const exitTimes = point?.exitTimes ?? [];
  const eta = point?.eta ?? 0;
  const pts = survivalPoints(exitTimes, maxIterations);
  const mean = point && exitTimes.length ? point.mean : 0;
  const tMax = pts.length ? pts[pts.length - 1][0] : 1;
  const floor = exitTimes.length ? 1 / exitTimes.length : 0.01;
  const expo: [number, number][] = [];
  for (let k = 0; k <= 100; k++) {
    const t = (tMax * k) / 100;
    const s = Math.exp(-t / mean);
    if (s >= floor / 2) expo.push([t, s]);
  }
  const base = baseOption(style);
  return {
    ...base,
    grid: { left: 64, right: 16, top: 40, bottom: 52 },
    tooltip: { ...base.tooltip, trigger: 'axis', valueFormatter: (v) => Number(v).toFixed(3) },
    xAxis: { ...axisStyle(style), type: 'value', name: `t (iterations), η = ${formatSci(eta)}`, nameGap: 28, axisLabel: { ...axisStyle(style).axisLabel, formatter: (v: number) => formatSci(v) } },
    yAxis: { ...axisStyle(style), type: 'log', name: 'P(σ > t)', nameGap: 44, min: Math.max(floor / 2, 1e-6), max: 1, axisLabel: { ...axisStyle(style).axisLabel, showMinLabel: false, formatter: (v: number) => formatSci(v) } },
    series: [
      { name: 'measured', type: 'line', step: 'end', data: pts, showSymbol: false, lineStyle: { width: 2, color: style.palette[0] }, itemStyle: { color: style.palette[0] } },
      { name: `exponential, mean ${formatSci(mean)}`, type: 'line', data: expo, showSymbol: false, lineStyle: { width: 1.5, type: 'dashed', color: style.palette[1] }, itemStyle: { color: style.palette[1] } },
    ],
  };
}
