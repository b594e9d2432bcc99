import { describe, expect, it } from 'vitest';
import { expandConfig, landscapePresets, minima, type ExitTimePoint } from '../../../src-shared/model';
import { potential, theoryReport } from '../../../src-shared/theory';
import { exitDestinationsOption } from '../../../src-renderer/charts/exitDestinationsOption';
import { landscapeOption, LABEL_ROOM } from '../../../src-renderer/charts/landscapeOption';
import { typicalGraphOption, transitionCountsOption, NODE_LABEL_ROOM } from '../../../src-renderer/charts/graphOption';
import { occupancyOption, legendRows } from '../../../src-renderer/charts/occupancyOption';
import { trajectoriesOption, trajectoryTooltip } from '../../../src-renderer/charts/trajectoriesOption';
import { sojournOption } from '../../../src-renderer/charts/sojournOption';
import { keyRows, wrap } from '../../../src-renderer/charts/exportImage';
import { lightStyle } from '../../../src-renderer/charts/style';

/** Layout faults a new user saw, each pinned by what the option builder now says. */
describe('chart layout', () => {
  it('exit destinations: seven η categories are short enough to sit side by side', () => {
    const points: ExitTimePoint[] = [0.1, 0.03, 0.01, 0.003, 0.001, 0.0003, 0.0001].map((eta) => ({
      eta, samples: 4, censored: 0, mean: 1, stderr: 0, exitTimes: [], exitTo: { 1: 3, 3: 1 },
    }));
    const x = exitDestinationsOption(points, { 1: 0.8, 3: 0.2 }, lightStyle).xAxis as { data: string[]; name: string };
    expect(x.name).toBe('η');
    // ≈ 7 px per character in a ≥ 480 px plot with 8 categories: ≤ 8 characters per line fits.
    for (const label of x.data) for (const line of label.split('\n')) expect(line.length, label).toBeLessThanOrEqual(8);
  });

  it('landscape: the f axis leaves room below every minimum for its label (three wells)', () => {
    const l = landscapePresets['three-wells'];
    const y = landscapeOption(l, lightStyle, 0).yAxis as { min: number; max: number };
    const f = potential(l);
    const lowest = Math.min(...minima(l).map(f));
    // The label "m_i" (≈ 16 px under its point) must stay inside a ≈ 190 px plot.
    expect((lowest - y.min) / (y.max - y.min)).toBeGreaterThanOrEqual(LABEL_ROOM - 1e-9);
    expect(LABEL_ROOM * 190).toBeGreaterThan(20);
  });

  it('transition graph: the class legend sits above the graph, with room below for "l* = …"', () => {
    const c = expandConfig({ kind: 'exit-time', landscape: { preset: 'paper' }, x0: -0.7, etas: [0.01], samples: 1,
      arms: [{ label: 'b', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.4 }] });
    const option = typicalGraphOption(theoryReport(c).arms[0], lightStyle);
    const legend = option.legend as { top?: number; bottom?: number };
    expect(legend.top).toBe(0);
    expect(legend.bottom).toBeUndefined();
    const series = (option.series as { top: number; bottom: number }[])[0];
    expect(series.top).toBeGreaterThanOrEqual(36); // below the one-row legend
    expect(series.bottom).toBeGreaterThanOrEqual(17 + 4 + 15 + 13); // half a large node, gap, two label lines
  });

  it('transition counts: a count has its own backdrop and the node names have room below', () => {
    const option = transitionCountsOption([[0, 133, 0], [120, 0, 5], [0, 133, 0]], lightStyle);
    const series = (option.series as { bottom: number; links: { label: { backgroundColor?: string } }[] }[])[0];
    expect(series.bottom).toBe(NODE_LABEL_ROOM);
    expect(series.links.every((l) => l.label.backgroundColor === lightStyle.background)).toBe(true);
  });

  it('occupancy: a wrapping legend shows all four arms and the plot moves down for it', () => {
    const arms = ['heavy, no clip', 'heavy, b=0.5', 'light, no clip', 'light, b=0.5'].map((label) => ({ label, occupancy: [0.1, 0.2, 0.3, 0.4] }));
    const option = occupancyOption(arms, lightStyle);
    expect((option.legend as { type: string }).type).toBe('plain');
    expect(legendRows(arms.map((a) => a.label))).toBe(2);
    expect((option.grid as { top: number }).top).toBe(28 + 2 * 20);
    expect(legendRows(['one'])).toBe(1);
  });

  it('trajectories: the tooltip names the iteration as a whole number', () => {
    const text = trajectoryTooltip([
      { seriesName: 'path 1', marker: '', value: [1_470_000, 0.123456] },
      { seriesName: 'path <2>', marker: '', value: [1_470_000, -0.5] },
    ]);
    expect(text).toBe('n = 1,470,000<br/>path 1: X = 0.123<br/>path &#60;2&#62;: X = -0.500');
    const option = trajectoriesOption(null, 10, { start: 0, end: 100 }, landscapePresets.paper, lightStyle);
    expect((option.tooltip as { formatter: unknown }).formatter).toBe(trajectoryTooltip);
  });

  it('sojourns: a chart with nothing to draw says why instead of showing bare axes', () => {
    const none = sojournOption([1, 2, 3, 4].map((minimum) => ({ minimum, count: 0, mean: null, stderr: null })), [undefined, undefined, undefined, undefined], lightStyle);
    expect((none.title as { text: string }).text).toMatch(/never moved from one minimum to another/);
    const some = sojournOption([{ minimum: 1, count: 2, mean: 10, stderr: 1 }], [undefined], lightStyle);
    expect(some.title).toBeUndefined();
  });

  it('exported images: the line key wraps into rows and the caption into lines', () => {
    const w = (s: string) => s.length * 7;
    const key = [
      { dash: 'solid' as const, label: 'least-squares fit' },
      { dash: 'dashed' as const, label: 'predicted slope β' },
      { dash: 'dotted' as const, label: 'Theorem 1: 1/(qᵢ λᵢ(η))' },
    ];
    expect(keyRows(key, 1000, w)).toEqual([key]);
    expect(keyRows(key, 300, w).map((r) => r.length)).toEqual([1, 1, 1]);
    expect(wrap('a b c d', 21, w)).toEqual(['a b', 'c d']);
    expect(wrap('', 100, w)).toEqual([]);
  });
});
