import { fieldIndexOf, type ExperimentConfig } from '../src-shared/model';
import type { FieldTheory, TheoryReport } from '../src-shared/theory';

/** Arm `arm`'s theory for Ω_i(x0), the field the run starts in; undefined when the report has none. */
export function startFieldTheory(config: ExperimentConfig, report: TheoryReport | undefined, arm: number): FieldTheory | undefined {
  const field = fieldIndexOf(config.landscape, config.x0);
  return report?.arms[arm]?.fields.find((f) => f.index === field);
}
