import type { ExitTimeArmSummary, LongRunArmShare } from '../../src-shared/model';
import type { SweepCellResult, SweepResultSummary } from '../../src-shared/sweep';

/** What a two-axis heatmap can colour its cells by. */
export type SweepQuantity =
  | { kind: 'slope' }
  | { kind: 'slopeMinusPredicted' }
  /** Mean exit time at the base's η number `etaIndex`. */
  | { kind: 'meanExit'; etaIndex: number }
  /** Share of time in Ω_field (1-based). */
  | { kind: 'occupancy'; field: number }
  /** Share of time in M^large of the cell's typical transition graph. */
  | { kind: 'largeShare' };

export type SweepQuantityKind = SweepQuantity['kind'];

/** The quantities that make sense for a base kind, in menu order. */
export function quantitiesFor(baseKind: SweepResultSummary['baseKind']): SweepQuantityKind[] {
  return baseKind === 'exit-time' || baseKind === 'exit-time-2d' ? ['slope', 'slopeMinusPredicted', 'meanExit'] : ['occupancy', 'largeShare'];
}

export const quantityLabels: Record<SweepQuantityKind, string> = {
  slope: 'fitted exponent (slope of ln σ on ln 1/η)',
  slopeMinusPredicted: 'fitted exponent − predicted β',
  meanExit: 'mean exit time σ',
  occupancy: 'share of time in a field',
  largeShare: 'share of time in M^large',
};

/** A quantity's menu label; a 2-D base's shares are per basin. */
export const quantityLabel = (q: SweepQuantityKind, twoD: boolean): string => (twoD && q === 'occupancy' ? 'share of time in a basin' : quantityLabels[q]);

/** Where a share is counted: field Ωᵢ on the line, basin i in the plane. */
export const placeLabel = (i: number, twoD: boolean): string => (twoD ? `basin ${i}` : `Ω${i}`);

/** The colour scale's legend: what the number is and its unit. */
export function quantityUnit(q: SweepQuantity, twoD = false): string {
  switch (q.kind) {
    case 'slope':
      return 'β (dimensionless)';
    case 'slopeMinusPredicted':
      return 'Δβ (dimensionless)';
    case 'meanExit':
      return 'log₁₀ iterations';
    case 'occupancy':
      return `fraction of time in ${placeLabel(q.field, twoD)}`;
    case 'largeShare':
      return 'fraction of time in M^large';
  }
}

/**
 * The cell's value of a quantity for one arm, or null when it has none yet (no fit, no samples,
 * no theory). Mean exit times are returned as log₁₀ so a colour scale spans their decades.
 * `largeMinima` is the cell's M^large for that arm (from its theory), when defined.
 */
export function cellQuantity(
  cell: SweepCellResult<ExitTimeArmSummary> | SweepCellResult<LongRunArmShare>,
  arm: number,
  q: SweepQuantity,
  largeMinima?: readonly number[],
): number | null {
  const a = cell.arms[arm];
  if (!a) return null;
  if ('points' in a) {
    if (q.kind === 'slope') return a.fit?.slope ?? null;
    if (q.kind === 'slopeMinusPredicted') return a.fit && a.theory ? a.fit.slope - a.theory.exponent : null;
    if (q.kind === 'meanExit') {
      const p = a.points[q.etaIndex];
      return p && p.samples > 0 && p.mean > 0 ? Math.log10(p.mean) : null;
    }
    return null;
  }
  if (a.iterations === 0) return null;
  if (q.kind === 'occupancy') return a.occupancy[q.field - 1] ?? null;
  if (q.kind === 'largeShare') {
    if (!largeMinima) return null;
    return largeMinima.reduce((s, i) => s + (a.occupancy[i - 1] ?? 0), 0);
  }
  return null;
}
