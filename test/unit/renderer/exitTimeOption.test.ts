import { describe, expect, it } from 'vitest';
import type { ExitTimePoint, LogLogFit } from '../../../src-shared/model';
import { exitTimeOption, exitTimeSeriesId } from '../../../src-renderer/charts/exitTimeOption';
import { lightStyle } from '../../../src-renderer/charts/style';

const point = (eta: number, mean: number, censored = 0): ExitTimePoint => ({
  eta, samples: 10, censored, mean, stderr: mean / 10, exitTimes: [], exitTo: { 1: 10 - censored },
});

type Series = { id: string; type: string; data: unknown[] };
const seriesOf = (option: ReturnType<typeof exitTimeOption>) => option.series as unknown as Series[];

describe('the log–log exit-time option', () => {
  // Means exactly on σ = 3 (1/η)^1.4, and the fit the service stores for them (natural logs:
  // ln σ = ln 3 + 1.4 ln(1/η)); the chart must draw that line through the points.
  const points = [0.1, 0.01, 0.001].map((eta) => point(eta, 3 * (1 / eta) ** 1.4));
  const fit: LogLogFit = { slope: 1.4, slopeStderr: 0, intercept: Math.log(3), r2: 1, points: 3 };

  it('draws the stored fit, spanning the measured 1/η', () => {
    const option = exitTimeOption([{ label: 'b=0.5', points, fit, exponent: 1.4 }], lightStyle);
    const line = seriesOf(option).find((s) => s.id === exitTimeSeriesId(0, 'fit'))!;
    const [[x0, y0], [x1, y1]] = line.data as [number, number][];
    expect(x0).toBeCloseTo(10, 8);
    expect(x1).toBeCloseTo(1000, 6);
    expect(y0).toBeCloseTo(3 * 10 ** 1.4, 6);
    expect(y1).toBeCloseTo(3 * 1000 ** 1.4, 3);
    const legend = option.legend as { formatter: (n: string) => string };
    expect(legend.formatter('b=0.5')).toBe('b=0.5  (slope 1.40, β 1.40)');
  });

  it('draws the predicted exponent through the fit’s centroid with slope β', () => {
    const option = exitTimeOption([{ label: 'a', points, fit, exponent: 1.2 }], lightStyle);
    const beta = seriesOf(option).find((s) => s.id === exitTimeSeriesId(0, 'beta'))!;
    const [[x0, y0], [x1, y1]] = beta.data as [number, number][];
    expect(Math.log10(y1 / y0) / Math.log10(x1 / x0)).toBeCloseTo(1.2, 10);
    // Centroid of the fitted points: log10(1/η) = 2, log10 σ = log10 3 + 1.4 · 2.
    const at = (x: number) => Math.log10(y0) + 1.2 * (x - Math.log10(x0));
    expect(at(2)).toBeCloseTo(Math.log10(3) + 2.8, 10);
  });

  it('marks censored means apart and leaves them out of the centroid', () => {
    const withCensored = [...points, point(0.0001, 5e5, 3)];
    const option = exitTimeOption([{ label: 'a', points: withCensored, fit, exponent: 1.2 }], lightStyle);
    const s = seriesOf(option);
    expect((s.find((x) => x.id === '0:censored')!.data as { value: number[] }[]).map((d) => d.value[0])).toEqual([10000]);
    expect(s.find((x) => x.id === '0:points')!.data).toHaveLength(3);
    const [[fx0, fy0]] = s.find((x) => x.id === '0:fit')!.data as [number, number][];
    expect(fy0).toBeCloseTo(3 * fx0 ** 1.4, 6);
    const [[bx0, by0]] = s.find((x) => x.id === '0:beta')!.data as [number, number][];
    expect(Math.log10(by0) + 1.2 * (2 - Math.log10(bx0))).toBeCloseTo(Math.log10(3) + 2.8, 10);
    const option2 = exitTimeOption([{ label: 'a', points: withCensored, fit, exponent: null }], lightStyle);
    expect(seriesOf(option2).some((x) => x.id === '0:beta')).toBe(false);
  });

  it('draws Theorem 1’s absolute prediction when given', () => {
    const option = exitTimeOption([{ label: 'a', points, fit, exponent: 1.4, predicted: [{ eta: 0.01, mean: 700 }, { eta: 0.1, mean: 70 }] }], lightStyle);
    const pred = seriesOf(option).find((x) => x.id === '0:predicted')!;
    expect(pred.data).toEqual([[10, 70], [100, 700]]);
  });

  it('draws no fit when the run has none (fewer than two usable η)', () => {
    const option = exitTimeOption([{ label: 'a', points: [point(0.1, 10)], fit: null, exponent: 1.4 }], lightStyle);
    expect(seriesOf(option).some((x) => x.id === '0:fit')).toBe(false);
  });
});

describe('user strings in chart HTML', () => {
  const markup = '<img src=x onerror="alert(1)">&\'';

  it('escapes an arm label in the exit-time tooltip', () => {
    const option = exitTimeOption([{ label: markup, points: [point(0.1, 50), point(0.01, 900)], fit: null, exponent: null }], lightStyle);
    const tooltip = option.tooltip as { formatter: (p: unknown) => string };
    const html = tooltip.formatter({ seriesName: markup, seriesId: exitTimeSeriesId(0, 'points'), data: { value: [10, 50], samples: 10 } });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;');
  });

  it('escapeHtml leaves plain text alone and is the one helper the builders use', async () => {
    const { escapeHtml } = await import('../../../src-renderer/charts/escapeHtml');
    expect(escapeHtml('b=0.5, η → 0')).toBe('b=0.5, η → 0');
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = `${__dirname}/../../../src-renderer/charts`;
    // Every builder whose tooltip formatter returns text must import the helper.
    for (const file of readdirSync(dir).filter((f) => f.endsWith('Option.ts'))) {
      const source = readFileSync(`${dir}/${file}`, 'utf8');
      if (/tooltip: \{[^}]*formatter: \(/s.test(source)) expect(source, file).toContain("from './escapeHtml'");
    }
  });
});
