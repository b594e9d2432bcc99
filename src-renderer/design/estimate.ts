import type { KernelSpeeds } from '../../src-shared/api';
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
  /** `iterations` split by arm (arms may run kernels of different speeds). */
  perArm: number[];
}

/**
 * The work a run will do. Long-run: exact (arms × paths × iterations). Exit-time: per arm and η,
 * samples × min(maxIterations, predicted mean exit from Ω_i(x0)) when the theory has it, else the
 * censoring bound — an over-estimate, said so in the UI.
 */
export function estimateWork(config: ExperimentConfig, theoryByEta: (TheoryReport | undefined)[] = []): WorkEstimate {
  const upperBound = workUpperBound(config);
  if (config.kind === 'long-run') {
    return { iterations: upperBound, upperBound, fromTheory: true, perArm: config.arms.map(() => config.paths * config.iterations) };
  }
  let fromTheory = true;
  const perArm = config.arms.map((_, a) => {
    let iterations = 0;
    config.etas.forEach((_, e) => {
      const predicted = startFieldTheory(config, theoryByEta[e], a)?.predictedMeanExit;
      if (predicted !== undefined && Number.isFinite(predicted) && predicted > 0) {
        iterations += config.samples * Math.min(config.maxIterations, predicted);
      } else {
        fromTheory = false;
        iterations += config.samples * config.maxIterations;
      }
    });
    return iterations;
  });
  return { iterations: perArm.reduce((s, n) => s + n, 0), upperBound, fromTheory, perArm };
}

export interface TimeEstimate {
  seconds: number;
  /** The run's overall speed this assumes: all its workers together. */
  iterationsPerSecond: number;
  /** Workers the run can keep busy: no more than its independent samples or paths. */
  workers: number;
}

/**
 * Wall time of a run from the kernel speeds measured on this machine: each arm's work at its
 * kernel's speed (by kind and noise family), spread over the workers. A tiny run's own wall time
 * is mostly start-up, so it is never used as a speed.
 */
export function estimateTime(config: ExperimentConfig, work: WorkEstimate, speeds: KernelSpeeds): TimeEstimate | null {
  const units = config.arms.length * (config.kind === 'long-run' ? config.paths : config.etas.length * config.samples);
  const workers = Math.max(1, Math.min(speeds.workers, units));
  let workerSeconds = 0;
  for (const [a, arm] of config.arms.entries()) {
    // Measured noise is not calibrated on its own: its sampler (one word, a GPD inversion 5% of the time) runs near Pareto's speed.
    const family = arm.noise.family === 'empirical' ? 'pareto' : arm.noise.family;
    const speed = speeds.perWorker.find((s) => s.kind === config.kind && s.family === family)?.iterationsPerSecond;
    if (!speed || !(speed > 0)) return null;
    workerSeconds += work.perArm[a] / speed;
  }
  const seconds = workerSeconds / workers;
  return { seconds, iterationsPerSecond: seconds > 0 ? work.iterations / seconds : 0, workers };
}
