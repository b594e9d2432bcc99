import type { ExperimentConfig } from '../src-shared/model';
import type { RunHeadline } from '../src-shared/api';
import { formatCount } from './format';
import { rendererKind } from './kinds/registry';

/** The key parameters of a run in one line, for tables. */
export function keyParams(config: ExperimentConfig): string {
  return rendererKind(config).keyParams(config);
}

/** A completed run's headline per arm: the fitted exit-time exponent, or the iterations simulated. */
export function headlineText(headline: RunHeadline | null): string {
  if (!headline) return '';
  return headline.arms
    .map((a) => `${a.label}: ${a.slope !== null ? `slope ${a.slope.toFixed(2)}` : a.iterations !== null ? `${formatCount(a.iterations)} it` : '—'}`)
    .join(' · ');
}
