import type { SweepConfig } from './expandSweep';
import { isTwoDimensionalBase } from './sweepFields';
import type { AxisBoundaries } from './sweepTheory';

/** 12 → "₁₂": field and basin indices as the views write them. */
export const subscript = (n: number): string => String(n).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]);
const fmt = (b: number) => String(Number(b.toPrecision(4)));

/** A long run visits every field, so every field's steps matter; an exit-time run measures only the start field's. */
export const stepsOfEveryField = (sweep: SweepConfig): boolean => sweep.base.kind === 'long-run' || sweep.base.kind === 'long-run-2d';

/**
 * Where the theory's l* changes along a clip axis, one line per step in increasing b, as the
 * designer and `lab theory` list it: from the axis's boundaries (b = r_i/k for a 1-D base, the
 * located steps of the lab's theory for a 2-D one). Only the start field's steps for an
 * exit-time base (the field it measures), every field's for a long run.
 */
export function clipStepLines(sweep: SweepConfig, boundary: AxisBoundaries | undefined): string[] {
  if (boundary?.field !== 'clip') return [];
  const everyField = stepsOfEveryField(sweep);
  if ('steps' in boundary) {
    const withArm = sweep.base.arms.length > 1;
    return boundary.steps
      .filter((s) => s.startBasin || everyField)
      .sort((p, q) => p.located[0] - q.located[0] || p.arm - q.arm || p.basin - q.basin)
      .map((s) => {
        const arm = withArm ? `${sweep.base.arms[s.arm]?.label ?? ''}, ` : '';
        return `${arm}basin ${s.basin}: l* ${s.lStar[0]} → ${s.lStar[1]} at b ≈ ${fmt((s.located[0] + s.located[1]) / 2)} (between ${s.between[0]} and ${s.between[1]})`;
      });
  }
  if (isTwoDimensionalBase(sweep.base)) return [];
  return boundary.clip
    .filter((c) => c.startField || everyField)
    .sort((p, q) => p.b - q.b || p.field - q.field)
    .map((c) => `Ω${subscript(c.field)}: l* ${c.k + 1} → ${c.k} at b = r${subscript(c.field)}/${c.k} = ${fmt(c.b)}`);
}
