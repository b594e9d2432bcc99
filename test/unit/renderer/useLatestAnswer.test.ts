// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { useLatestAnswer, type LatestAnswer } from '../../../src-renderer/design/useLatestAnswer';

/** A question answered when the test says so, so answers can arrive out of order. */
function deferredLab() {
  const pending = new Map<string, (answer: string) => void>();
  const ask = vi.fn((q: string) => new Promise<string>((resolve) => pending.set(q, resolve)));
  return { ask, answer: (q: string) => pending.get(q)?.(`answer to ${q}`) };
}

function host(question: () => string | null, ask: (q: string) => Promise<string>, options: Parameters<typeof useLatestAnswer>[3]) {
  let state!: LatestAnswer<string>;
  const wrapper = mount(
    defineComponent({
      setup() {
        state = useLatestAnswer(question, (q) => q, ask, options);
        return () => h('div');
      },
    }),
  );
  return { state, wrapper };
}

describe('the latest answer to a changing question', () => {
  it('never lets a slow answer to an older question overwrite the newer one', async () => {
    const lab = deferredLab();
    const q = ref<string | null>('a');
    const { state } = host(() => q.value, lab.ask, {});
    q.value = 'b';
    await nextTick();
    lab.answer('b');
    await flushPromises();
    lab.answer('a');
    await flushPromises();
    expect(state.value.value).toBe('answer to b');
    expect(state.loading.value).toBe(false);
  });

  it('asks nothing again for the same key, and clears or keeps the last answer as told', async () => {
    for (const keepWhileLoading of [false, true]) {
      const lab = deferredLab();
      const q = ref<string | null>('a');
      const { state } = host(() => q.value, lab.ask, { keepWhileLoading });
      lab.answer('a');
      await flushPromises();
      q.value = 'a';
      await nextTick();
      expect(lab.ask).toHaveBeenCalledTimes(1);
      q.value = 'b';
      await nextTick();
      expect(state.loading.value).toBe(true);
      expect(state.value.value).toBe(keepWhileLoading ? 'answer to a' : null);
      q.value = null;
      await nextTick();
      expect([state.value.value, state.loading.value]).toEqual([null, false]);
    }
  });

  it('waits for edits to pause, asks only the last, and stops waiting when unmounted', async () => {
    vi.useFakeTimers();
    try {
      const lab = deferredLab();
      const q = ref<string | null>('a');
      const { wrapper } = host(() => q.value, lab.ask, { delayMs: 300 });
      for (const next of ['ab', 'abc']) {
        vi.advanceTimersByTime(100);
        q.value = next;
        await nextTick();
      }
      vi.advanceTimersByTime(300);
      expect(lab.ask.mock.calls).toEqual([['abc']]);
      q.value = 'abcd';
      await nextTick();
      wrapper.unmount();
      vi.advanceTimersByTime(1000);
      expect(lab.ask).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a failed question as an error, and a later question clears it', async () => {
    const q = ref<string | null>('bad');
    const { state } = host(() => q.value, async (x) => (x === 'bad' ? Promise.reject(new Error('no basin map')) : `answer to ${x}`), {});
    await flushPromises();
    expect([state.value.value, state.error.value]).toEqual([null, 'theory: no basin map']);
    q.value = 'good';
    await flushPromises();
    expect([state.value.value, state.error.value]).toEqual(['answer to good', null]);
  });
});
