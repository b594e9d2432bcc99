import { basinOf } from '../theory2d/basinMap';
import type { Arm2D } from '../theory2d/arm';
import { landscapeTheory2d, type LandscapeTheory2D } from '../theory2d/landscapeTheory';
import { armTheory2d, theoryReport2dOf } from '../theory2d/report';
import type { ArmTheory2D, TheoryReport2D } from '../theory2d/types';
import type { ExitTime2DConfig, LongRun2DConfig } from '../model/config2d';
import type { SweepCell, SweepConfig } from './expandSweep';

/**
 * Where l*_i by reachability changes between two neighbouring values of a clip axis of a 2-D
 * sweep. In 2-D the count comes from the jump sets on the basin map, not from r_i/k, so the
 * boundary is only known to lie between the two values the sweep evaluated (⌈r_i/b⌉, beside it
 * in each cell's report, is the guess for isotropic noise).
 */
export interface ClipStep2D {
  arm: number;
  basin: number;
  /** r_i of the basin. */
  radius: number;
  /** The two neighbouring clip values, smaller first. */
  between: [number, number];
  /**
   * Where l*_i changes, narrowed by bisection between the two values to the basin map's
   * resolution (at most a quarter of its spacing wide; the map cannot place it closer).
   */
  located: [number, number];
  /** l*_i just below and just above `located` (when l* falls by more than one between the two cells, one step per change). */
  lStar: [number, number];
  /** True for the basin of x0 (the one an exit-time run measures). */
  startBasin: boolean;
}

/**
 * Every cell's R^2 report from one analysis of the landscape (the axes never change it): the
 * basin map is traced once, each cell pays only its arms' reachability.
 */
export function cellReports2d(base: ExitTime2DConfig | LongRun2DConfig, cells: readonly SweepCell[]): { theory: LandscapeTheory2D; reports: TheoryReport2D[]; startBasin: number } {
  const theory = landscapeTheory2d(base.landscape);
  const reports = cells.map((cell) => theoryReport2dOf(theory, armsOf(cell)));
  return { theory, reports, startBasin: basinOf(theory.map, base.x0) };
}

const armsOf = (cell: SweepCell): readonly Arm2D[] => (cell.config as ExitTime2DConfig | LongRun2DConfig).arms;

/** Bisection halvings at most: from any gap between two cells to far below a map spacing. */
const MAX_HALVINGS = 30;

/**
 * Every change of l* (as `lStarAt` gives it) with clip in [lo, hi], knowing its values at both
 * ends: the interval is halved down to `resolution` (a quarter of the map's spacing h), keeping
 * each half whose ends differ (both when l* falls by two or more, so each change gets its own step).
 */
function locateSteps(lStarAt: (clip: number) => number | undefined, resolution: number, ends: { lo: number; hi: number; lLo: number; lHi: number }, depth = 0): { located: [number, number]; lStar: [number, number] }[] {
  const { lo, hi, lLo, lHi } = ends;
  if (hi - lo <= resolution || depth >= MAX_HALVINGS) return [{ located: [lo, hi], lStar: [lLo, lHi] }];
  const mid = (lo + hi) / 2;
  const lMid = lStarAt(mid);
  if (lMid === undefined) return [{ located: [lo, hi], lStar: [lLo, lHi] }];
  return [
    ...(lMid !== lLo ? locateSteps(lStarAt, resolution, { lo, hi: mid, lLo, lHi: lMid }, depth + 1) : []),
    ...(lMid !== lHi ? locateSteps(lStarAt, resolution, { lo: mid, hi, lLo: lMid, lHi }, depth + 1) : []),
  ];
}

/**
 * The steps of l*_i along clip axis `axis`: for each arm, basin and line of the grid along the
 * axis (the other axis held fixed), each pair of neighbouring numeric clips where the count
 * changes. Arms whose theory does not apply (light tails) have none.
 */
export function clipSteps2d(sweep: SweepConfig, cells: readonly SweepCell[], analysis: { theory: LandscapeTheory2D; reports: readonly TheoryReport2D[]; startBasin: number }, axis: number): ClipStep2D[] {
  const { theory, reports, startBasin } = analysis;
  // One reachability run per (arm, clip) however many basins step there: it gives every basin's l*.
  const reachability = new Map<string, ArmTheory2D>();
  const armAt = (a: number, arm: Arm2D, clip: number): ArmTheory2D => {
    const key = `${a}/${clip}`;
    const known = reachability.get(key) ?? armTheory2d(theory, { ...arm, clip });
    reachability.set(key, known);
    return known;
  };
  const other = sweep.over.find((_, k) => k !== axis);
  const lines = other ? other.values.map((v) => cells.filter((c) => c.values[other.field] === v)) : [cells];
  const field = sweep.over[axis].field;
  const seen = new Set<string>();
  const steps: ClipStep2D[] = [];
  for (const line of lines) {
    const byClip = line
      .map((c) => ({ b: c.values[field], report: reports[c.index], cell: c }))
      .filter((p): p is { b: number; report: TheoryReport2D; cell: SweepCell } => typeof p.b === 'number')
      .sort((p, q) => p.b - q.b);
    for (let k = 0; k + 1 < byClip.length; k++) {
      const [lo, hi] = [byClip[k], byClip[k + 1]];
      lo.report.arms.forEach((armLo, a) => {
        const armHi = hi.report.arms[a];
        if (!armLo.applicable || !armHi?.applicable) return;
        for (const f of armLo.fields) {
          const g = armHi.fields.find((h) => h.index === f.index);
          if (!g || g.lStar === f.lStar) continue;
          const id = `${a}/${f.index}/${lo.b}/${hi.b}`;
          if (seen.has(id)) continue;
          seen.add(id);
          const arm = armsOf(lo.cell)[a];
          const lStarAt = (clip: number) => armAt(a, arm, clip).fields.find((h) => h.index === f.index)?.lStar;
          for (const step of locateSteps(lStarAt, theory.map.h / 4, { lo: lo.b, hi: hi.b, lLo: f.lStar, lHi: g.lStar })) {
            steps.push({ arm: a, basin: f.index, radius: f.radius, between: [lo.b, hi.b], ...step, startBasin: f.index === startBasin });
          }
        }
      });
    }
  }
  return steps.sort((p, q) => q.between[1] - p.between[1] || p.arm - q.arm || p.basin - q.basin);
}
