import { fieldIndexOf, fields } from '../model/landscape';
import { exitExponent, lStar, radius } from '../theory/jumpCounts';
import { theoryReport } from '../theory/report';
import type { TheoryReport } from '../theory/types';
import type { TheoryReport2D } from '../theory2d/types';
import type { Landscape } from '../model/landscape';
import { sweepCells, type SweepConfig, type SweepValues } from './expandSweep';
import { isTwoDimensionalBase, type SweepBaseConfig } from './sweepFields';
import type { SweepField } from './sweepSchema';
import { cellReports2d, clipSteps2d, type ClipStep2D } from './sweepTheory2d';

/**
 * Where a clip axis crosses b = r_i/k: for b just above it l*_i = k, just below it k + 1, so the
 * exponent β_i steps from α + (α−1)(k−1) up to α + (α−1)k as b falls past it.
 */
export interface ClipBoundary {
  /** The field Ω_i whose l* changes here. */
  field: number;
  /** r_i, the distance from m_i to the nearer end of Ω_i. */
  radius: number;
  k: number;
  /** b = r_i / k. */
  b: number;
  /** True for the field that contains x0 (the one an exit-time run measures). */
  startField: boolean;
}

/** β = l·α − (l − 1): the exit-time exponent as a function of α at a fixed l*. */
export interface ExponentLine {
  lStar: number;
  slope: number;
  intercept: number;
  /** The line at the ends of the axis range, ready to draw: [[α, β], [α, β]]. */
  ends: [[number, number], [number, number]];
}

export type AxisBoundaries =
  | { axis: number; field: 'clip'; clip: ClipBoundary[] }
  /** A 2-D base: where each arm's l*_i by reachability changes between the axis's values. */
  | { axis: number; field: 'clip'; dimension: 2; steps: ClipStep2D[] }
  | { axis: number; field: 'alpha'; exponentLines: ExponentLine[] }
  | { axis: number; field: Exclude<SweepField, 'clip' | 'alpha'> };

export interface SweepTheoryCell {
  values: SweepValues;
  /** The base kind's theory JSON for the cell, as `lab theory` gives it for the cell's config (the R^2 report for a 2-D base). */
  report: TheoryReport | TheoryReport2D;
}

/** `lab theory` on a sweep. */
export interface SweepTheoryReport {
  cells: SweepTheoryCell[];
  boundaries: AxisBoundaries[];
}

/**
 * Per cell, the base kind's report (with `eta`, or for an η axis each cell's own η, the limit
 * constants and predicted mean exits too; those cost up to a second per new field and l* the
 * first time, so call this off the interactive thread for large grids), and per axis the
 * boundaries where the theory's prediction changes.
 */
export function sweepTheory(sweep: SweepConfig, eta?: number): SweepTheoryReport {
  if (isTwoDimensionalBase(sweep.base)) return sweepTheory2d(sweep);
  const etaAxis = sweep.over.some((a) => a.field === 'eta');
  const cells = sweepCells(sweep).map((cell) => ({
    values: cell.values,
    report: theoryReport(oneDimensional(cell.config), etaAxis && cell.config.kind === 'long-run' ? cell.config.eta : eta),
  }));
  return { cells, boundaries: sweepBoundaries(sweep) };
}

/**
 * A 2-D base: each cell's R^2 report (η plays no part in it), and on a clip axis the steps of
 * l* found by comparing neighbouring cells, since in 2-D there is no closed form r_i/k.
 */
function sweepTheory2d(sweep: SweepConfig): SweepTheoryReport {
  const cells = sweepCells(sweep);
  const analysis = cellReports2d(sweep.base as Parameters<typeof cellReports2d>[0], cells);
  const { reports, startBasin } = analysis;
  const boundaries = sweep.over.map((axis, k): AxisBoundaries => {
    if (axis.field === 'clip') return { axis: k, field: 'clip', dimension: 2, steps: clipSteps2d(sweep, cells, analysis, k) };
    if (axis.field === 'alpha') {
      const numbers = axis.values.filter((v): v is number => v !== null);
      const lStars = reports.flatMap((r) => r.arms.flatMap((a) => (a.applicable ? a.fields.filter((f) => f.index === startBasin).map((f) => f.lStar) : [])));
      return { axis: k, field: 'alpha', exponentLines: linesFor([...new Set(lStars)], numbers) };
    }
    return { axis: k, field: axis.field };
  });
  return { cells: cells.map((cell, k) => ({ values: cell.values, report: reports[k] })), boundaries };
}

/** The 1-D base's config (its landscape is the line's). */
function oneDimensional(config: SweepBaseConfig): Extract<SweepBaseConfig, { landscape: Landscape }> {
  if (isTwoDimensionalBase(config)) throw new Error('a 2-D base has no 1-D theory');
  return config;
}

