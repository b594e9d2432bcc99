import type { ExitTimeConfig } from '../../../src-shared/model/config';
import { exitTimeTheory } from '../../../src-shared/theory/report';

/** The theory's prediction for one arm: Ω_i of x0, l*_i and β_i; null when Theorem 1 does not apply. */
export type ArmTheoryLookup = (arm: number) => { field: number; lStar: number; exponent: number } | null;

/** Per arm of an exit-time run, the theory's exponent β_i for the field Ω_i that contains x0. */
export function armTheoryLookup(config: ExitTimeConfig): ArmTheoryLookup {
  const perArm = exitTimeTheory(config);
  return (arm) => perArm[arm] ?? null;
}
