import type { ExperimentConfig } from '../src-shared/model';
import type { RunHeadline } from '../src-shared/api';
import { formatCount, formatSci } from './format';

/** The key parameters of a run in one line, for tables. */
export function keyParams(config: ExperimentConfig): string {
  const arms = `${config.arms.length} arm${config.arms.length === 1 ? '' : 's'}`;
  if (config.kind === 'exit-time') {
    const etas = [...config.etas].sort((a, b) => b - a);
    const range = etas.length > 1 ? `η ${formatSci(etas[0])}…${formatSci(etas[etas.length - 1])} (${etas.length})` : `η ${formatSci(etas[0])}`;
    return `${range} · ${config.samples} samples · ${arms}`;
  }
  return `η ${formatSci(config.eta)} · ${config.paths} × ${formatCount(config.iterations)} it · ${arms}`;
}

/** A completed run's headline per arm: the fitted exit-time exponent, or the iterations simulated. */
export function headlineText(headline: RunHeadline | null): string {
  if (!headline) return '';
  return headline.arms
    .map((a) => `${a.label}: ${a.slope !== null ? `slope ${a.slope.toFixed(2)}` : a.iterations !== null ? `${formatCount(a.iterations)} it` : '—'}`)
    .join(' · ');
}
