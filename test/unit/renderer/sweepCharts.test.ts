import { describe, expect, it } from 'vitest';
import * as echarts from 'echarts';
import type { ExitTimeArmSummary, LongRunArmSummary } from '../../../src-shared/model';
import { exitTimeTheory } from '../../../src-shared/theory/report';
import { expandSweep, sweepCells, type SweepCellResult, type SweepConfig } from '../../../src-shared/sweep';
import { exponentInput, heatmapInput, shareCells } from '../../../src-renderer/charts/sweepChartData';
import { sweepExponentOption } from '../../../src-renderer/charts/sweepExponentOption';
import { categoryPosition, sweepHeatmapOption } from '../../../src-renderer/charts/sweepHeatmapOption';
import { sweepShareOption, SWEEP_LARGE_SHARE } from '../../../src-renderer/charts/sweepShareOption';
import { cellQuantity } from '../../../src-renderer/charts/sweepQuantities';
import { gridCells } from '../../../src-renderer/charts/sweepCells2d';
import { lightStyle } from '../../../src-renderer/charts/style';

const arm = { label: 'heavy', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.5 };
const exitBase = { kind: 'exit-time', landscape: { preset: 'paper' }, x0: -0.7, arms: [arm], etas: [0.03, 0.01], samples: 10 };
const longBase = { kind: 'long-run', landscape: { preset: 'paper' }, x0: 0.3, eta: 0.001, paths: 1, iterations: 100, arms: [arm] };

/** A finished exit-time arm whose means follow σ = 10·(1/η)^β exactly, with its fit. */
function exitArm(sweep: SweepConfig, cell: number, slope: number | null): ExitTimeArmSummary {
  const config = sweepCells(sweep)[cell].config;
  if (config.kind !== 'exit-time') throw new Error('exit-time cells only');
  return {
    label: 'heavy',
    clip: config.arms[0].clip,
    points: config.etas.map((eta) => ({ eta, samples: 10, censored: 0, mean: 10 * (1 / eta) ** (slope ?? 1), stderr: 1, exitTo: { 1: 10 } })),
    fit: slope === null ? null : { slope, slopeStderr: 0.05, intercept: Math.log(10), r2: 1, points: 2 },
    theory: exitTimeTheory(config)[0],
  };
}

function longArm(occupancy: number[]): LongRunArmSummary {
  const n = occupancy.length;
  return {
    label: 'heavy',
    clip: 0.5,
    iterations: occupancy.length ? 1000 : 0,
    occupancy,
    histogram: { edges: [], counts: [] },
    transitions: Array.from({ length: n }, () => Array(n).fill(0)),
    sojourns: [],
  };
}

/** Renders an option to SVG the way ECharts paints it (server-side, no browser). */
function paint(option: echarts.EChartsOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 700, height: 420 });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

describe('the one-axis exponent chart', () => {
  const sweep = expandSweep({ kind: 'sweep', base: exitBase, over: [{ field: 'clip', values: [null, 0.2, 0.3, 0.45, 0.7] }] });
  const cells: SweepCellResult<ExitTimeArmSummary>[] = sweepCells(sweep).map((c, k) => ({ values: c.values, arms: [exitArm(sweep, k, k === 2 ? null : 1.2 + 0.1 * k)] }));

  it('plots each numeric cell\'s slope ± stderr with its cell index, the staircase and the r_i/k lines', () => {
    const input = exponentInput(sweep, cells);
    const points = input.arms[0].points;
    // The unclipped cell has no place on a b axis; the cell without a fit has no slope.
    expect(points.map((p) => [p.x, p.cell, p.slope])).toEqual([[0.2, 1, 1.3], [0.3, 2, null], [0.45, 3, 1.5], [0.7, 4, expect.closeTo(1.6, 12)]]);
    expect(points[0].stderr).toBe(0.05);
    expect(points.map((p) => p.predicted)).toEqual([1.8, 1.6, 1.4, 1.2].map((b) => expect.closeTo(b, 12)));
    expect(input.arms[0].staircase.map((s) => s.lStar)).toEqual([4, 3, 2, 1]);
    expect(input.boundaries.filter((b) => b.emphasis).map((b) => b.label)).toEqual(['r₂/1', 'r₂/2', 'r₂/3']);
    expect(input.logAxis).toBe(false);

    const option = sweepExponentOption(input, lightStyle);
    const series = option.series as { id?: string; data: unknown[]; markLine?: { data: { xAxis: number }[] } }[];
    const measured = series.find((s) => s.id === '0:measured')!;
    expect(measured.data).toHaveLength(3);
    expect(measured.data[0]).toMatchObject({ value: [0.2, 1.3], cell: 1 });
    expect(series.find((s) => s.id === 'boundaries')!.markLine!.data.map((d) => d.xAxis)).toEqual(input.boundaries.map((b) => b.x));
    // Painted: three points, error bars and the dashed staircase end up in the picture.
    const svg = paint(option);
    const dots = svg.match(/ecmeta_series_index="0" ecmeta_data_index="\d+" ecmeta_ssr_type="chart"/g) ?? [];
    expect(dots).toHaveLength(3);
    expect(svg).toContain('stroke-dasharray="6,3"');
  });
});

