import { onBeforeUnmount, ref, watch, type Ref } from 'vue';
import type { TheoryReport2D } from '../../src-shared/theory2d/types';
import { lab } from '../api/lab';

export interface Theory2DState {
  report: Ref<TheoryReport2D | null>;
  error: Ref<string | null>;
  /** A request is pending; the last report stays shown meanwhile (marked busy). */
  loading: Ref<boolean>;
}

/** What the report depends on: a design's input as typed, or a stored run's config. */
export interface TheoryInput2D {
  readonly landscape?: unknown;
  readonly arms?: unknown;
}

/** The 2-D report depends on the landscape and the arms only: other edits (η, samples, x0) ask nothing. */
const theoryKey = (config: TheoryInput2D): string => JSON.stringify([config.landscape, config.arms]);

/**
 * The R^d theory of a 2-D config, asked of the lab (LabApi.theory), never computed here: the basin
 * map and the reachability sets cost about a second, too long for the renderer's thread. Edits are
 * debounced by `delayMs`; an answer to an older request than the latest is dropped, so a slow
 * report for a superseded design never replaces the current one. `config` gives null for no
 * (valid) 2-D config.
 */
export function useTheory2d(config: () => TheoryInput2D | null, delayMs: number): Theory2DState {
  const report = ref<TheoryReport2D | null>(null);
  const error = ref<string | null>(null);
  const loading = ref(false);
  let ticket = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function ask(c: TheoryInput2D, mine: number): Promise<void> {
    try {
      const answer = await lab.theory(c);
      if (mine !== ticket) return;
      if (!('dimension' in answer)) throw new Error('the lab answered with a report on the real line for a 2-D config');
      report.value = answer;
      error.value = null;
    } catch (e) {
      if (mine !== ticket) return;
      report.value = null;
      error.value = `theory: ${(e as Error).message}`;
    } finally {
      if (mine === ticket) loading.value = false;
    }
  }

  watch(
    () => {
      const c = config();
      return c ? { key: theoryKey(c), c } : null;
    },
    (now, before) => {
      if (now && before && now.key === before.key) return;
      clearTimeout(timer);
      const mine = ++ticket;
      if (!now) {
        report.value = null;
        error.value = null;
        loading.value = false;
        return;
      }
      loading.value = true;
      const c = now.c;
      timer = setTimeout(() => void ask(c, mine), delayMs);
    },
    { immediate: true },
  );
  onBeforeUnmount(() => {
    clearTimeout(timer);
    ticket++;
  });
  return { report, error, loading };
}
