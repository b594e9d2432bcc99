import type { EChartsOption } from 'echarts';
import type { SojournStats } from '../../src-shared/model';
import { errorBarSeries } from './errorBars';
import { formatSci } from '../format';
import { axisStyle, baseOption, type ChartStyle } from './style';

/**
 * Per minimum m_i: the measured mean sojourn (±SE) next to Theorem 1's 1/(q_i λ_i(η)), on a log
 * scale because the predictions for different l*_i differ by orders of magnitude.
 */
export function sojournOption(sojourns: readonly SojournStats[], predicted: readonly (number | undefined)[], style: ChartStyle): EChartsOption {
  const cats = sojourns.map((s) => `m${s.minimum}`);
  const measured = sojourns.map((s) => (s.count > 0 && s.mean !== null && s.mean > 0 ? s.mean : null));
  const bars: [number, number, number][] = [];
  sojourns.forEach((s, k) => {
    const m = measured[k];
    if (m !== null && s.count > 1 && s.stderr !== null) bars.push([k, Math.max(m - s.stderr, m / 50), m + s.stderr]);
  });
  const base = baseOption(style);
  const hasPrediction = predicted.some((p) => p !== undefined && Number.isFinite(p) && p > 0);
  const empty = measured.every((m) => m === null) && !hasPrediction;
  return {
    ...base,
    ...(empty ? { title: { text: emptySojournsText(sojourns), left: 'center', top: 'middle', textStyle: { color: style.muted, fontSize: 13, fontWeight: 'normal' as const } } } : {}),
    grid: { left: 72, right: 16, top: 48, bottom: 40 },
    tooltip: { ...base.tooltip, trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : formatSci(Number(v))) },
    xAxis: { ...axisStyle(style), type: 'category', data: cats, name: 'minimum', nameGap: 26 },
    yAxis: { ...axisStyle(style), type: 'log', name: 'mean sojourn (iterations)', nameGap: 52, axisLabel: { ...axisStyle(style).axisLabel, formatter: (v: number) => formatSci(v) } },
    series: [
      { name: 'measured mean sojourn', type: 'scatter', symbolSize: 9, data: measured, itemStyle: { color: style.palette[0] } },
      errorBarSeries('±SE', bars, style.palette[0]),
      {
        name: '1/(qᵢ λᵢ(η))',
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 10,
        data: predicted.map((p) => (p !== undefined && Number.isFinite(p) && p > 0 ? p : null)),
        itemStyle: { color: 'transparent', borderColor: style.palette[1], borderWidth: 2 },
      },
    ],
  };
}

/** Why the sojourn chart has nothing to draw, instead of bare axes. */
export function emptySojournsText(sojourns: readonly SojournStats[]): string {
  const none = sojourns.every((s) => s.count === 0);
  return none
    ? 'No completed sojourns: the paths never moved from one minimum to another.\nNo prediction either (light-tailed noise or no limit constants).'
    : 'Nothing to compare with: no prediction (light-tailed noise or no limit constants).';
}

export interface MoveShare {
  from: number;
  to: number;
  count: number;
  /** count / all moves out of m_i. */
  share: number;
}

/** Measured share of moves i → j among all moves out of m_i (1-based indices). */
export function moveShares(transitions: readonly number[][]): MoveShare[] {
  const out: MoveShare[] = [];
  transitions.forEach((row, i) => {
    const total = row.reduce((s, n, j) => s + (j === i ? 0 : n), 0);
    row.forEach((count, j) => {
      if (j !== i && total > 0) out.push({ from: i + 1, to: j + 1, count, share: count / total });
    });
  });
  return out;
}
