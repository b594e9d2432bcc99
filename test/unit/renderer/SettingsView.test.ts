// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { LabError } from '../../../src-shared/api';
import type { SettingsView } from '../../../src-shared/settings';

/**
 * The Settings view of the desktop app (every field editable), against a LabApi that answers as
 * LabService does: it sends only what changed, shows the service's field errors at their field,
 * and tests the URL being typed. (The service side is tested for real in test/integration/settings.)
 */
const fake = vi.hoisted(() => ({ lab: {} as Record<string, unknown> }));
vi.mock('../../../src-renderer/api/lab', () => ({ lab: fake.lab }));

import SettingsViewPage from '../../../src-renderer/views/SettingsView.vue';

const appView: SettingsView = {
  redisUrl: null,
  memoryBudgetMB: 1024,
  editable: { redisUrl: true, memoryBudgetMB: true },
  keptIn: "the app's settings file",
  defaultMemoryBudgetMB: 1024,
  activeRuns: 0,
};

async function mountWith(api: Record<string, unknown>) {
  Object.assign(fake.lab, { getSettings: async () => appView, ...api });
  const w = mount(SettingsViewPage);
  await flushPromises();
  return w;
}

describe('the Settings view in the app', () => {
  it('sends only the changed field, and the queue URL typed', async () => {
    const setSettings = vi.fn(async (patch: Partial<SettingsView>) => ({ ...appView, ...patch }));
    const w = await mountWith({ setSettings });
    expect(w.get('[data-testid="save-settings"]').attributes('disabled')).toBeDefined();
    expect(w.find('[data-testid="test-redis"]').exists()).toBe(false);
    await w.get('[data-testid="executor-queue"]').setValue(true);
    await w.get('#settings-redis-url').setValue('  rediss://:pw@queue:6380/1 ');
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(setSettings).toHaveBeenCalledWith({ redisUrl: 'rediss://:pw@queue:6380/1' });
    expect(w.get('[data-testid="settings-saved"]').text()).toBe('Saved.');

    await w.get('#settings-memory-budget').setValue('2048');
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(setSettings).toHaveBeenLastCalledWith({ memoryBudgetMB: 2048 });
  });

  it("puts the service's errors at their field, and a refusal without a field in a banner", async () => {
    const w = await mountWith({
      setSettings: async () => {
        throw new LabError({ code: 'invalid', message: 'settings.memoryBudgetMB: must be > 0', issues: [{ path: 'settings.memoryBudgetMB', message: 'must be > 0' }] });
      },
    });
    await w.get('#settings-memory-budget').setValue('-5');
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(w.get('#settings-memory-budget-err').text()).toBe('must be > 0');

    Object.assign(fake.lab, {
      setSettings: async () => {
        throw new LabError({ code: 'conflict', message: '1 run is executing here; the executor can change once it ends (or is cancelled).' });
      },
    });
    await w.get('[data-testid="executor-queue"]').setValue(true);
    await w.get('#settings-redis-url').setValue('redis://q:6379');
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(w.get('#settings-errors').text()).toMatch(/executor can change once it ends/);
  });

  it('tests the URL being typed and shows why it failed', async () => {
    const testRedis = vi.fn(async () => ({ ok: false, message: 'Redis at redis://q:6379: connect ECONNREFUSED' }));
    const w = await mountWith({ testRedis });
    await w.get('[data-testid="executor-queue"]').setValue(true);
    await w.get('#settings-redis-url').setValue('redis://q:6379');
    await w.get('[data-testid="test-redis"]').trigger('click');
    await flushPromises();
    expect(testRedis).toHaveBeenCalledWith('redis://q:6379');
    expect(w.get('[data-testid="redis-check"]').text()).toBe('Failed. Redis at redis://q:6379: connect ECONNREFUSED');
  });
});
