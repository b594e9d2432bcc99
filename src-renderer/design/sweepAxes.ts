import type { KernelSpeeds } from '../../src-shared/api';
import { experimentKind } from '../../src-shared/kinds/registry';
import { clipStepLines, isTwoDimensionalBase, sweepBoundaries, sweepCells, type SweepConfig, type SweepField, type SweepValue } from '../../src-shared/sweep';
import type { SweepTheory2D } from '../charts/sweepChartData';
import { theoryAtEachEta } from '../runTheory';
import { estimateTime, estimateWork } from './estimate';
import { parseNumber } from './draft';

/** How the designer makes an axis's values: typed as a list, or n points between two ends. */
export type AxisHelper =
  | { mode: 'list'; text: string }
  | { mode: 'linear' | 'log'; from: number; to: number; n: number };

/**
 * The values an axis helper gives. A list reads "0.3, 0.45, 0.7" (and, for clip, "unclipped" or
 * "null" for b = ∞); junk becomes NaN so the sweep's schema names the value. Spacings include
 * both ends; log spacing needs positive ends. Values are rounded to 6 significant digits so
 * they read as typed numbers and repeat exactly when a run is re-created from its config.
 */
export function axisValues(helper: AxisHelper, field: SweepField): SweepValue[] {
  if (helper.mode === 'list') {
    return helper.text
      .split(/[\s,;]+/)
      .filter((t) => t.length > 0)
      .map((t) => (field === 'clip' && /^(null|unclipped|none|∞)$/i.test(t) ? null : parseNumber(t)));
  }
  const { from, to, n } = helper;
  if (!(Number.isSafeInteger(n) && n >= 1) || !Number.isFinite(from) || !Number.isFinite(to)) return [Number.NaN];
  if (n === 1) return [round(from)];
  if (helper.mode === 'log' && !(from > 0 && to > 0)) return [Number.NaN];
  return Array.from({ length: n }, (_, k) => {
    const t = k / (n - 1);
    return round(helper.mode === 'log' ? from * (to / from) ** t : from + (to - from) * t);
  });
}

const round = (v: number) => Number(v.toPrecision(6));

/** The list text of some values, as the list helper reads it back. */
export function axisValuesText(values: readonly SweepValue[]): string {
  return values.map((v) => (v === null ? 'unclipped' : Number.isNaN(v) ? '?' : String(v))).join(', ');
}

export interface SweepEstimate {
  cells: number;
  /** Expected iterations over every cell (from the theory's mean exits where it has them). */
  iterations: number;
  upperBound: number;
  /** True when every cell's estimate came from the theory (no censoring bound). */
  fromTheory: boolean;
  /** Wall time on this machine, when kernel speeds are known. */
  seconds: number | null;
}

/**
 * The work of a whole sweep: each cell's estimate as the designer makes it for a single run
 * (Theorem 1's mean exits at each η), summed. Cells run side by side, each on up to all
 * workers, so the wall time is the sum of cells' times at full width.
 */
export function estimateSweep(sweep: SweepConfig, speeds: KernelSpeeds | null): SweepEstimate {
  let iterations = 0;
  let upperBound = 0;
  let fromTheory = true;
  let seconds: number | null = speeds ? 0 : null;
  for (const cell of sweepCells(sweep)) {
    if (isTwoDimensionalBase(cell.config)) {
      // No mean-exit theory in 2-D: the cell's bound (every sample censored) is all there is.
      const bound = experimentKind(cell.config.kind).workUpperBound(cell.config);
      iterations += bound;
      upperBound += bound;
      fromTheory = false;
      seconds = null;
      continue;
    }
    const work = estimateWork(cell.config, theoryAtEachEta(cell.config));
    iterations += work.iterations;
    upperBound += work.upperBound;
    fromTheory &&= work.fromTheory;
    if (speeds && seconds !== null) {
      const time = estimateTime(cell.config, work, speeds);
      seconds = time ? seconds + time.seconds : null;
    }
  }
  return { cells: sweepCells(sweep).length, iterations, upperBound, fromTheory, seconds };
}

/**
 * Where the theory's l* changes along clip axis `axis`, within its values, so cells can be put
 * on either side of a step: b = r_i/k at once for a 1-D base, the lab's located steps for a 2-D
 * one (none until `lab2d` arrives).
 */
export function clipStepsText(sweep: SweepConfig, axis: number, lab2d?: SweepTheory2D): string[] {
  return clipStepLines(sweep, isTwoDimensionalBase(sweep.base) ? lab2d?.boundaries[axis] : sweepBoundaries(sweep)[axis]);
}
