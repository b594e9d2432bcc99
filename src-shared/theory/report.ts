import type { ExperimentConfig } from '../model/config';
import { fieldIndexOf, fields } from '../model/landscape';
import { armTheory } from './armTheory';
import type { TheoryReport } from './types';

/**
 * `lab theory`: the landscape's fields and, per arm, Section 2 of the paper; with an η, also
 * the limit constants and predicted mean exit times. Pure. With an η, ≈ 0.5 ms for an arm
 * with l* = 2 fields (the quadrature case), ≈ 0.1 ms for l* = 1; a field with l* ≥ 3 costs
 * tens of milliseconds the first time (up to ≈ 1 s when r_i/b is just above an integer, see
 * the README), after which limitConstants remembers it for every η, so the renderer may
 * still call this on every edit.
 */
export function theoryReport(config: Pick<ExperimentConfig, 'landscape' | 'arms'>, eta?: number): TheoryReport {
  const report: TheoryReport = {
    fields: fields(config.landscape),
    arms: config.arms.map((arm) => armTheory(config.landscape, arm, eta)),
  };
  if (eta !== undefined && Number.isFinite(eta) && eta > 0) report.eta = eta;
  return report;
}

/** What an exit-time arm's result stores as `theory`: the field Ω_i of x0, l*_i and β_i. */
export interface ExitFieldTheory {
  field: number;
  lStar: number;
  exponent: number;
}

/**
 * For each arm of a run: the field containing x0 with its l* and exponent β, or null when
 * Theorem 1 does not apply (light-tailed noise, a failed assumption, x0 on a saddle).
 */
export function exitTimeTheory(config: ExperimentConfig): (ExitFieldTheory | null)[] {
  const field = fieldIndexOf(config.landscape, config.x0);
  return config.arms.map((arm) => {
    const t = armTheory(config.landscape, arm);
    const f = t.applicable && field > 0 ? t.fields[field - 1] : undefined;
    return f ? { field, lStar: f.lStar, exponent: f.exponent } : null;
  });
}
