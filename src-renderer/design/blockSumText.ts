import type { BlockSumEstimate } from '../../src-shared/stats/blockSumTailIndex';
import { formatSci } from '../format';

/**
 * The block-sum estimate as a sentence a reader can trust. The estimator measures 1/α with a
 * roughly normal error; when 1/α̂ lies within two standard errors of 0, α̂ = 1/(1/α̂) and its
 * delta-method error are meaningless (4,000 Student-t samples once read "α = 549 ± 1.29e4"), and
 * only a lower bound on α is honest. It is made for stable laws (α ≤ 2): a finite-variance
 * tail tends to 2, so above 2 the GPD fit is the one to read.
 */
export function blockSumText(e: BlockSumEstimate): string {
  const head = 'Block-sum estimate (Şimşekli et al.):';
  const inverse = `1/α̂ = ${formatSci(e.inverseAlpha)} ± ${formatSci(e.inverseAlphaStandardError)}`;
  const upper = e.inverseAlpha + 2 * e.inverseAlphaStandardError;
  if (e.inverseAlpha - 2 * e.inverseAlphaStandardError <= 0) {
    const bound = upper > 0 ? `, so it bounds α only from below: α ≥ ${formatSci(1 / upper)}` : '';
    return `${head} ${inverse}, within two standard errors of 0${bound}; too few samples for a value.`;
  }
  const beyondStable = e.alpha > 2 ? ' It is made for α ≤ 2 (stable laws); above 2 read the GPD fit.' : '';
  return `${head} α = ${formatSci(e.alpha)} ± ${formatSci(e.alphaStandardError)} (${inverse}).${beyondStable}`;
}
