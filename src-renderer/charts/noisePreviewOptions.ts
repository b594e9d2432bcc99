import type { EChartsOption } from 'echarts';
import type { NoisePreview } from '../../src-shared/stats/noisePreview';
import { histogramDensity } from './histogramOption';
import { axisStyle, baseOption, colorAt, type ChartStyle } from './style';

const grid = { left: 64, right: 20, top: 36, bottom: 48 };

/** The bulk of the centred noise as a density (the share beyond the 0.5%/99.5% quantiles is in the caption). */
export function noiseHistogramOption(preview: NoisePreview, style: ChartStyle): EChartsOption {
  return {
    ...baseOption(style),
    grid,
    xAxis: { ...axisStyle(style), type: 'value', name: 'z − m', nameGap: 28, scale: true },
    yAxis: { ...axisStyle(style), type: 'value', name: 'density', nameGap: 44 },
    series: [{ type: 'line', step: 'middle', name: 'samples', data: histogramDensity(preview.histogram), showSymbol: false, areaStyle: { opacity: 0.25 }, color: colorAt(style, 0) }],
  };
}

/** Hill's α̂_k against k with a ±2 SE band, the GPD's α̂ as a reference line. */
export function hillOption(preview: NoisePreview, style: ChartStyle): EChartsOption {
  const pts = preview.hill;
  return {
    ...baseOption(style),
    grid,
    xAxis: { ...axisStyle(style), type: 'log', name: 'k (top order statistics)', nameGap: 28 },
    yAxis: { ...axisStyle(style), type: 'value', name: 'α̂', nameGap: 40, scale: true },
    series: [
      { type: 'line', name: 'Hill α̂_k', data: pts.map((p) => [p.k, p.alpha]), showSymbol: false, color: colorAt(style, 0) },
      { type: 'line', name: '−2 SE', data: pts.map((p) => [p.k, p.alpha - 2 * p.standardError]), showSymbol: false, lineStyle: { type: 'dotted' }, color: colorAt(style, 0) },
      { type: 'line', name: '+2 SE', data: pts.map((p) => [p.k, p.alpha + 2 * p.standardError]), showSymbol: false, lineStyle: { type: 'dotted' }, color: colorAt(style, 0) },
      ...(Number.isFinite(preview.gpd.alpha)
        ? [{ type: 'line' as const, name: 'GPD α̂', data: [[pts[0]?.k ?? 1, preview.gpd.alpha], [pts[pts.length - 1]?.k ?? 1, preview.gpd.alpha]], showSymbol: false, lineStyle: { type: 'dashed' as const }, color: colorAt(style, 1) }]
        : []),
    ],
  };
}

/** The data's P(|Z| ≥ x) against the fitted spliced tail, log-log: a straight line of slope −α. */
export function survivalOption(preview: NoisePreview, style: ChartStyle): EChartsOption {
  return {
    ...baseOption(style),
    grid,
    xAxis: { ...axisStyle(style), type: 'log', name: '|z|', nameGap: 28 },
    yAxis: { ...axisStyle(style), type: 'log', name: 'P(|Z| ≥ x)', nameGap: 44 },
    series: [
      { type: 'scatter', name: 'samples', data: preview.survival.data.map((p) => [p.x, p.survival]), symbolSize: 4, color: colorAt(style, 0) },
      { type: 'line', name: 'fitted tail', data: preview.survival.fitted.map((p) => [p.x, p.survival]), showSymbol: false, color: colorAt(style, 1) },
    ],
  };
}
