import { onBeforeUnmount, ref, watch, type Ref } from 'vue';

export interface LatestAnswer<A> {
  value: Ref<A | null>;
  error: Ref<string | null>;
  /** A request is pending. */
  loading: Ref<boolean>;
}

/**
 * The lab's answer to the latest of a changing question (a theory the renderer must not compute
 * on its own thread). `input` gives null for no question; a question whose `key` has not changed
 * asks nothing; edits wait `delayMs` for typing to pause; an answer to a question since replaced
 * is dropped, so a slow answer never overwrites a newer one. `keepWhileLoading` keeps the last
 * answer shown while the next is computed (a design being edited); otherwise it is cleared (a
 * view whose old answer would describe another config).
 */
export function useLatestAnswer<I, A>(
  input: () => I | null,
  key: (question: I) => string,
  ask: (question: I) => Promise<A>,
  options: { delayMs?: number; keepWhileLoading?: boolean } = {},
): LatestAnswer<A> {
  const value = ref<A | null>(null) as Ref<A | null>;
  const error = ref<string | null>(null);
  const loading = ref(false);
  let ticket = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function answer(question: I, mine: number): Promise<void> {
    try {
      const a = await ask(question);
      if (mine !== ticket) return;
      value.value = a;
      error.value = null;
    } catch (e) {
      if (mine !== ticket) return;
      value.value = null;
      error.value = `theory: ${(e as Error).message}`;
    } finally {
      if (mine === ticket) loading.value = false;
    }
  }

  watch(
    () => {
      const question = input();
      return question === null ? null : { key: key(question), question };
    },
    (now, before) => {
      if (now && before && now.key === before.key) return;
      clearTimeout(timer);
      const mine = ++ticket;
      if (!now || !options.keepWhileLoading) value.value = null;
      error.value = null;
      loading.value = now !== null;
      if (!now) return;
      const { question } = now;
      if (options.delayMs) timer = setTimeout(() => void answer(question, mine), options.delayMs);
      else void answer(question, mine);
    },
    { immediate: true },
  );
  onBeforeUnmount(() => {
    clearTimeout(timer);
    ticket++;
  });
  return { value, error, loading };
}
