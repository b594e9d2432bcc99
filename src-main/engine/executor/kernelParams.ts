import type { ExperimentConfig } from '../../../src-shared/model/config';
import type { KernelParams } from '../tasks';

/** What a kernel needs of a run's landscape and one arm at one η. */
export function kernelParams(config: ExperimentConfig, arm: number, eta: number): KernelParams {
  const { criticalPoints, L, gradientScale } = config.landscape;
  const a = config.arms[arm];
  return { criticalPoints: [...criticalPoints], L, gradientScale, noise: { ...a.noise }, clip: a.clip, eta };
}
