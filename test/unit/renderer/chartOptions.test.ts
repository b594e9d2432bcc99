import { describe, expect, it } from 'vitest';
import { landscapePresets, type ExitTimePoint } from '../../../src-shared/model';
import { exitDestinationsOption, exitShares } from '../../../src-renderer/charts/exitDestinationsOption';
import { survivalPoints } from '../../../src-renderer/charts/exitDistributionOption';
import { histogramDensity } from '../../../src-renderer/charts/histogramOption';
import { moveShares } from '../../../src-renderer/charts/sojournOption';
import { typicalGraphOption, transitionCountsOption } from '../../../src-renderer/charts/graphOption';
import { landscapeOption } from '../../../src-renderer/charts/landscapeOption';
import { lightStyle } from '../../../src-renderer/charts/style';
import { theoryReport } from '../../../src-shared/theory';
import { expandConfig } from '../../../src-shared/model';

describe('chart option builders', () => {
  it('turns exit counts into shares and adds the q_ij/q_i column', () => {
    const p: ExitTimePoint = { eta: 0.1, samples: 10, censored: 2, mean: 5, stderr: 1, exitTimes: [], exitTo: { 1: 6, 3: 2 } };
    expect(exitShares(p)).toEqual({ 1: 0.75, 3: 0.25 });
    const option = exitDestinationsOption([p], { 1: 0.6, 3: 0.4 }, lightStyle);
    const x = option.xAxis as { data: string[] };
    expect(x.data).toEqual(['0.1', 'η → 0\nqᵢⱼ/qᵢ']);
    const series = option.series as { name: string; data: (number | { value: number })[] }[];
    expect(series.map((s) => s.name)).toEqual(['to Ω1', 'to Ω3']);
    expect(series[0].data[0]).toBe(0.75);
    expect((series[0].data[1] as { value: number }).value).toBe(0.6);
  });

  it('computes the empirical survival, stopping at the censoring time', () => {
    expect(survivalPoints([3, 1, 2, 10], 10)).toEqual([[0, 1], [1, 0.75], [2, 0.5], [3, 0.25]]);
    expect(survivalPoints([1, 1, 2], 100)).toEqual([[0, 1], [1, 1 / 3]]);
  });

  it('normalises a histogram to a density that integrates to one', () => {
    const d = histogramDensity({ edges: [-1, 0, 0.5, 1], counts: [2, 1, 1] });
    expect(d.map((p) => p[0])).toEqual([-0.5, 0.25, 0.75]);
    const integral = d[0][1] * 1 + d[1][1] * 0.5 + d[2][1] * 0.5;
    expect(integral).toBeCloseTo(1, 12);
  });

  it('computes move shares per starting minimum, ignoring the diagonal', () => {
    const shares = moveShares([[0, 3, 1], [2, 0, 0], [0, 0, 0]]);
    expect(shares.filter((m) => m.from === 1).map((m) => [m.to, m.share])).toEqual([[2, 0.75], [3, 0.25]]);
    expect(shares.filter((m) => m.from === 2).map((m) => [m.to, m.share])).toEqual([[1, 1], [3, 0]]);
    expect(shares.some((m) => m.from === 3)).toBe(false);
  });

  it('draws the typical transition graph with classes named absorbing or transient', () => {
    // Figure 3, b = 0.4: {m1, m2} absorbing, {m3} transient (the paper's example).
    const config = expandConfig({
      kind: 'long-run', landscape: { preset: 'three-wells' }, x0: 0, eta: 0.01, paths: 1, iterations: 10,
      arms: [{ label: 'b=0.4', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.4 }],
    });
    const arm = theoryReport(config).arms[0];
    const option = typicalGraphOption(arm, lightStyle);
    const series = (option.series as { categories: { name: string }[]; links: { source: string; target: string }[] }[])[0];
    expect(series.categories.map((c) => c.name).sort()).toEqual(['{m1, m2} absorbing', '{m3} transient']);
    expect(series.links.length).toBe(arm.edges.length);
  });

  it('labels each measured move with its count', () => {
    const option = transitionCountsOption([[0, 5], [2, 0]], lightStyle);
    const links = (option.series as { links: { source: string; target: string; value: number }[] }[])[0].links;
    expect(links.map((l) => [l.source, l.target, l.value])).toEqual([['1', '2', 5], ['2', '1', 2]]);
  });

  it('marks every minimum and saddle of the landscape', () => {
    const option = landscapeOption(landscapePresets.paper, lightStyle);
    const series = option.series as { name: string; data: { name: string; value: number[] }[] }[];
    expect(series.find((s) => s.name === 'minima')!.data.map((d) => d.name)).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(series.find((s) => s.name === 'saddles')!.data.map((d) => d.value[0])).toEqual([-1.3, 0.2, 0.7]);
    // f has its lowest minimum at 0 (the shared potential's convention).
    expect(Math.min(...series.find((s) => s.name === 'minima')!.data.map((d) => d.value[1]))).toBeCloseTo(0, 12);
  });
});

describe('the landscape option', () => {
  it('marks the start x0 when given', () => {
    const option = landscapeOption(landscapePresets.paper, lightStyle, -0.7);
    const f = (option.series as { name: string; markLine?: { data: { xAxis: number }[] } }[]).find((s) => s.name === 'f')!;
    expect(f.markLine!.data).toEqual([{ xAxis: -0.7 }]);
  });
});

describe('shared histogram axes', () => {
  it('end on a round density', async () => {
    const { niceCeil } = await import('../../../src-renderer/charts/histogramOption');
    expect([0.7, 1, 2.3, 27, 51].map(niceCeil)).toEqual([1, 1, 5, 50, 100]);
  });
});
