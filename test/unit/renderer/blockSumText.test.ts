import { describe, expect, it } from 'vitest';
import { blockSumText } from '../../../src-renderer/design/blockSumText';
import { blockSumTailIndex, type BlockSumEstimate } from '../../../src-shared/stats/blockSumTailIndex';

/** An estimate of 1/α with its standard error, the α fields by the delta method as the estimator gives them. */
const estimate = (inverseAlpha: number, se: number): BlockSumEstimate => ({
  inverseAlpha,
  inverseAlphaStandardError: se,
  alpha: 1 / inverseAlpha,
  alphaStandardError: se / inverseAlpha ** 2,
  blockSize: 63,
  blocks: 63,
});

describe('the block-sum estimate as the noise preview states it', () => {
  it('gives α ± its error when 1/α̂ is clear of 0', () => {
    expect(blockSumText(estimate(0.66, 0.02))).toBe('Block-sum estimate (Şimşekli et al.): α = 1.52 ± 0.0459 (1/α̂ = 0.66 ± 0.02).');
  });

  it('gives only a lower bound on α when 1/α̂ is within two standard errors of 0, never α̂ itself', () => {
    // The numbers that once read "α = 549 ± 1.29e4": 4,000 samples of a finite-variance law.
    const text = blockSumText(estimate(0.00182, 0.0428));
    expect(text).toBe('Block-sum estimate (Şimşekli et al.): 1/α̂ = 1.82e-3 ± 0.0428, within two standard errors of 0, so it bounds α only from below: α ≥ 11.4; too few samples for a value.');
    expect(text).not.toContain('549');
    expect(blockSumText(estimate(-0.1, 0.02))).toBe('Block-sum estimate (Şimşekli et al.): 1/α̂ = -0.1 ± 0.02, within two standard errors of 0; too few samples for a value.');
  });

  it('says the estimator is made for α ≤ 2 when it reads more', () => {
    expect(blockSumText(estimate(0.4, 0.01))).toMatch(/α = 2\.5 ± 0\.0625 .* It is made for α ≤ 2 \(stable laws\); above 2 read the GPD fit\.$/);
  });

  it('reads real Gaussian samples (α = 2 in the estimator\'s terms) as about 2 or a bound, never a wild value', () => {
    // Box–Muller from a fixed linear congruential stream.
    let state = 12345;
    const uniform = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) + 0.5) / 2 ** 31;
    const x = Array.from({ length: 4000 }, () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()));
    const text = blockSumText(blockSumTailIndex(x));
    expect(text).toMatch(/α = [12]\.\d+|α ≥ /);
  });
});
