import type { SweepConfig, SweepResultSummary } from '../../src-shared/sweep';
import { heatmapInput, type SweepTheory2D } from './sweepChartData';
import { gridCells } from './sweepCells2d';
import { colourRange, type SweepHeatmapInput } from './sweepHeatmapOption';
import type { SweepQuantity, SweepQuantityKind } from './sweepQuantities';

/** A sweep run on the Compare page: what its grid charts need, and how it is named there. */
export interface ComparedSweep {
  runId: number;
  name: string;
  config: SweepConfig;
  result: SweepResultSummary;
}

/**
 * The quantity every compared heatmap shows. The η of a mean exit time is a value, not an index:
 * two runs may list their η in different orders or sets, and the same η must be compared.
 */
export interface SharedQuantity {
  kind: SweepQuantityKind;
  /** For `meanExit`. */
  eta?: number;
  /** For `occupancy` (1-based). */
  field?: number;
}

/** The η an exit-time base (on the line or in the plane) measures; none for a long run's. */
const baseEtas = (sweep: SweepConfig): readonly number[] => ('etas' in sweep.base ? sweep.base.etas : []);

/** Every η some compared exit-time sweep measured, largest first (the menu of a shared mean-exit choice). */
export function sharedEtas(sweeps: readonly ComparedSweep[]): number[] {
  return [...new Set(sweeps.flatMap((s) => baseEtas(s.config)))].sort((a, b) => b - a);
}

/** The shared quantity in one run's terms; null when that run has no such η. */
export function runQuantity(sweep: SweepConfig, q: SharedQuantity): SweepQuantity | null {
  if (q.kind === 'meanExit') {
    const etaIndex = q.eta !== undefined ? baseEtas(sweep).indexOf(q.eta) : -1;
    return etaIndex < 0 ? null : { kind: 'meanExit', etaIndex };
  }
  if (q.kind === 'occupancy') return { kind: 'occupancy', field: q.field ?? 1 };
  return { kind: q.kind };
}

/** True when the runs' axes differ in field or values, so their cells are not one grid. */
export function gridsDiffer(sweeps: readonly ComparedSweep[]): boolean {
  const key = (s: ComparedSweep) => JSON.stringify(s.config.over.map((a) => [a.field, a.values]));
  return sweeps.some((s) => key(s) !== key(sweeps[0]));
}

/**
 * Each two-axis sweep's heatmap of the same quantity (arm `arm`), every one on the colour scale
 * spanning all their values, so one colour is one number in every chart. A 2-D sweep's M^large
 * and located steps come from the lab's theory of it (`lab2d`, by run id) once it has answered. A run without the
 * chosen η gets an empty map (and `missing` says so) rather than another η's numbers.
 */
export function compareHeatmaps(
  sweeps: readonly ComparedSweep[],
  q: SharedQuantity,
  arm: number,
  lab2d?: ReadonlyMap<number, SweepTheory2D>,
): { inputs: SweepHeatmapInput[]; missing: number[] } {
  const missing: number[] = [];
  const inputs = sweeps.map((s) => {
    const quantity = runQuantity(s.config, q);
    if (quantity === null) missing.push(s.runId);
    return heatmapInput(s.config, gridCells(s.result), quantity ?? { kind: 'meanExit', etaIndex: -1 }, arm, lab2d?.get(s.runId));
  });
  const range = colourRange(inputs.map((i) => i.values), q.kind === 'slopeMinusPredicted');
  return { inputs: inputs.map((i) => ({ ...i, range })), missing };
}
