import type { ExitTimeArmSummary, LongRunArmShare } from '../../src-shared/model';
import { armTheory } from '../../src-shared/theory/armTheory';
import type { TheoryReport2D } from '../../src-shared/theory2d/types';
import {
  clipStaircase,
  stepsOfEveryField,
  subscript,
  type AxisBoundaries,
  type ClipStep2D,
  isTwoDimensionalBase,
  sweepBoundaries,
  sweepCells,
  sweepFieldLabels,
  type SweepCellResult,
  type SweepConfig,
  type SweepValue,
} from '../../src-shared/sweep';
import type { SweepBoundaryLine, SweepExponentInput } from './sweepExponentOption';
import type { SweepHeatmapInput } from './sweepHeatmapOption';
import { categoryPosition } from './sweepHeatmapOption';
import type { SweepShareCell } from './sweepShareOption';
import { cellSteps, locatedCellSteps, type GridCells } from './sweepCells2d';
import { cellQuantity, quantityUnit, type SweepQuantity } from './sweepQuantities';

/** How an axis value reads on a chart. */
export function axisValueLabel(v: SweepValue): string {
  return v === null ? 'unclipped' : String(v);
}


/** The b = r_i/k lines of axis `axis`, labelled "r₂/3"; the start field's are emphasised. */
export function clipLines(sweep: SweepConfig, axis: number): SweepBoundaryLine[] {
  const b = sweepBoundaries(sweep)[axis];
  if (b?.field !== 'clip' || !('clip' in b)) return [];
  return b.clip.map((c) => ({ x: c.b, label: `r${subscript(c.field)}/${c.k}`, emphasis: c.startField }));
}

/** A one-axis exit-time sweep as the exponent chart draws it (cells with a null value left out). */
export function exponentInput(sweep: SweepConfig, cells: readonly SweepCellResult<ExitTimeArmSummary>[], lab2d?: SweepTheory2D): SweepExponentInput {
  const axis = sweep.over[0];
  const twoD = isTwoDimensionalBase(sweep.base);
  const numeric = axis.values.filter((v): v is number => v !== null);
  const arms = sweep.base.arms.map((arm, a) => ({
    label: arm.label,
    points: cells.flatMap((cell, k) => {
      const x = cell.values[axis.field];
      const r = cell.arms[a];
      if (x === null || x === undefined || !r) return [];
      return [{ x, cell: k, slope: r.fit?.slope ?? null, stderr: r.fit?.slopeStderr ?? null, predicted: r.theory?.exponent ?? null }];
    }),
    staircase: axis.field !== 'clip' ? [] : twoD ? [] : clipStaircase(sweep, a, axis.values),
  }));
  // A 2-D base's l* comes from reachability per cell, so its steps are the cells' own predictions,
  // placed where the lab's theory located them once it has answered, else halfway between cells.
  let lines = clipLines(sweep, 0);
  if (twoD && axis.field === 'clip') {
    const steps2d = stepsOn(lab2d, 0);
    arms.forEach((arm, a) => {
      const lStars = arm.points.map((p) => cells[p.cell]?.arms[a]?.theory?.lStar ?? null);
      const mine = steps2d?.filter((s) => s.arm === a && s.startBasin);
      arm.staircase = mine ? locatedCellSteps(arm.points, lStars, mine) : cellSteps(arm.points, lStars);
    });
    lines = (steps2d ?? []).filter((s) => s.startBasin).map((s) => ({ x: locatedAt(s), label: stepLabel(sweep, s, arms.length > 1), emphasis: true }));
  }
  const positive = numeric.length > 0 && Math.min(...numeric) > 0;
  return {
    axisName: sweepFieldLabels[axis.field],
    arms,
    boundaries: lines,
    logAxis: positive && Math.max(...numeric) / Math.min(...numeric) >= 10,
  };
}

/**
 * The lab's theory of a sweep over a 2-D base (LabApi.theory): each cell's R^2 report and each
 * axis's boundaries, a clip axis's l* steps located on the basin map. Its graphs cost seconds, so
 * it is asked of the lab, never computed per edit; the charts draw without it until it arrives.
 */
export interface SweepTheory2D {
  reports: readonly TheoryReport2D[];
  boundaries: readonly AxisBoundaries[];
}

/** Axis `axis`'s located l* steps, when it is a clip axis and the lab has answered. */
function stepsOn(lab2d: SweepTheory2D | undefined, axis: number): readonly ClipStep2D[] | undefined {
  const b = lab2d?.boundaries[axis];
  return b?.field === 'clip' && 'steps' in b ? b.steps : undefined;
}

