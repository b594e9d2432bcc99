import type { Ref } from 'vue';
import { isTwoDimensionalBase, type SweepConfig } from '../../src-shared/sweep';
import { lab } from '../api/lab';
import type { SweepTheory2D } from '../charts/sweepChartData';
import { useLatestAnswer } from './useLatestAnswer';

export interface SweepTheory2DState {
  /** Each cell's R^2 report and each axis's located l* steps; null until the lab answers (or for a 1-D base). */
  theory: Ref<SweepTheory2D | null>;
  error: Ref<string | null>;
  loading: Ref<boolean>;
}

/** The lab's theory of a sweep over a 2-D base (LabApi.theory), checked to be what it must be. */
export async function askSweepTheory2d(sweep: SweepConfig): Promise<SweepTheory2D> {
  const answer = await lab.theory(sweep);
  if (!('cells' in answer)) throw new Error('the lab did not answer with a sweep\'s cells');
  const reports = answer.cells.map((c) => {
    if (!('dimension' in c.report)) throw new Error('the lab answered with a report on the real line for a 2-D cell');
    return c.report;
  });
  return { reports, boundaries: answer.boundaries };
}

/**
 * Whether a sweep's views need the lab's theory of it: a 2-D base whose long runs show M^large,
 * or whose clip axis has steps to locate (2-D exit-time cells carry their own l*).
 */
export function needsSweepTheory2d(sweep: SweepConfig): boolean {
  return isTwoDimensionalBase(sweep.base) && (sweep.base.kind === 'long-run-2d' || sweep.over.some((a) => a.field === 'clip'));
}

/**
 * The R^2 reports of a sweep's cells and its located l* steps, asked of the lab once per config
 * (LabApi.theory on the sweep: the basin map is traced once, each cell pays its arms'
 * reachability, a second or two on a theory thread, up to several seconds for a clip axis reaching
 * small b, whose steps it locates by bisection). `config` gives null for no sweep (an invalid
 * design); a sweep that does not need it (needsSweepTheory2d) asks nothing. Edits wait
 * `delayMs` for typing to pause.
 * The last answer is cleared when the config changes: it would describe other cells.
 */
export function useSweepTheory2d(config: () => SweepConfig | null, delayMs = 0): SweepTheory2DState {
  const { value, error, loading } = useLatestAnswer(
    () => {
      const sweep = config();
      return sweep && needsSweepTheory2d(sweep) ? sweep : null;
    },
    (sweep) => JSON.stringify(sweep),
    askSweepTheory2d,
    { delayMs },
  );
  return { theory: value, error, loading };
}
