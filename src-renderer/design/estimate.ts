import type { KernelSpeeds } from '../../src-shared/api';
import type { ExperimentConfig } from '../../src-shared/model';
import type { TheoryReport } from '../../src-shared/theory/types';
import { rendererKind } from '../kinds/registry';

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
 * The work a run will do, as its kind estimates it (long-run: exact; exit-time: from Theorem 1's
 * predicted mean exit where known, else the censoring bound). `theoryByEta` follows the kind's
 * `theoryEtas`.
 */
export function estimateWork(config: ExperimentConfig, theoryByEta: (TheoryReport | undefined)[] = []): WorkEstimate {
  return rendererKind(config).estimateWork(config, theoryByEta);
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
  const units = rendererKind(config).parallelUnits(config);
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
