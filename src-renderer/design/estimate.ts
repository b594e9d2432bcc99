import { workUpperBound, type ExperimentConfig } from '../../src-shared/model';
import type { TheoryReport } from '../../src-shared/theory/types';
import { startFieldTheory } from '../runTheory';

export interface WorkEstimate {
  /** Expected iterations (exit-time: from Theorem 1's mean exit when known). */
  iterations: number;
  /** At most this many iterations (every exit-time sample censored). */
  upperBound: number;
  /** True when every term came from the predicted mean exit 1/(q_i λ_i(η)). */
  fromTheory: boolean;
}

/**
 * The work a run will do. Long-run: exact (arms × paths × iterations). Exit-time: per arm and η,
 * samples × min(maxIterations, predicted mean exit from Ω_i(x0)) when the theory has it, else the
 * censoring bound — an over-estimate, said so in the UI.
 */
export function estimateWork(config: ExperimentConfig, theoryByEta: (TheoryReport | undefined)[] = []): WorkEstimate {
  const upperBound = workUpperBound(config);
  if (config.kind === 'long-run') return { iterations: upperBound, upperBound, fromTheory: true };
  let iterations = 0;
  let fromTheory = true;
  config.arms.forEach((_, a) => {
    config.etas.forEach((_, e) => {
      const predicted = startFieldTheory(config, theoryByEta[e], a)?.predictedMeanExit;
      if (predicted !== undefined && Number.isFinite(predicted) && predicted > 0) {
        iterations += config.samples * Math.min(config.maxIterations, predicted);
      } else {
        fromTheory = false;
        iterations += config.samples * config.maxIterations;
      }
    });
  });
  return { iterations, upperBound, fromTheory };
}

/** A machine-independent default when no run has reported its speed yet (single core, rough). */
export const assumedIterationsPerSecond = 2e7;
