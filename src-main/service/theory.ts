import type { TheoryReport } from '../../src-shared/theory/types';
import { theoryReport } from '../../src-shared/theory/report';
import { validConfig, validEta } from './inputs';

/** LabApi.theory: validate, expand, report. Needs no database, so `lab theory` calls it directly. */
export function labTheory(config: unknown, eta?: unknown): TheoryReport {
  return theoryReport(validConfig(config), validEta(eta));
}
