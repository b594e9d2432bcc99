import type { ExitTimeArmSummary, LongRunArmSummary, RunResult, RunResultSummary } from '../model/results';
import type { ExitTime2DResult, LongRun2DResult, LongRun2DResultSummary } from '../model/results2d';
import type { SweepConfig, SweepValues } from './expandSweep';

/** One cell of a sweep's result: its axis values and exactly the base kind's `result.arms[]`. */
export interface SweepCellResult<Arm> {
  values: SweepValues;
  arms: Arm[];
}

type ArmsOf<R> = R extends { arms: (infer A)[] } ? A : never;

/** A sweep's result: every cell in grid order, present from the start (empty points until run). */
export type SweepResult =
  | { kind: 'sweep'; baseKind: 'exit-time'; cells: SweepCellResult<ArmsOf<Extract<RunResult, { kind: 'exit-time' }>>>[] }
  | { kind: 'sweep'; baseKind: 'long-run'; cells: SweepCellResult<ArmsOf<Extract<RunResult, { kind: 'long-run' }>>>[] }
  | { kind: 'sweep'; baseKind: 'exit-time-2d'; cells: SweepCellResult<ArmsOf<ExitTime2DResult>>[] }
  | { kind: 'sweep'; baseKind: 'long-run-2d'; cells: SweepCellResult<ArmsOf<LongRun2DResult>>[] };

/** The same without heavy series: what a sweep's view reads. */
export type SweepResultSummary =
  | { kind: 'sweep'; baseKind: 'exit-time'; cells: SweepCellResult<ExitTimeArmSummary>[] }
  | { kind: 'sweep'; baseKind: 'long-run'; cells: SweepCellResult<LongRunArmSummary>[] }
  | { kind: 'sweep'; baseKind: 'exit-time-2d'; cells: SweepCellResult<ArmsOf<ExitTime2DResult>>[] }
  | { kind: 'sweep'; baseKind: 'long-run-2d'; cells: SweepCellResult<ArmsOf<LongRun2DResultSummary>>[] };

/**
 * The sweep's result from each cell's base-kind result, in grid order (as sweepCells gives the
 * cells). A cell's result must be of the base's kind.
 */
export function sweepResult(sweep: SweepConfig, perCell: readonly (RunResult | RunResultSummary)[], values: readonly SweepValues[]): SweepResultSummary {
  if (perCell.length !== values.length) throw new Error(`${perCell.length} cell results for ${values.length} cells`);
  for (const r of perCell) {
    if (r.kind !== sweep.base.kind) throw new Error(`a ${r.kind} result in a sweep of ${sweep.base.kind} cells`);
  }
  const cells = perCell.map((r, k) => ({ values: values[k], arms: r.arms }));
  return { kind: 'sweep', baseKind: sweep.base.kind, cells } as SweepResultSummary;
}