/** The boundaries of every axis, in axis order. Cheap (no integrals): the renderer may call it per edit. */
export function sweepBoundaries(sweep: SweepConfig): AxisBoundaries[] {
  // A 2-D base's boundaries need the basin map (seconds): only sweepTheory computes them.
  if (isTwoDimensionalBase(sweep.base)) return sweep.over.map((axis, k) => ({ axis: k, field: axis.field }) as AxisBoundaries);
  return sweep.over.map((axis, k): AxisBoundaries => {
    const numbers = axis.values.filter((v): v is number => v !== null);
    if (axis.field === 'clip') return { axis: k, field: 'clip', clip: clipBoundaries(sweep, numbers) };
    if (axis.field === 'alpha') return { axis: k, field: 'alpha', exponentLines: exponentLines(sweep, numbers) };
    return { axis: k, field: axis.field };
  });
}

/** b = r_i/k for every field Ω_i and k ≥ 1 inside [min, max] of the axis, largest b first. */
export function clipBoundaries(sweep: SweepConfig, values: readonly number[]): ClipBoundary[] {
  if (values.length === 0) return [];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const base = sweep.base;
  if (isTwoDimensionalBase(base)) return [];
  const start = fieldIndexOf(base.landscape, base.x0);
  const out: ClipBoundary[] = [];
  for (const f of fields(base.landscape)) {
    const r = radius(f);
    if (!Number.isFinite(r)) continue;
    for (let k = Math.max(1, Math.ceil(r / hi)); r / k >= lo; k++) {
      const b = r / k;
      if (b <= hi) out.push({ field: f.index, radius: r, k, b, startField: f.index === start });
    }
  }
  return out.sort((p, q) => q.b - p.b || p.field - q.field);
}

/**
 * The lines β = α + (α−1)(l−1) for each l* the start field takes over the sweep's clips (one line
 * when the clip is fixed), drawn across the α axis's range.
 */
export function exponentLines(sweep: SweepConfig, alphas: readonly number[]): ExponentLine[] {
  if (alphas.length === 0) return [];
  const base = sweep.base;
  if (isTwoDimensionalBase(base)) return [];
  const start = fields(base.landscape)[fieldIndexOf(base.landscape, base.x0) - 1];
  if (!start) return [];
  const clipAxis = sweep.over.find((a) => a.field === 'clip');
  const clips = clipAxis ? clipAxis.values : [...new Set(sweep.base.arms.map((a) => a.clip))];
  return linesFor([...new Set(clips.map((b) => lStar(start, b)))], alphas);
}

/** β = α + (α−1)(l−1) for each l, drawn across [min, max] of the α values. */
function linesFor(lStars: readonly number[], alphas: readonly number[]): ExponentLine[] {
  if (alphas.length === 0) return [];
  const lo = Math.min(...alphas);
  const hi = Math.max(...alphas);
  return [...lStars].sort((p, q) => p - q).map((l) => ({
    lStar: l,
    slope: l,
    intercept: -(l - 1),
    ends: [
      [lo, exitExponent(lo, l)],
      [hi, exitExponent(hi, l)],
    ],
  }));
}

/** One flat step of the predicted exponent over a clip range. */
export interface StaircaseStep {
  /** The step holds for b in (from, to]; `from` < `to`. */
  from: number;
  to: number;
  lStar: number;
  exponent: number;
}

/**
 * The predicted exit-time exponent β of arm `arm` against b over the clip axis's range, as steps
 * between the start field's boundaries r/k. Empty when the arm's noise has no Pareto α (the
 * theory covers only heavy tails here) or the axis has no numeric b.
 */
export function clipStaircase(sweep: SweepConfig, arm: number, values: readonly (number | null)[]): StaircaseStep[] {
  const base = sweep.base;
  if (isTwoDimensionalBase(base)) return [];
  const noise = base.arms[arm]?.noise;
  const numbers = values.filter((v): v is number => v !== null);
  if (noise?.family !== 'pareto' || numbers.length === 0) return [];
  const start = fields(base.landscape)[fieldIndexOf(base.landscape, base.x0) - 1];
  if (!start) return [];
  const lo = Math.min(...numbers);
  const hi = Math.max(...numbers);
  const cuts = clipBoundaries(sweep, numbers)
    .filter((c) => c.startField && c.b > lo && c.b < hi)
    .map((c) => c.b)
    .sort((p, q) => p - q);
  const edges = [lo, ...cuts, hi];
  const steps: StaircaseStep[] = [];
  for (let k = 0; k + 1 < edges.length; k++) {
    const [from, to] = [edges[k], edges[k + 1]];
    if (!(to > from)) continue;
    const l = lStar(start, (from + to) / 2);
    steps.push({ from, to, lStar: l, exponent: exitExponent(noise.alpha, l) });
  }
  return steps;
}
