import { experimentKind } from '../kinds/registry';
import type { Landscape } from './landscape';
import type { Noise } from './noise';

/** One arm: a noise and a clip threshold b (null = unclipped SGD, eq. 10). */
export interface Arm {
  label: string;
  noise: Noise;
  clip: number | null;
}

interface CommonConfig {
  name: string;
  landscape: Landscape;
  x0: number;
  seed: number;
  arms: Arm[];
}

/** Figure 4: first exit time σ from the field that contains x0. */
export interface ExitTimeConfig extends CommonConfig {
  kind: 'exit-time';
  etas: number[];
  samples: number;
  maxIterations: number;
}

/** Figures 1 and 5: long paths at one η. */
export interface LongRunConfig extends CommonConfig {
  kind: 'long-run';
  eta: number;
  paths: number;
  iterations: number;
  bins: number;
  thin: number;
  epsilon: number;
}

/** A fully expanded config: presets resolved and defaults filled; this is what a run stores. */
export type ExperimentConfig = ExitTimeConfig | LongRunConfig;
export type ExperimentKind = ExperimentConfig['kind'];

/** Total iterations a run will do at most (exit-time: every sample censored); each kind says. */
export function workUpperBound(config: ExperimentConfig): number {
  return experimentKind(config.kind).workUpperBound(config);
}