describe('a boundary line on the exponent chart', () => {
  it('is drawn at its value, not at the value rounded to two decimals (ECharts\' markLine default)', () => {
    const input = {
      axisName: 'clip b',
      arms: [{ label: 'a', points: [{ x: 0.5, cell: 0, slope: 1.5, stderr: null, predicted: 1.6 }, { x: 0.8, cell: 1, slope: 1.3, stderr: null, predicted: 1.4 }], staircase: [] }],
      boundaries: [{ x: 0.6629, label: 'l*₁ 3→2', emphasis: true }],
      logAxis: false,
    };
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 700, height: 420 });
    chart.setOption(sweepExponentOption(input, lightStyle));
    const [at, rounded] = [0.6629, 0.66].map((x) => chart.convertToPixel({ xAxisIndex: 0 }, x) as number);
    const svg = chart.renderToSVGString();
    chart.dispose();
    expect(at - rounded).toBeGreaterThan(3);
    // Vertical segments "M x y1 L x y2": the boundary is one of them.
    const verticals = [...svg.matchAll(/d="M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)"/g)].filter((m) => m[1] === m[3]).map((m) => Number(m[1]));
    expect(verticals.some((x) => Math.abs(x - at) < 0.6)).toBe(true);
    expect(verticals.some((x) => Math.abs(x - rounded) < 0.6)).toBe(false);
  });
});

describe('the one-axis long-run share chart', () => {
  const sweep = expandSweep({ kind: 'sweep', base: longBase, over: [{ field: 'clip', values: [0.3, 0.5] }] });
  it('stacks each field\'s share per cell and marks the share in M^large of the cell\'s graph', () => {
    const cells = shareCells(sweep, [{ values: { clip: 0.3 }, arms: [longArm([0.1, 0.4, 0.2, 0.3])] }, { values: { clip: 0.5 }, arms: [longArm([])] }], 0);
    expect(cells[0].largeMinima).toEqual([2, 4]);
    const option = sweepShareOption('clip b', cells, lightStyle);
    const series = option.series as { name: string; stack?: string; data: { value: number | null; cell: number }[] }[];
    expect(series.filter((s) => s.stack === 'share').map((s) => s.data[0].value)).toEqual([0.1, 0.4, 0.2, 0.3]);
    const large = series.find((s) => s.name === SWEEP_LARGE_SHARE)!;
    expect(large.data[0].value).toBeCloseTo(0.7, 12);
    // A cell with nothing committed yet is drawn empty, not as zeros.
    expect(large.data[1].value).toBeNull();
    expect(series[0].data[1].value).toBeNull();
  });
});

