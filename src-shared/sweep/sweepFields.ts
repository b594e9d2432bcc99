import type { ExitTimeConfig, LongRunConfig } from '../model/config';
import type { ExitTime2DConfig, LongRun2DConfig } from '../model/config2d';
import type { SweepField } from './sweepSchema';

/** What a sweep's base may be: an exit-time or long-run experiment on the line or the plane, expanded. */
export type SweepBaseConfig = ExitTimeConfig | LongRunConfig | ExitTime2DConfig | LongRun2DConfig;
export type SweepValue = number | null;
/** An arm of any base (a 2-D arm's noise also has a direction, which no axis changes). */
export type SweepArm = SweepBaseConfig['arms'][number];

/** Whether a base runs on a 2-D landscape (its kind is the 2-D variant). */
export function isTwoDimensionalBase(base: Pick<SweepBaseConfig, 'kind'>): base is ExitTime2DConfig | LongRun2DConfig {
  return base.kind === 'exit-time-2d' || base.kind === 'long-run-2d';
}

/** Whether a base is a long run (1-D or 2-D): the kinds with one η of their own. */
export function isLongRunBase(base: Pick<SweepBaseConfig, 'kind'>): base is LongRunConfig | LongRun2DConfig {
  return base.kind === 'long-run' || base.kind === 'long-run-2d';
}

/**
 * The noise families each noise parameter lives in, by family name. Names of families the schema
 * does not know yet (stable, student) simply match no arm until it does, so the rule is written
 * once, as the contract says it.
 */
const noiseFieldFamilies: Record<Exclude<SweepField, 'clip' | 'eta'>, readonly string[]> = {
  alpha: ['pareto', 'stable'],
  nu: ['student'],
  scale: ['pareto', 'stable', 'student'],
  sigma: ['gaussian'],
};

/** How the axis is named in messages and on charts. */
export const sweepFieldLabels: Record<SweepField, string> = {
  clip: 'clip b',
  alpha: 'tail index α',
  nu: 'degrees of freedom ν',
  scale: 'noise scale',
  sigma: 'Gaussian σ',
  eta: 'learning rate η',
};

const appliesTo: Record<SweepField, string> = {
  clip: 'every arm',
  alpha: 'Pareto and α-stable arms',
  nu: 'Student-t arms',
  scale: 'heavy-tailed arms',
  sigma: 'Gaussian arms',
  eta: 'a long-run base',
};

/** Does the field change this arm? (clip: every arm; eta: no arm, it is the run's.) */
export function fieldTouchesArm(field: SweepField, arm: SweepArm): boolean {
  if (field === 'clip') return true;
  if (field === 'eta') return false;
  return noiseFieldFamilies[field].includes(arm.noise.family);
}

/** Why this field cannot be an axis of this base, or null when it can. */
export function fieldProblem(field: SweepField, base: SweepBaseConfig): string | null {
  if (field === 'eta') {
    return isLongRunBase(base) ? null : 'η is an axis only for a long-run base; an exit-time run already measures every η in its etas';
  }
  if (base.arms.some((arm) => fieldTouchesArm(field, arm))) return null;
  return `no arm of the base has a ${sweepFieldLabels[field]} (it applies to ${appliesTo[field]})`;
}

/**
 * The base with one field set to `value`: exactly the config a user would write to run that cell
 * alone. Arms the field does not touch are left as they are.
 */
export function withField(config: SweepBaseConfig, field: SweepField, value: SweepValue): SweepBaseConfig {
  if (field === 'eta') return { ...config, eta: value } as SweepBaseConfig;
  const arms = config.arms.map((arm: SweepArm): SweepArm => {
    if (!fieldTouchesArm(field, arm)) return arm;
    if (field === 'clip') return { ...arm, clip: value };
    return { ...arm, noise: { ...arm.noise, [field]: value } } as SweepArm;
  });
  return { ...config, arms } as SweepBaseConfig;
}

/** The first arm a field touches (for a message's "where"). */
export function firstTouchedArm(field: SweepField, base: SweepBaseConfig): number {
  return base.arms.findIndex((arm) => fieldTouchesArm(field, arm));
}
