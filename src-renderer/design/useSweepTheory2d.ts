import { ref, watch, type Ref } from 'vue';
import { isTwoDimensionalBase, type ClipStep2D, type SweepConfig } from '../../src-shared/sweep';
import type { TheoryReport2D } from '../../src-shared/theory2d/types';
import { lab } from '../api/lab';

export interface SweepTheory2DState {
  /** Each cell's R^2 report, in grid order; null until the lab answers (or for a 1-D base). */
  reports: Ref<TheoryReport2D[] | null>;
  /** The first axis's l* steps when it is a clip axis, located between its cells; null until the lab answers. */
  clipSteps: Ref<ClipStep2D[] | null>;
  error: Ref<string | null>;
  loading: Ref<boolean>;
}

/**
 * The R^2 reports of a stored sweep's cells, asked of the lab once per config (LabApi.theory on
 * the sweep: the basin map is traced once, each cell pays its arms' reachability, about two
 * seconds on a theory thread, more for a clip axis, whose steps it locates by bisection). `wanted`
 * says whether the view needs them (a 2-D long-run grid's M^large, a one-axis clip sweep's steps;
 * exit-time cells carry their own l*). An answer for a config since replaced is dropped.
 */
export function useSweepTheory2d(config: () => SweepConfig, wanted: () => boolean): SweepTheory2DState {
  const reports = ref<TheoryReport2D[] | null>(null);
  const clipSteps = ref<ClipStep2D[] | null>(null);
  const error = ref<string | null>(null);
  const loading = ref(false);
  let ticket = 0;
  watch(
    () => (wanted() && isTwoDimensionalBase(config().base) ? JSON.stringify(config()) : null),
    async (key) => {
      const mine = ++ticket;
      reports.value = null;
      clipSteps.value = null;
      error.value = null;
      loading.value = key !== null;
      if (key === null) return;
      try {
        const answer = await lab.theory(config());
        if (mine !== ticket) return;
        if (!('cells' in answer)) throw new Error('the lab did not answer with a sweep\'s cells');
        reports.value = answer.cells.map((c) => {
          if (!('dimension' in c.report)) throw new Error('the lab answered with a report on the real line for a 2-D cell');
          return c.report;
        });
        const first = answer.boundaries[0];
        clipSteps.value = first?.field === 'clip' && 'steps' in first ? first.steps : null;
      } catch (e) {
        if (mine === ticket) error.value = `theory: ${(e as Error).message}`;
      } finally {
        if (mine === ticket) loading.value = false;
      }
    },
    { immediate: true },
  );
  return { reports, clipSteps, error, loading };
}
