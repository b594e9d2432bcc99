import { fieldIndexOf, type ExperimentConfig } from '../src-shared/model';
import { theoryReport, type FieldTheory, type TheoryReport } from '../src-shared/theory';

/**
 * Section 2 of the paper at each η of a config: one report per learning rate of an exit-time
 * sweep (in the config's order), the one η of a long run. Pure and local (src-shared/theory).
 */
export function theoryAtEachEta(config: ExperimentConfig): TheoryReport[] {
  const etas = config.kind === 'exit-time' ? config.etas : [config.eta];
  return etas.map((eta) => theoryReport(config, eta));
}

/** The report to show of `theoryAtEachEta(config)`: at the smallest η, closest to Theorem 1's limit. */
export function theoryAtSmallestEta(config: ExperimentConfig, reports: readonly TheoryReport[]): TheoryReport | null {
  if (config.kind === 'long-run') return reports[0] ?? null;
  return reports[config.etas.indexOf(Math.min(...config.etas))] ?? null;
}

/** Arm `arm`'s theory for Ω_i(x0), the field the run starts in; undefined when the report has none. */
export function startFieldTheory(config: ExperimentConfig, report: TheoryReport | undefined, arm: number): FieldTheory | undefined {
  const field = fieldIndexOf(config.landscape, config.x0);
  return report?.arms[arm]?.fields.find((f) => f.index === field);
}
