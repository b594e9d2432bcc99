import type { ExperimentConfig } from '../../../src-shared/model/config';
import type { KernelParams } from '../tasks';
import { landscapeFamilyOf } from '../../../src-shared/landscapes/registry';

/** What a kernel needs of a run's landscape and one arm at one η. */
export function kernelParams(config: ExperimentConfig, arm: number, eta: number): KernelParams {
  const gradient = landscapeFamilyOf(config.landscape).gradient(config.landscape);
  const a = config.arms[arm];
  return { ...gradient, noise: { ...a.noise }, clip: a.clip, eta };
}
