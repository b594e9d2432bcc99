// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import type { ExitTimeArmSummary } from '../../../src-shared/model';
import { exitTimeTheory } from '../../../src-shared/theory/report';
import { expandSweep, sweepCells, type SweepInput } from '../../../src-shared/sweep';
import SweepDesigner from '../../../src-renderer/components/SweepDesigner.vue';
import SweepResults from '../../../src-renderer/components/SweepResults.vue';

/** The chart panel without a canvas (happy-dom has none), keeping its controls slot. */
const ChartPanel = defineComponent({
  name: 'ChartPanel',
  props: {
    title: { type: String, default: '' },
    option: { type: Object, default: () => ({}) },
    height: { type: String, default: '' },
    filename: { type: String, default: '' },
    caption: { type: String, default: '' },
    lineKey: { type: Array, default: () => [] },
  },
  emits: ['pick'],
  setup: (_, { slots }) => () => h('div', slots.actions?.()),
});

const base = {
  kind: 'exit-time',
  landscape: { preset: 'paper' },
  x0: -0.7,
  arms: [{ label: 'heavy', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.5 }],
  etas: [0.1, 0.01],
  samples: 10,
};
const speeds = { workers: 2, perWorker: [{ kind: 'exit-time' as const, family: 'pareto' as const, iterationsPerSecond: 5e7 }] };
const lastSweep = (w: ReturnType<typeof mount>) => (w.emitted('update:sweep')!.at(-1) as [SweepInput])[0];

describe('the sweep tab of the designer', () => {
  it('builds the sweep from the axis helpers, counts its cells and estimates its work', async () => {
    const w = mount(SweepDesigner, { props: { base, speeds } });
    expect(lastSweep(w).over).toEqual([{ field: 'clip', values: [0.3, 0.45, 0.7] }]);
    await w.get('#sweep-mode-0').setValue('log');
    await w.get('#sweep-from-0').setValue('0.25');
    await w.get('#sweep-to-0').setValue('1');
    await w.get('#sweep-n-0').setValue('3');
    expect(lastSweep(w).over[0].values).toEqual([0.25, 0.5, 1]);
    await w.get('button.ghost.small').trigger('click'); // add a second axis (α comes next)
    expect(lastSweep(w).over.map((a) => a.field)).toEqual(['clip', 'alpha']);
    expect(w.get('[data-testid="sweep-estimate"]').text()).toContain('9 cells');
    await new Promise((r) => setTimeout(r, 350));
    expect(w.get('[data-testid="sweep-estimate"]').text()).toMatch(/≈ \S+ iterations\s+· about .* on this machine/);
    await w.get('.actions button.primary').trigger('click');
    expect(w.emitted('start')).toHaveLength(1);
  });

  it('names an invalid value by its path and will not start', async () => {
    const w = mount(SweepDesigner, { props: { base, speeds: null } });
    await w.get('#sweep-list-0').setValue('0.3, -1');
    expect(w.get('#sweep-axis-0-err').text()).toContain('over[0].values[1]');
    expect(w.get('.actions button.primary').attributes('disabled')).toBeDefined();
    await w.get('#sweep-field-0').setValue('eta');
    await w.get('#sweep-list-0').setValue('0.01');
    expect(w.get('#sweep-axis-0-err').text()).toContain('only for a long-run base');
  });
});

describe('the sweep result view', () => {
  const sweep = expandSweep({ kind: 'sweep', base, over: [{ field: 'clip', values: [0.3, 0.45, 0.7] }] });
  const cells = sweepCells(sweep).map((c, k) => {
    if (c.config.kind !== 'exit-time') throw new Error('exit-time cells');
    const arm: ExitTimeArmSummary = {
      label: 'heavy',
      clip: c.config.arms[0].clip,
      points: c.config.etas.map((eta) => ({ eta, samples: 10, censored: 0, mean: 100 / eta, stderr: 5, exitTo: {} })),
      fit: { slope: 1.6 - 0.2 * k, slopeStderr: 0.04, intercept: 0, r2: 1, points: 2 },
      theory: exitTimeTheory(c.config)[0],
    };
    return { values: c.values, arms: [arm] };
  });
  const result = { kind: 'sweep' as const, baseKind: 'exit-time' as const, cells };

  it('draws one axis as the exponent chart, lists the cells and opens one on a click', async () => {
    const w = mount(SweepResults, { props: { config: sweep, result }, global: { stubs: { ChartPanel } } });
    const panel = w.findComponent(ChartPanel);
    const series = (panel.props('option') as { series: { id?: string; data: unknown[] }[] }).series;
    expect(series.find((s) => s.id === '0:measured')!.data).toHaveLength(3);
    const rows = w.findAll('[data-testid="sweep-cells"] tbody tr');
    expect(rows.map((r) => r.findAll('td')[1].text())).toEqual(['clip = 0.3', 'clip = 0.45', 'clip = 0.7']);
    expect(rows[0].text()).toContain('slope 1.600 ± 0.040 · β 1.600 (l* = 3) · 20 samples');
    await rows[2].get('button').trigger('click');
    panel.vm.$emit('pick', { value: [0.45, 1.4], cell: 1 });
    await flushPromises();
    expect(w.emitted('openCell')).toEqual([[2], [1]]);
  });

  it('draws two axes as a heatmap of the chosen quantity', async () => {
    const two = expandSweep({ kind: 'sweep', base, over: [{ field: 'clip', values: [0.3, 0.7] }, { field: 'alpha', values: [1.2, 1.5] }] });
    const twoCells = sweepCells(two).map((c, k) => ({ values: c.values, arms: [{ ...cells[0].arms[0], fit: { ...cells[0].arms[0].fit!, slope: 1 + k } }] }));
    const w = mount(SweepResults, { props: { config: two, result: { ...result, cells: twoCells } }, global: { stubs: { ChartPanel } } });
    const heat = () => (w.findComponent(ChartPanel).props('option') as { series: { type: string; data: { value: unknown[] }[] }[] }).series[0];
    expect(heat().type).toBe('heatmap');
    expect(heat().data.map((d) => d.value[2])).toEqual([1, 2, 3, 4]);
    await w.get('#sweep-quantity').setValue('meanExit');
    await w.get('#sweep-eta').setValue('1');
    expect(heat().data[0].value[2]).toBeCloseTo(Math.log10(100 / 0.01), 12);
  });
});