const locatedAt = (s: ClipStep2D) => (s.located[0] + s.located[1]) / 2;

/** "l*₁ 3→2", prefixed with the arm's label when several arms share the chart. */
const stepLabel = (sweep: SweepConfig, s: ClipStep2D, withArm: boolean) =>
  `${withArm ? `${sweep.base.arms[s.arm]?.label ?? ''}: ` : ''}l*${subscript(s.basin)} ${s.lStar[0]}→${s.lStar[1]}`;

/** M^large of each cell's arm `arm` (undefined where the theory leaves it undefined, or has not arrived). */
export function cellLargeMinima(sweep: SweepConfig, arm: number, lab2d?: SweepTheory2D): (number[] | undefined)[] {
  return sweepCells(sweep).map(({ config }, k) => {
    if (isTwoDimensionalBase(config)) return lab2d?.reports[k]?.arms[arm]?.largeMinima;
    const a = config.arms[arm];
    return a ? armTheory(config.landscape, a).largeMinima : undefined;
  });
}

/** A one-axis long-run sweep, one arm, as the share chart draws it. */
export function shareCells(sweep: SweepConfig, cells: readonly SweepCellResult<LongRunArmShare>[], arm: number, lab2d?: SweepTheory2D): SweepShareCell[] {
  const field = sweep.over[0].field;
  const large = cellLargeMinima(sweep, arm, lab2d);
  return cells.map((cell, k) => {
    const r = cell.arms[arm];
    return {
      label: axisValueLabel(cell.values[field] ?? null),
      cell: k,
      occupancy: r && r.iterations > 0 ? r.occupancy : [],
      largeMinima: large[k],
    };
  });
}

/** A two-axis sweep as the heatmap draws it: one quantity of one arm per cell. */
export function heatmapInput(sweep: SweepConfig, grid: GridCells, quantity: SweepQuantity, arm: number, lab2d?: SweepTheory2D): SweepHeatmapInput {
  const [ax, ay] = sweep.over;
  const large = quantity.kind === 'largeShare' ? cellLargeMinima(sweep, arm, lab2d) : [];
  const cells: readonly (SweepCellResult<ExitTimeArmSummary> | SweepCellResult<LongRunArmShare>)[] = grid.cells;
  const values = cells.map((cell, k) => cellQuantity(cell, arm, quantity, large[k]));
  const boundaries: SweepHeatmapInput['boundaries'] = [];
  const everyField = stepsOfEveryField(sweep);
  [ax, ay].forEach((axis, k) => {
    // A 2-D base's lines are the lab's located l* steps of the chosen arm.
    const lines = isTwoDimensionalBase(sweep.base)
      ? (stepsOn(lab2d, k) ?? []).filter((s) => s.arm === arm).map((s) => ({ x: locatedAt(s), label: stepLabel(sweep, s, false), emphasis: s.startBasin }))
      : clipLines(sweep, k);
    for (const line of lines) {
      const position = categoryPosition(axis.values, line.x);
      // Only the start field's steps for an exit-time base (the field it measures); every field's for a long run.
      if (position !== null && (line.emphasis || everyField)) boundaries.push({ axis: k === 0 ? 'x' : 'y', position, label: line.label });
    }
  });
  return {
    x: { name: sweepFieldLabels[ax.field], labels: ax.values.map(axisValueLabel) },
    y: { name: sweepFieldLabels[ay.field], labels: ay.values.map(axisValueLabel) },
    values,
    unit: quantityUnit(quantity, isTwoDimensionalBase(sweep.base)),
    boundaries,
    notes: cells.map((cell) => cellNote(cell.arms[arm])),
    diverging: quantity.kind === 'slopeMinusPredicted',
  };
}

function cellNote(arm: ExitTimeArmSummary | LongRunArmShare | undefined): string {
  if (!arm) return '';
  if ('points' in arm) {
    const samples = arm.points.reduce((s, p) => s + p.samples, 0);
    const censored = arm.points.reduce((s, p) => s + p.censored, 0);
    const predicted = arm.theory ? `, predicted β ${arm.theory.exponent.toFixed(3)} (l* = ${arm.theory.lStar})` : '';
    return `${samples} samples, ${censored} censored${predicted}`;
  }
  return `${arm.iterations.toLocaleString('en-US')} iterations`;
}
