import type { LabTheoryReport } from '../../src-shared/api';
import { validConfig, validEta } from './inputs';
import type { TheoryPool } from './theoryPool';
import type { ExperimentConfig } from '../../src-shared/model/config';
import type { NoiseAssets } from '../../src-shared/model/noiseAsset';

/**
 * LabService.theory and `lab theory`: validate and expand here (cheap), compute the report on a
 * theory thread (see TheoryPool). Needs no database; measured noise comes from `assetsFor`.
 */
export async function labTheoryOn(
  pool: TheoryPool,
  config: unknown,
  eta?: unknown,
  assetsFor?: (config: ExperimentConfig) => NoiseAssets,
): Promise<LabTheoryReport> {
  const valid = validConfig(config);
  const e = validEta(eta);
  return pool.report(valid, e, assetsFor?.(valid));
}
