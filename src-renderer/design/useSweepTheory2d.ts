import { ref, watch, type Ref } from 'vue';
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
 * The R^2 reports of a stored sweep's cells and its located l* steps, asked of the lab once per config (LabApi.theory on
 * the sweep: the basin map is traced once, each cell pays its arms' reachability, about two
 * seconds on a theory thread, more for a clip axis, whose steps it locates by bisection). `wanted`
 * says whether the view needs them (a 2-D long-run grid's M^large, a clip axis's steps; exit-time
 * cells carry their own l*). An answer for a config since replaced is dropped.
 */
export function useSweepTheory2d(config: () => SweepConfig, wanted: () => boolean): SweepTheory2DState {
  const theory = ref<SweepTheory2D | null>(null);
  const error = ref<string | null>(null);
  const loading = ref(false);
  let ticket = 0;
  watch(
    () => (wanted() && isTwoDimensionalBase(config().base) ? JSON.stringify(config()) : null),
    async (key) => {
      const mine = ++ticket;
      theory.value = null;
      error.value = null;
      loading.value = key !== null;
      if (key === null) return;
      try {
        const answer = await lab.theory(config());
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
    },
    { immediate: true },
  );
  return { theory, error, loading };
}
