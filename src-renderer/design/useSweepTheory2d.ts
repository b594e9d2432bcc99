import { onBeforeUnmount, ref, watch, type Ref } from 'vue';
import { isTwoDimensionalBase, type SweepConfig } from '../../src-shared/sweep';
import { lab } from '../api/lab';
import type { SweepTheory2D } from '../charts/sweepChartData';

export interface SweepTheory2DState {
  /** Each cell's R^2 report and each axis's located l* steps; null until the lab answers (or for a 1-D base). */
  theory: Ref<SweepTheory2D | null>;
  error: Ref<string | null>;
  loading: Ref<boolean>;
}

/**
 * The R^2 reports of a sweep's cells and its located l* steps, asked of the lab once per config
 * (LabApi.theory on the sweep: the basin map is traced once, each cell pays its arms'
 * reachability, a second or two on a theory thread, more for a clip axis, whose steps it locates
 * by bisection). `config` gives null when the view needs nothing (a 1-D base, exit-time cells
 * that carry their own l*, an invalid design). Edits wait `delayMs` for typing to pause; an
 * answer for a config since replaced is dropped.
 */
export function useSweepTheory2d(config: () => SweepConfig | null, delayMs = 0): SweepTheory2DState {
  const theory = ref<SweepTheory2D | null>(null);
  const error = ref<string | null>(null);
  const loading = ref(false);
  let ticket = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function ask(sweep: SweepConfig, mine: number): Promise<void> {
    try {
      const answer = await lab.theory(sweep);
      if (mine !== ticket) return;
      if (!('cells' in answer)) throw new Error('the lab did not answer with a sweep\'s cells');
      const reports = answer.cells.map((c) => {
        if (!('dimension' in c.report)) throw new Error('the lab answered with a report on the real line for a 2-D cell');
        return c.report;
      });
      theory.value = { reports, boundaries: answer.boundaries };
    } catch (e) {
      if (mine === ticket) error.value = `theory: ${(e as Error).message}`;
    } finally {
      if (mine === ticket) loading.value = false;
    }
  }

  watch(
    () => {
      const sweep = config();
      return sweep && isTwoDimensionalBase(sweep.base) ? { key: JSON.stringify(sweep), sweep } : null;
    },
    (now, before) => {
      if (now && before && now.key === before.key) return;
      clearTimeout(timer);
      const mine = ++ticket;
      theory.value = null;
      error.value = null;
      loading.value = now !== null;
      if (!now) return;
      if (delayMs > 0) timer = setTimeout(() => void ask(now.sweep, mine), delayMs);
      else void ask(now.sweep, mine);
    },
    { immediate: true },
  );
  onBeforeUnmount(() => clearTimeout(timer));
  return { theory, error, loading };
}
