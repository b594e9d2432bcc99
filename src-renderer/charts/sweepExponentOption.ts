import type { EChartsOption, SeriesOption } from 'echarts';
import type { StaircaseStep } from '../../src-shared/sweep';
import { errorBarSeries } from './errorBars';
import { escapeHtml } from './escapeHtml';
import { formatSci } from '../format';
import { axisStyle, baseOption, colorAt, type ChartStyle, MARK_LINE_PRECISION } from './style';

/** One arm across a one-axis sweep: per cell, the fitted exponent and the predicted one. */
export interface SweepExponentArm {
  label: string;
  points: { x: number; cell: number; slope: number | null; stderr: number | null; predicted: number | null }[];
  /** The predicted β against the axis as flat steps (a clip axis); empty: join `predicted` per cell. */
  staircase: StaircaseStep[];
}

/** A vertical line where the theory's l* changes (b = r_i/k). */
export interface SweepBoundaryLine {
  x: number;
  label: string;
  /** The field the exit-time run measures: drawn solid, the others dashed and quiet. */
  emphasis: boolean;
}

export interface SweepExponentInput {
  axisName: string;
  arms: SweepExponentArm[];
  boundaries: SweepBoundaryLine[];
  /** Log axis for values spanning a decade or more. */
  logAxis: boolean;
}

export const SWEEP_MEASURED = 'measured';

/**
 * The b staircase: each cell's fitted exponent (±1 standard error of the slope) against the axis,
 * the predicted exponent as steps, and the boundaries b = r_i/k as vertical lines. A measured
 * point carries its cell index (`data.cell`) so a click can open the cell.
 */
export function sweepExponentOption(input: SweepExponentInput, style: ChartStyle): EChartsOption {
  const base = baseOption(style);
  const series: SeriesOption[] = [];
  input.arms.forEach((arm, k) => {
    const color = colorAt(style, k);
    const measured = arm.points.filter((p) => p.slope !== null);
    series.push({
      id: `${k}:${SWEEP_MEASURED}`,
      name: arm.label,
      type: 'scatter',
      symbolSize: 9,
      z: 3,
      itemStyle: { color },
      data: measured.map((p) => ({ value: [p.x, p.slope as number], cell: p.cell, stderr: p.stderr })),
    });
    const bars = measured
      .filter((p) => p.stderr !== null && p.stderr > 0)
      .map((p): [number, number, number] => [p.x, (p.slope as number) - (p.stderr as number), (p.slope as number) + (p.stderr as number)]);
    if (bars.length) series.push({ ...errorBarSeries(arm.label, bars, color), id: `${k}:se` });
    const predicted = arm.staircase.length
      ? arm.staircase.flatMap((s) => [[s.from, s.exponent], [s.to, s.exponent]])
      : arm.points.filter((p) => p.predicted !== null).map((p) => [p.x, p.predicted as number]);
    if (predicted.length) {
      series.push({
        id: `${k}:predicted`,
        name: arm.label,
        type: 'line',
        // Steps are drawn as their own corner points; `step` would smear a lone cell's value.
        showSymbol: false,
        lineStyle: { color, type: 'dashed', width: 1.5 },
        itemStyle: { color },
        z: 2,
        silent: true,
        data: predicted,
      });
    }
  });
  if (input.boundaries.length) {
    series.push({
      id: 'boundaries',
      name: 'b = rᵢ/k',
      type: 'line',
      data: [],
      silent: true,
      markLine: {
        precision: MARK_LINE_PRECISION,
        symbol: 'none',
        silent: true,
        animation: false,
        data: input.boundaries.map((b) => ({
          xAxis: b.x,
          label: { formatter: b.label, color: b.emphasis ? style.text : style.muted, fontSize: 10, rotate: 90, position: 'insideEndTop' as const },
          lineStyle: { color: b.emphasis ? style.text : style.axis, type: b.emphasis ? 'solid' : 'dotted', width: b.emphasis ? 1.2 : 1 },
        })),
      },
    });
  }
  const xs = input.arms.flatMap((a) => a.points.map((p) => p.x));
  const [lo, hi] = xs.length ? [Math.min(...xs), Math.max(...xs)] : [undefined, undefined];
  // A little room so the end cells' points and bars are not cut by the frame.
  const pad = (v: number | undefined, toward: -1 | 1) =>
    v === undefined || lo === undefined || hi === undefined ? undefined : input.logAxis ? v * (hi / lo) ** (0.04 * toward) : v + 0.04 * (hi - lo || Math.abs(v)) * toward;
  return {
    ...base,
    legend: { ...base.legend, data: input.arms.map((a) => a.label) },
    grid: { left: 60, right: 24, top: 40, bottom: 48 },
    tooltip: {
      ...base.tooltip,
      trigger: 'item',
      formatter: (p: unknown) => {
        const item = p as { seriesName: string; data?: { value: [number, number]; stderr?: number | null } };
        if (!item.data?.value) return '';
        const [x, slope] = item.data.value;
        const se = item.data.stderr ? ` ± ${formatSci(item.data.stderr)}` : '';
        return `${escapeHtml(item.seriesName)}<br>${escapeHtml(input.axisName)} = ${formatSci(x)}<br>fitted exponent ${formatSci(slope)}${se}<br>click to open the cell`;
      },
    },
    xAxis: {
      ...axisStyle(style),
      type: input.logAxis ? 'log' : 'value',
      name: input.axisName,
      nameGap: 28,
      scale: true,
      min: pad(lo, -1),
      max: pad(hi, 1),
      // The padded ends are not values of the sweep: no tick label there.
      axisLabel: { ...axisStyle(style).axisLabel, showMinLabel: false, showMaxLabel: false },
    },
    yAxis: { ...axisStyle(style), type: 'value', scale: true, name: 'exponent β (mean σ ∝ (1/η)^β)', nameGap: 40 },
    series,
  };
}
