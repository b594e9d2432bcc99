// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { LabError, type LabApi, type LabEventSource, type PresetInfo } from '../../../src-shared/api';
import { expandConfig } from '../../../src-shared/model';
import type { TheoryReport2D } from '../../../src-shared/theory2d/types';

/**
 * The 2-D designer against a fake LabApi: the form replaces the 1-D editors, validation is the
 * shared schema's (local), the theory is the lab's (asked once per settled edit), service errors
 * land at their well.
 */
const fake = vi.hoisted(() => ({ lab: {} as Record<string, unknown> }));
vi.mock('../../../src-renderer/api/lab', () => ({ lab: fake.lab }));

import DesignView from '../../../src-renderer/views/DesignView.vue';

const preset: PresetInfo = {
  id: 'figure-4-2d-exit-times',
  title: '2-D Figure 4',
  description: '',
  config: {
    kind: 'exit-time',
    landscape: { dimension: 2, preset: 'wide-and-sharp' },
    x0: [-0.8, -0.2],
    seed: 1,
    arms: [
      { label: 'iso clipped', noise: { family: 'pareto', alpha: 1.2, scale: 1, direction: 'isotropic' }, clip: 0.5 },
      { label: 'gauss', noise: { family: 'gaussian', sigma: 0.5 }, clip: null },
    ],
    etas: [0.1, 0.05],
    samples: 20,
    maxIterations: 1000000,
  },
};

/** A report whose r₁ is the first well's width, so a test sees which design it answers. */
function reportFor(config: { landscape: { wells?: { width: number }[] }; arms: { label: string; clip: number | null }[] }): TheoryReport2D {
  const r1 = config.landscape.wells?.[0].width ?? 0;
  return {
    dimension: 2,
    fields: [
      { index: 1, minimum: [-0.7, -0.2], f: -1, eigenvalues: [3, 3.2] },
      { index: 2, minimum: [0.9, 0.8], f: -1, eigenvalues: [57, 58] },
    ],
    saddles: [{ x: 0, y: 0, f: 0 }],
    basinMap: { nodes: 257, spacing: 0.015625 },
    arms: config.arms.map((a) => ({
      label: a.label, clip: a.clip, direction: 'isotropic', applicable: true,
      fields: [
        { index: 1, radius: r1, lStar: 3, jumpsByRadius: 3, exponent: 1.4, large: true },
        { index: 2, radius: 0.4, lStar: 1, jumpsByRadius: 1, exponent: 1.2, large: false },
      ],
      edges: [[1, 2], [2, 1]], classes: [{ members: [1, 2], absorbing: true, largeMinima: [1] }], irreducible: true, symmetric: true, largeMinima: [1],
      assumptions: { ok: true, messages: [] }, note: 'q not computed in 2-D',
    })),
  };
}

function setup(overrides: Partial<LabApi> = {}) {
  const theory = vi.fn(async (config: unknown) => reportFor(config as never) as never);
  const api: Partial<LabApi> & LabEventSource = {
    presets: async () => [preset],
    listRuns: async () => ({ runs: [], total: 0 }),
    kernelSpeeds: async () => ({ workers: 2, perWorker: [] }),
    startRun: vi.fn(async () => ({ id: 7 }) as never),
    theory,
    on: () => () => undefined,
    ...overrides,
  };
  Object.assign(fake.lab, api);
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/design', component: DesignView }, { path: '/runs/:id', component: { template: '<p/>' } }] });
  return { api, theory, router };
}

async function mountDesign(router: ReturnType<typeof createRouter>, path = '/design') {
  await router.push(path);
  const w = mount(DesignView, { global: { plugins: [router], stubs: { ChartPanel: true } } });
  await flushPromises();
  return w;
}

/** Past the page's 400 ms debounce, then the answer. */
async function settle(): Promise<void> {
  await new Promise((r) => setTimeout(r, 550));
  await flushPromises();
}

async function choosePreset(w: Awaited<ReturnType<typeof mountDesign>>): Promise<void> {
  await w.get('#start-from').setValue('preset:figure-4-2d-exit-times');
  await flushPromises();
}

const startButton = (w: Awaited<ReturnType<typeof mountDesign>>) => w.findAll('button').find((b) => b.text().startsWith('Start'))!;

