import type { ExitTimeArmSummary, LongRunArmShare } from '../../src-shared/model';
import type { ExitTime2DArmResult, LongRun2DArmResult } from '../../src-shared/model/results2d';
import type { ClipStep2D, StaircaseStep, SweepCellResult, SweepResultSummary } from '../../src-shared/sweep';

/**
 * A sweep's cells as the grid charts read them, whatever the base's dimension. A 2-D exit-time
 * arm already has what they read (per-η points, the fit, the predicted exponent and l*); a 2-D
 * long-run arm's share per basin plays the 1-D share per field, and its histogram's total is the
 * iterations counted so far. The charts' fields (`occupancy`, `Ω`) then mean basins.
 */
export type GridCells = { kind: 'exit-time'; cells: SweepCellResult<ExitTimeArmSummary>[] } | { kind: 'long-run'; cells: SweepCellResult<LongRunArmShare>[] };

export function gridCells(result: SweepResultSummary): GridCells {
  switch (result.baseKind) {
    case 'exit-time':
      return { kind: 'exit-time', cells: result.cells };
    case 'exit-time-2d':
      return { kind: 'exit-time', cells: result.cells.map((c) => ({ values: c.values, arms: c.arms.map(exitArm) })) };
    case 'long-run':
      return { kind: 'long-run', cells: result.cells };
    case 'long-run-2d':
      return { kind: 'long-run', cells: result.cells.map((c) => ({ values: c.values, arms: c.arms.map(longArm) })) };
  }
}

function exitArm(a: ExitTime2DArmResult): ExitTimeArmSummary {
  return {
    label: a.label,
    clip: a.clip,
    points: a.points.map(({ exitTimes: _, ...p }) => p),
    fit: a.fit,
    theory: a.theory && { field: a.theory.basin, lStar: a.theory.lStar, exponent: a.theory.exponent },
  };
}

function longArm(a: Omit<LongRun2DArmResult, 'trajectories'>): LongRunArmShare {
  const iterations = a.histogram.counts.reduce((s, row) => s + row.reduce((t, v) => t + v, 0), 0);
  return { label: a.label, clip: a.clip, occupancy: a.share, iterations };
}

/** Whether a sweep's result is over a 2-D base. */
export function isTwoDimensionalGrid(result: SweepResultSummary): boolean {
  return result.baseKind === 'exit-time-2d' || result.baseKind === 'long-run-2d';
}

/**
 * A 2-D clip axis's predicted exponent as flat steps from the cells' own predictions: in 2-D
 * l* comes from reachability per cell, with no closed form r/k between cells, so each cell's
 * step reaches halfway to its neighbours (where l* changes between two cells is only known to
 * lie between them).
 */
export function cellSteps(points: readonly { x: number; predicted: number | null }[], lStars: readonly (number | null)[]): StaircaseStep[] {
  const known = points.map((p, k) => ({ ...p, lStar: lStars[k] })).filter((p): p is { x: number; predicted: number; lStar: number } => p.predicted !== null && p.lStar !== null);
  known.sort((p, q) => p.x - q.x);
  return known.map((p, k) => ({
    from: k === 0 ? p.x : (known[k - 1].x + p.x) / 2,
    to: k === known.length - 1 ? p.x : (p.x + known[k + 1].x) / 2,
    lStar: p.lStar,
    exponent: p.predicted,
  })).filter((s) => s.to > s.from);
}

/**
 * The same steps placed where the lab's theory located them (bisection on the basin map between
 * neighbouring cells, `steps`: one arm's, start basin only) instead of halfway. The exponent of an
 * l* no cell has (l* falling by two between cells) follows from a cell's: β = α + (α−1)(l−1).
 */
export function locatedCellSteps(points: readonly { x: number; predicted: number | null }[], lStars: readonly (number | null)[], steps: readonly ClipStep2D[]): StaircaseStep[] {
  const known = points.map((p, k) => ({ ...p, lStar: lStars[k] })).filter((p): p is { x: number; predicted: number; lStar: number } => p.predicted !== null && p.lStar !== null);
  if (known.length === 0) return [];
  known.sort((p, q) => p.x - q.x);
  const first = known[0];
  const alpha = (first.predicted + first.lStar - 1) / first.lStar;
  const exponent = (l: number) => alpha + (alpha - 1) * (l - 1);
  const lo = first.x;
  const hi = known[known.length - 1].x;
  const cuts = steps
    .map((s) => ({ at: (s.located[0] + s.located[1]) / 2, above: s.lStar[1] }))
    .filter((c) => c.at > lo && c.at < hi)
    .sort((p, q) => p.at - q.at);
  const out: StaircaseStep[] = [];
  let from = lo;
  let lStar = first.lStar;
  for (const cut of cuts) {
    out.push({ from, to: cut.at, lStar, exponent: exponent(lStar) });
    from = cut.at;
    lStar = cut.above;
  }
  out.push({ from, to: hi, lStar, exponent: exponent(lStar) });
  return out.filter((s) => s.to > s.from);
}