describe('the two-axis heatmap', () => {
  it('places a boundary between the two cells it separates', () => {
    expect(categoryPosition([0.2, 0.3, 0.45, 0.7], 0.3)).toBe(1);
    const p = categoryPosition([0.2, 0.3, 0.45, 0.7], 0.32)!;
    expect(p).toBeGreaterThan(1);
    expect(p).toBeLessThan(2);
    expect(categoryPosition([1, 2, 3], 2.5)).toBeCloseTo(1.5, 12);
    expect(categoryPosition([1, 2, 3], 5)).toBeNull();
    expect(categoryPosition([null, 0.3, 0.6], 0.45)).toBeCloseTo(1.5, 12);
    // Log-spaced values interpolate in log: √(0.01·1) lies half way between 0.01 and 1.
    expect(categoryPosition([0.01, 1], 0.1)).toBeCloseTo(0.5, 12);
  });

  it('colours each cell by the chosen quantity, in grid order, with tooltips and boundaries', () => {
    const sweep = expandSweep({ kind: 'sweep', base: exitBase, over: [{ field: 'clip', values: [0.2, 0.3, 0.45, 0.7] }, { field: 'alpha', values: [1.2, 1.5] }] });
    const cells = sweepCells(sweep).map((c, k) => ({ values: c.values, arms: [exitArm(sweep, k, 1 + 0.1 * k)] }));
    const result = { kind: 'sweep' as const, baseKind: 'exit-time' as const, cells };
    const slope = heatmapInput(sweep, gridCells(result), { kind: 'slope' }, 0);
    expect(slope.values).toEqual(cells.map((_, k) => 1 + 0.1 * k));
    expect(slope.x.labels).toEqual(['0.2', '0.3', '0.45', '0.7']);
    expect(slope.y.labels).toEqual(['1.2', '1.5']);
    // The start field's steps b = r₂/k inside [0.2, 0.7]: 0.64, 0.32 and 0.213.
    expect(slope.boundaries.map((b) => b.label)).toEqual(['r₂/1', 'r₂/2', 'r₂/3']);
    expect(slope.boundaries[0].position).toBeGreaterThan(2);
    expect(slope.boundaries.every((b) => b.axis === 'x')).toBe(true);
    const diff = heatmapInput(sweep, gridCells(result), { kind: 'slopeMinusPredicted' }, 0);
    expect(diff.values[0]).toBeCloseTo(1 - (1.2 + 0.2 * 3), 12);
    expect(diff.diverging).toBe(true);
    const mean = heatmapInput(sweep, gridCells(result), { kind: 'meanExit', etaIndex: 1 }, 0);
    expect(mean.values[0]).toBeCloseTo(Math.log10(10 * 100 ** 1), 12);
    expect(mean.unit).toBe('log₁₀ iterations');

    const option = sweepHeatmapOption(slope, lightStyle);
    const [heat, ...lines] = option.series as { type: string; data: { value: unknown[]; cell: number }[] }[];
    expect(heat.type).toBe('heatmap');
    // Cell k of the grid sits at (x index, y index) = (⌊k/2⌋, k mod 2).
    expect(heat.data[3]).toEqual({ value: [1, 1, 1.3], cell: 3 });
    expect(lines).toHaveLength(3);
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter({ data: heat.data[3] })).toContain('clip b = 0.3<br>tail index α = 1.5');
    expect(formatter({ data: heat.data[3] })).toContain('20 samples, 0 censored');
    // Painted: one filled rectangle per cell, in colours of the scale.
    const svg = paint(option);
    const fills = new Set([...svg.matchAll(/<path d="M[^"]*Z" fill="(#[0-9a-f]{6}|rgb[^"]*)"/g)].map((m) => m[1]));
    expect(fills.size).toBeGreaterThanOrEqual(4);
  });

  it('puts the labels of boundaries that crowd one another at alternate ends of their lines', () => {
    const input = {
      x: { name: 'clip b', labels: ['0.3', '0.6', 'unclipped'] },
      y: { name: 'tail index α', labels: ['1.2', '1.5'] },
      values: [0, 0, 0, 0, 0, 0],
      unit: 'share',
      diverging: false,
      boundaries: [
        { axis: 'x' as const, position: 0.05, label: 'r₂/2' },
        { axis: 'x' as const, position: 0.02, label: 'r₃/2' },
        { axis: 'x' as const, position: 0.1, label: 'r₄/2' },
        { axis: 'x' as const, position: 1.5, label: 'r₂/1' },
      ],
    };
    const [, ...lines] = sweepHeatmapOption(input, lightStyle).series as { data: number[][] }[];
    // The label is drawn at a line's last point: y = 1.5 is the top edge (2 rows), −0.5 the bottom.
    const labelEnd = lines.map((l) => l.data[l.data.length - 1][1]);
    // In position order r₃/2 (0.02), r₂/2 (0.05), r₄/2 (0.1) alternate top, bottom, top; r₂/1 stands alone.
    expect(labelEnd).toEqual([-0.5, 1.5, 1.5, 1.5]);
  });

  it('gives long-run cells their occupancy and share in M^large, and nothing before the first chunk', () => {
    const sweep = expandSweep({ kind: 'sweep', base: longBase, over: [{ field: 'clip', values: [0.3, 0.5] }, { field: 'alpha', values: [1.2, 1.5] }] });
    const occupancy = [0.1, 0.4, 0.2, 0.3];
    const cells = sweepCells(sweep).map((c, k) => ({ values: c.values, arms: [longArm(k === 3 ? [] : occupancy)] }));
    const result = { kind: 'sweep' as const, baseKind: 'long-run' as const, cells };
    expect(heatmapInput(sweep, gridCells(result), { kind: 'occupancy', field: 2 }, 0).values).toEqual([0.4, 0.4, 0.4, null]);
    const large = heatmapInput(sweep, gridCells(result), { kind: 'largeShare' }, 0).values;
    expect(large[0]).toBeCloseTo(0.7, 12);
    expect(large[3]).toBeNull();
    expect(cellQuantity(cells[0], 0, { kind: 'slope' })).toBeNull();
  });
});
