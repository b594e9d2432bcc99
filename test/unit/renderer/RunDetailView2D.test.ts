// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { LabApi, LabEventSource } from '../../../src-shared/api';
import { expandConfig } from '../../../src-shared/model';

/** The run page of a stored 2-D run asks the lab for the R^d theory of the run's own config. */
const fake = vi.hoisted(() => ({ lab: {} as Record<string, unknown> }));
vi.mock('../../../src-renderer/api/lab', () => ({ lab: fake.lab }));

import RunDetailView from '../../../src-renderer/views/RunDetailView.vue';

const config = expandConfig({
  kind: 'long-run',
  name: 'stored 2-D',
  landscape: { dimension: 2, preset: 'muller-brown' },
  x0: [0, 0],
  arms: [{ label: 'axes', noise: { family: 'pareto', alpha: 1.5, scale: 0.1, direction: 'axes' }, clip: null }],
  eta: 0.01,
  paths: 2,
  iterations: 1000,
});

describe('the run page of a 2-D run', () => {
  it('shows the lab’s R^d theory panel for the stored config, not the real-line one', async () => {
    setActivePinia(createPinia());
    const theory = vi.fn(async () => ({
      dimension: 2,
      fields: [{ index: 1, minimum: [-1.1, 1.4], f: -1.4, eigenvalues: [2, 9] }, { index: 2, minimum: [0.5, 0.1], f: -1, eigenvalues: [3, 40] }],
      saddles: [{ x: 0, y: 0.5, f: -0.7 }],
      basinMap: { nodes: 257, spacing: 0.015625 },
      arms: [{
        label: 'axes', clip: null, direction: 'axes', applicable: true,
        fields: [{ index: 1, radius: 0.79, lStar: 1, jumpsByRadius: null, exponent: 1.5, large: true }, { index: 2, radius: 0.42, lStar: 1, jumpsByRadius: null, exponent: 1.5, large: true }],
        edges: [[1, 2], [2, 1]], classes: [{ members: [1, 2], absorbing: true, largeMinima: [1, 2] }], irreducible: true, symmetric: true, largeMinima: [1, 2],
        assumptions: { ok: true, messages: [] }, note: 'no q in 2-D',
      }],
    }) as never);
    const api: Partial<LabApi> & LabEventSource = {
      getRunDetail: async () => ({ id: 3, name: 'stored 2-D', kind: 'long-run-2d', status: 'queued', config, tags: [], notes: '', createdAt: '2026-11-30T00:00:00Z', result: null, progress: null }) as never,
      listRuns: async () => ({ runs: [], total: 0 }),
      theory,
      on: () => () => undefined,
    };
    Object.assign(fake.lab, api);
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/runs/:id', component: RunDetailView, props: true }] });
    await router.push('/runs/3');
    const w = mount(RunDetailView, { props: { id: '3' }, global: { plugins: [router], stubs: { ChartPanel: true } } });
    await flushPromises();
    await new Promise((r) => setTimeout(r, 20));
    await flushPromises();
    expect(theory).toHaveBeenCalledOnce();
    expect(theory).toHaveBeenCalledWith(config);
    const panel = w.get('[data-testid="theory-2d"]');
    expect(panel.text()).toContain("beyond the paper's R¹ theorems");
    expect(panel.findAll('[data-testid="lstar"]').map((c) => c.text())).toEqual(['1L', '1L']);
    expect(panel.get('[data-testid="no-q-note"]').text()).toBe('no q in 2-D');
    w.unmount();
  });
});
