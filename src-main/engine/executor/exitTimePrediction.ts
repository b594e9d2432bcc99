import type { ExitTimeConfig } from '../../../src-shared/model/config';
import { fieldIndexOf } from '../../../src-shared/model/landscape';
import { fieldMeanExit } from '../../../src-shared/theory/armTheory';
import type { MeanExitPrediction } from './exitTimeEstimate';

/**
 * The theory's mean first exit time 1/(q_i λ_i(η)) from the field Ω_i of x0, per (arm, η
 * index), computed once each on demand. Null where the theory has none (light tails, failed
 * assumptions, x0 on a saddle). Only progress and chunk sizes use it.
 */
export function meanExitPrediction(config: ExitTimeConfig): MeanExitPrediction {
  const field = fieldIndexOf(config.landscape, config.x0);
  const cache = new Map<string, number | null>();
  return (arm, etaIndex) => {
    const key = `${arm}/${etaIndex}`;
    if (!cache.has(key)) cache.set(key, predict(config, field, arm, etaIndex));
    return cache.get(key) ?? null;
  };
}

function predict(config: ExitTimeConfig, field: number, arm: number, etaIndex: number): number | null {
  try {
    const predicted = field > 0 ? fieldMeanExit(config.landscape, config.arms[arm], config.etas[etaIndex], field) : undefined;
    return predicted !== undefined && Number.isFinite(predicted) && predicted > 0 ? predicted : null;
  } catch {
    // A prediction is a convenience for the progress bar; a theory failure must not stop a run.
    return null;
  }
}
