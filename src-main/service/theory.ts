import type { TheoryReport } from '../../src-shared/theory/types';
import { validConfig, validEta } from './inputs';
import type { TheoryPool } from './theoryPool';

/**
 * LabService.theory and `lab theory`: validate and expand here (cheap), compute the report on a
 * theory thread (see TheoryPool). Needs no database.
 */
export function labTheoryOn(pool: TheoryPool, config: unknown, eta?: unknown): Promise<TheoryReport> {
  return pool.report(validConfig(config), validEta(eta));
}
