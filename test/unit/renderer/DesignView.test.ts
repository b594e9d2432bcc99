// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { LabError, type LabApi, type LabEventSource } from '../../../src-shared/api';

/** The designer against a fake LabApi: validation is local; service errors land at their field. */
const fake = vi.hoisted(() => ({ lab: {} as Record<string, unknown> }));
vi.mock('../../../src-renderer/api/lab', () => ({ lab: fake.lab }));

import DesignView from '../../../src-renderer/views/DesignView.vue';
import { useDesignerStore } from '../../../src-renderer/stores/designer';

function setup(overrides: Partial<LabApi> = {}) {
  const api: Partial<LabApi> & LabEventSource = {
    presets: async () => [],
    listRuns: async () => ({ runs: [], total: 0 }),
    kernelSpeeds: async () => ({
      workers: 2,
      perWorker: (['exit-time', 'long-run'] as const).flatMap((kind) => (['pareto', 'gaussian'] as const).map((family) => ({ kind, family, iterationsPerSecond: 5e7 }))),
    }),
    startRun: vi.fn(async () => ({ id: 7 }) as never),
    on: () => () => undefined,
    ...overrides,
  };
  Object.assign(fake.lab, api);
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/design', component: DesignView }, { path: '/runs/:id', component: { template: '<p/>' } }] });
  return { api, router };
}

async function mountDesign(router: ReturnType<typeof createRouter>) {
  await router.push('/design');
  const w = mount(DesignView, { global: { plugins: [router], stubs: { ChartPanel: true } } });
  await flushPromises();
  return w;
}

describe('the design form', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('shows an invalid α next to its arm and disables Start', async () => {
    const { router } = setup();
    const w = await mountDesign(router);
    const start = () => w.findAll('button').find((b) => b.text().startsWith('Start'))!;
    expect(start().attributes('disabled')).toBeUndefined();
    await w.get('#arm-1-alpha').setValue('0.9');
    expect(w.get('#arm-1-alpha-err').text()).toBe('α must be > 1 (Assumption 2: finite mean)');
    expect(w.find('#arm-0-alpha-err').exists()).toBe(false);
    expect(start().attributes('disabled')).toBeDefined();
    // The theory is not shown for an invalid design.
    expect(w.text()).toContain('fix the highlighted fields to see the theory');
  });

  it('gives the time at the measured kernel speed times the workers', async () => {
    const { router } = setup();
    const w = await mountDesign(router);
    expect(w.get('[data-testid="time-estimate"]').text()).toMatch(/at 1(\.0+)?e\+?8 iterations\/s \(kernel speed measured on this machine × 2 workers\)/);
  });

  it('shows the theory of a valid design: l* and β per field', async () => {
    const { router } = setup();
    const w = await mountDesign(router);
    const arm0 = w.get('[data-theory-arm="0"]').text();
    expect(arm0).toContain('1.40'); // β = α + (α − 1)(l* − 1) with l* = 2 on Ω2, b = 0.5
  });

  it('puts a service error at the field it names', async () => {
    const startRun = vi.fn(async () => {
      throw new LabError({ code: 'invalid', message: 'too much work', issues: [{ path: 'samples', message: 'too many samples for this server' }] });
    });
    const { router } = setup({ startRun });
    const w = await mountDesign(router);
    await w.findAll('button').find((b) => b.text().startsWith('Start'))!.trigger('click');
    await flushPromises();
    expect(startRun).toHaveBeenCalledOnce();
    expect(w.get('#samples-err').text()).toBe('too many samples for this server');
  });

  it('starts a valid design and opens the new run', async () => {
    const { api, router } = setup();
    const w = await mountDesign(router);
    await w.get('#name').setValue('my run');
    await w.findAll('button').find((b) => b.text().startsWith('Start'))!.trigger('click');
    await flushPromises();
    expect(api.startRun).toHaveBeenCalledWith(expect.objectContaining({ name: 'my run', kind: 'exit-time' }));
    expect(router.currentRoute.value.fullPath).toBe('/runs/7');
  });

  it('fetches measured noise it has not got (a design from a stored run) and shows its theory, or why not', async () => {
    // Symmetric Lomax(3) at deterministic quantiles: a fitted tail index near 3.
    const samples = Array.from({ length: 4000 }, (_, i) => (i % 2 === 0 ? 1 : -1) * (Math.pow(1 - (i + 0.5) / 4000, -1 / 3) - 1));
    const asset = `sha256:${'e1'.repeat(32)}`;
    const absent = `sha256:${'e2'.repeat(32)}`;
    const getNoiseAsset = vi.fn(async (name: string) => {
      if (name === asset) return { asset, name: 'grads.csv', count: samples.length, samples };
      throw new LabError({ code: 'not-found', message: `No measured noise ${name} in this database.` });
    });
    const { router } = setup({ getNoiseAsset });
    const w = await mountDesign(router);
    const store = useDesignerStore();
    Object.assign(store.draft.arms[0], { family: 'empirical', asset });
    await flushPromises();
    expect(w.get('[data-theory-arm="0"] [data-tail]').text()).toMatch(/α = 3\.\d{3} · p₊ = 0\.500/);
    expect(getNoiseAsset).toHaveBeenCalledTimes(1);

    store.draft.arms[0].asset = absent;
    await flushPromises();
    expect(w.text()).toContain(`theory: No measured noise ${absent} in this database.`);
    // Back to the first asset: known now, not fetched again.
    store.draft.arms[0].asset = asset;
    await flushPromises();
    expect(w.find('[data-theory-arm="0"] [data-tail]').exists()).toBe(true);
    expect(getNoiseAsset).toHaveBeenCalledTimes(2);
  });
});
