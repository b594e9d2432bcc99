import type { EChartsOption, SeriesOption } from 'echarts';
import type { ExitTimePointSummary as ExitTimePoint, LogLogFit } from '../../src-shared/model';
import { errorBarSeries } from './errorBars';
import { formatSci } from '../format';
import { axisStyle, baseOption, colorAt, type ChartStyle } from './style';
import { escapeHtml } from './escapeHtml';

/** One curve of Figure 4: an arm (of one run) with its measurements and the theory's predictions. */
export interface ExitTimeCurve {
  label: string;
  points: ExitTimePoint[];
  /** The run's least-squares fit of ln mean σ on ln(1/η) (uncensored points), as the service stored it. */
  fit: LogLogFit | null;
  /** Predicted exponent β_i of Ω_i(x0); null when Theorem 1 does not apply. */
  exponent: number | null;
  /** Theorem 1's absolute prediction 1/(q_i λ_i(η)) per η, when the limit constants are known. */
  predicted?: { eta: number; mean: number }[];
}

/** What a series of the log–log chart shows; encoded in its id as `${curve}:${role}`. */
export type ExitTimeSeriesRole = 'points' | 'censored' | 'se' | 'fit' | 'beta' | 'predicted';

export function exitTimeSeriesId(curve: number, role: ExitTimeSeriesRole): string {
  return `${curve}:${role}`;
}

/**
 * Figure 4: mean first exit time against 1/η on log–log axes, per arm: means with ±1 SE bars,
 * censored means (lower bounds) as open triangles, the least-squares line with its slope, the
 * predicted exponent β as a dashed line through the same centroid, and the absolute prediction.
 * Every series of an arm carries the arm's name, so one legend entry toggles the whole arm.
 */
export function exitTimeOption(curves: readonly ExitTimeCurve[], style: ChartStyle): EChartsOption {
  const series: SeriesOption[] = [];
  const legendNote = new Map<string, string>();
  curves.forEach((curve, k) => {
    const color = colorAt(style, k);
    const name = curve.label;
    const id = (role: ExitTimeSeriesRole) => exitTimeSeriesId(k, role);
    const pts = curve.points.filter((p) => p.samples > 0 && p.mean > 0);
    const exact = pts.filter((p) => p.censored === 0);
    const censored = pts.filter((p) => p.censored > 0);
    series.push({
      id: id('points'),
      name,
      type: 'scatter',
      symbolSize: 8,
      itemStyle: { color },
      z: 3,
      data: exact.map((p) => ({ value: [1 / p.eta, p.mean], samples: p.samples, stderr: p.stderr })),
    });
    if (censored.length) {
      series.push({
        id: id('censored'),
        name,
        type: 'scatter',
        symbol: 'triangle',
        symbolSize: 10,
        itemStyle: { color: 'transparent', borderColor: color, borderWidth: 1.5 },
        z: 3,
        data: censored.map((p) => ({ value: [1 / p.eta, p.mean], censored: p.censored, samples: p.samples })),
      });
    }
    series.push({
      ...errorBarSeries(name, pts.map((p) => [1 / p.eta, Math.max(p.mean - p.stderr, p.mean / 50), p.mean + p.stderr]), color),
      id: id('se'),
    });
    const fit = curve.fit;
    const xs = pts.map((p) => Math.log10(1 / p.eta));
    const notes: string[] = [];
    if (fit && exact.length) {
      const x0 = Math.min(...xs);
      const x1 = Math.max(...xs);
      // The fit is in natural logs; in log10 it passes through the centroid (cx, cy) of the points it used.
      const cx = exact.reduce((t, p) => t + Math.log10(1 / p.eta), 0) / exact.length;
      const cy = fit.intercept / Math.LN10 + fit.slope * cx;
      const line = (slope: number) => [x0, x1].map((x) => [10 ** x, 10 ** (cy + slope * (x - cx))]);
      notes.push(`slope ${fit.slope.toFixed(2)}`);
      series.push({ id: id('fit'), name, type: 'line', data: line(fit.slope), showSymbol: false, lineStyle: { color, width: 1.5 }, itemStyle: { color } });
      if (curve.exponent !== null) {
        series.push({
          id: id('beta'),
          name,
          type: 'line',
          data: line(curve.exponent),
          showSymbol: false,
          lineStyle: { color, width: 1.2, type: 'dashed', opacity: 0.8 },
          itemStyle: { color },
        });
      }
    }
    if (curve.exponent !== null) notes.push(`β ${curve.exponent.toFixed(2)}`);
    const predicted = (curve.predicted ?? []).filter((p) => Number.isFinite(p.mean) && p.mean > 0);
    if (predicted.length) {
      series.push({
        id: id('predicted'),
        name,
        type: 'line',
        data: [...predicted].sort((a, b) => b.eta - a.eta).map((p) => [1 / p.eta, p.mean]),
        symbol: 'diamond',
        symbolSize: 7,
        lineStyle: { color, width: 1.2, type: 'dotted' },
        itemStyle: { color },
      });
    }
    legendNote.set(name, notes.join(', '));
  });
  const base = baseOption(style);
  const roleOf = (seriesId: string) => seriesId.split(':')[1] as ExitTimeSeriesRole;
  const roleText: Record<ExitTimeSeriesRole, string> = {
    points: 'mean ± SE',
    censored: 'mean with censored samples (lower bound)',
    se: '±SE',
    fit: 'least-squares fit',
    beta: 'predicted slope β',
    predicted: 'Theorem 1: 1/(qᵢ λᵢ(η))',
  };
  return {
    ...base,
    legend: {
      ...base.legend,
      type: 'plain',
      data: curves.map((c) => c.label),
      formatter: (name: string) => (legendNote.get(name) ? `${name}  (${legendNote.get(name)})` : name),
    },
    grid: { left: 72, right: 24, top: 24 + 22 * Math.ceil(curves.length / 2), bottom: 52 },
    tooltip: {
      ...base.tooltip,
      trigger: 'item',
      formatter: (p: unknown) => {
        const { seriesName, seriesId, data } = p as { seriesName: string; seriesId: string; data: { value?: number[]; samples?: number; stderr?: number; censored?: number } | number[] };
        const v = Array.isArray(data) ? data : (data.value ?? []);
        const extra = Array.isArray(data) ? '' : `${data.samples !== undefined ? `<br>samples ${data.samples}` : ''}${data.stderr !== undefined ? `<br>SE ${formatSci(data.stderr)}` : ''}${data.censored ? `<br>${data.censored} censored: a lower bound` : ''}`;
        return `${escapeHtml(seriesName)} — ${roleText[roleOf(seriesId)] ?? ''}<br>η = ${formatSci(1 / v[0])}<br>σ = ${formatSci(v[1])}${extra}`;
      },
    },
    xAxis: { ...axisStyle(style), type: 'log', name: '1/η', nameGap: 28, axisLabel: { ...axisStyle(style).axisLabel, formatter: (v: number) => formatSci(v) } },
    yAxis: {
      ...axisStyle(style),
      type: 'log',
      name: 'mean first exit time σ (iterations)',
      nameGap: 52,
      axisLabel: { ...axisStyle(style).axisLabel, formatter: (v: number) => formatSci(v) },
    },
    series,
  };
}
