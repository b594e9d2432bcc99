// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import RunProgressBar from '../../../src-renderer/components/RunProgressBar.vue';
import type { RunProgress } from '../../../src-shared/api';

const progress = (extra: Partial<RunProgress> = {}): RunProgress => ({
  id: 1, done: 250, total: 1000, estimated: false, iterationsPerSecond: 5e6, etaSeconds: 30, ...extra,
});

describe('run progress for a run on a queue', () => {
  it('names the connected workers and their speed', () => {
    const w = mount(RunProgressBar, { props: { status: 'running', progress: progress({ workers: { count: 3, threads: 12, iterationsPerSecond: 2e8 }, waiting: null }) } });
    expect(w.get('.queue-note').text()).toMatch(/^3 workers \(12 threads, .+ it\/s\)$/);
  });

  it('says why the run waits', async () => {
    const w = mount(RunProgressBar, { props: { status: 'running', progress: progress({ workers: { count: 0, threads: 0, iterationsPerSecond: 0 }, waiting: 'no-workers' }) } });
    expect(w.get('.queue-note').text()).toBe('waiting: no worker connected');
    await w.setProps({ progress: progress({ waiting: 'redis-unreachable' }) });
    expect(w.get('.queue-note').text()).toBe('waiting: Redis unreachable');
  });

  it('says nothing of a queue for a run on this machine', () => {
    const w = mount(RunProgressBar, { props: { status: 'running', progress: progress() } });
    expect(w.find('.queue-note').exists()).toBe(false);
    expect(w.text()).toContain('25%');
  });
});