describe('the 2-D design form', () => {
  beforeEach(() => setActivePinia(createPinia()));
  // A page left mounted would ask the next test's fake lab when its debounce fires.
  enableAutoUnmount(afterEach);

  it('opens a form, not JSON, for a 2-D preset: wells, x0, arms with their direction, the kind’s settings', async () => {
    const { router } = setup();
    const w = await mountDesign(router);
    await choosePreset(w);
    expect(w.find('[data-testid="settings-2d"]').exists()).toBe(true);
    expect(w.find('#landscape-points').exists()).toBe(false);
    expect((w.get('#landscape2d-preset').element as HTMLSelectElement).value).toBe('wide-and-sharp');
    expect(w.findAll('.wells-table tbody tr').length).toBe(3);
    expect((w.get('#x0-x').element as HTMLInputElement).value).toBe('-0.8');
    expect((w.get('#arm-0-direction').element as HTMLSelectElement).value).toBe('isotropic');
    expect(w.find('#arm-1-direction').exists()).toBe(false);
    expect((w.get('#arm-1-sigma').element as HTMLInputElement).value).toBe('0.5');
    expect((w.get('#etas').element as HTMLInputElement).value).toBe('0.1, 0.05');
    // Adding a well copies the last; removing it restores the preset.
    await w.findAll('button').find((b) => b.text() === 'Add well')!.trigger('click');
    expect(w.findAll('.wells-table tbody tr').length).toBe(4);
    expect((w.get('#landscape2d-preset').element as HTMLSelectElement).value).toBe('wells');
    await w.get('[aria-label="Remove well 4"]').trigger('click');
    expect((w.get('#landscape2d-preset').element as HTMLSelectElement).value).toBe('wide-and-sharp');
    // Müller–Brown is a formula of its own: no wells table.
    await w.get('#landscape2d-preset').setValue('muller-brown');
    expect(w.find('.wells-table').exists()).toBe(false);
  });

  it('asks the lab for the theory once per settled edit and shows the latest answer', async () => {
    const { router, theory } = setup();
    const w = await mountDesign(router);
    await choosePreset(w);
    await settle();
    expect(theory).toHaveBeenCalledTimes(1);
    expect(w.get('[data-testid="theory-2d"] tr[data-basin="1"]').findAll('td')[2].text()).toBe('0.600');
    // Three quick edits of one well: one request, for the last of them.
    for (const width of ['0.7', '0.75', '0.8']) await w.get('#well-0-width').setValue(width);
    await settle();
    expect(theory).toHaveBeenCalledTimes(2);
    expect((theory.mock.calls[1][0] as { landscape: { wells: { width: number }[] } }).landscape.wells[0].width).toBe(0.8);
    expect(w.get('[data-testid="theory-2d"] tr[data-basin="1"]').findAll('td')[2].text()).toBe('0.800');
    // Edits the report does not depend on ask nothing.
    await w.get('#x0-x').setValue('-0.7');
    await w.get('#samples').setValue('5');
    await settle();
    expect(theory).toHaveBeenCalledTimes(2);
  });

  it('names a bad well at its cell, disables Start and asks no theory for an invalid design', async () => {
    const { router, theory } = setup();
    const w = await mountDesign(router);
    await choosePreset(w);
    await settle();
    await w.get('#well-1-width').setValue('0');
    await settle();
    expect(w.get('#well-1-width-err').text()).toBe('must be > 0');
    expect(w.find('#well-0-width-err').exists()).toBe(false);
    expect(startButton(w).attributes('disabled')).toBeDefined();
    expect(theory).toHaveBeenCalledTimes(1);
    expect(w.text()).toContain('fix the highlighted fields to see the theory');
  });

  it('puts a service error at the well it names, and starts the 2-D config the form shows', async () => {
    const startRun = vi.fn(async () => {
      throw new LabError({ code: 'invalid', message: 'refused', issues: [{ path: 'landscape.wells[2].depth', message: 'too deep for this server' }] });
    });
    const { router } = setup({ startRun });
    const w = await mountDesign(router);
    await choosePreset(w);
    await w.get('#x0-y').setValue('-0.1');
    await startButton(w).trigger('click');
    await flushPromises();
    expect(w.get('#well-2-depth-err').text()).toBe('too deep for this server');
    const sent = (startRun.mock.calls[0] as unknown[])[0] as Record<string, unknown>;
    expect(sent).toMatchObject({ kind: 'exit-time', x0: [-0.8, -0.1], etas: [0.1, 0.05], landscape: { dimension: 2, L: 2, confinement: 0.5 } });
    expect(expandConfig(sent).kind).toBe('exit-time-2d');
  });

  it('opens a stored 2-D run from “Duplicate” in the 2-D form with its config', async () => {
    const stored = expandConfig({ ...(preset.config as Record<string, unknown>), name: 'mine', x0: [-0.5, 0.1], samples: 3 });
    const { router } = setup({ getRunDetail: async () => ({ id: 12, name: 'mine', config: stored }) as never });
    const w = await mountDesign(router, '/design?from=12');
    await flushPromises();
    expect(w.find('[data-testid="settings-2d"]').exists()).toBe(true);
    expect((w.get('#x0-x').element as HTMLInputElement).value).toBe('-0.5');
    expect((w.get('#samples').element as HTMLInputElement).value).toBe('3');
    expect((w.get('#name').element as HTMLInputElement).value).toBe('mine (copy)');
    expect((w.get('#landscape2d-preset').element as HTMLSelectElement).value).toBe('wide-and-sharp');
  });
});
