import { describe, expect, it } from 'vitest';
import { runTask } from '../../../src-main/engine/runTask';
import type { ExitTimeChunkResult } from '../../../src-main/engine/tasks';
import { exitTask, heavy, paper, params } from './fixtures';

/**
 * The simulator against Theorem 1, computed here independently of src-shared/theory.
 * Unclipped Pareto SGD (α = 1.2, scale 0.1, p₊ = 1/2) on the paper landscape from x0 = −0.7:
 * the mean first exit time from Ω2 = (s1, s2) is about 1/(q H(1/η)), with
 *   q = p₊ (s2 − m2)^−α + p₋ (m2 − s1)^−α   (a single jump of η Z past either saddle), and
 *   H(x) = P(|Z| > x) = P(W > x / scale) = (1 + x/scale)^−α   (p₊ = 1/2: no shift).
 * The exit lands in Ω1 with probability q_21/q = p₋ (m2 − s1)^−α / q.
 *
 * Finite-η bias (40,000 samples from x0 = −0.7, stream keys seed 7, arm 0, η index 0): with the
 * first, one-step-at-a-time kernel mean/prediction was 0.953 ± 0.005 at η = 0.003 (0.941 ± 0.004
 * at η = 0.01); re-measured with the current ziggurat/lane kernels, which draw different numbers
 * from the same streams, 0.960 ± 0.005 at η = 0.003 (0.951 ± 0.005 at η = 0.01).
 * docs/finite-eta-bias.md finds 0.95–0.96 down to η = 0.001. The convergence is slow because the
 * corrections shrink like a small power of η. The test centres on 0.953 (within 1.5 standard
 * errors of both measurements) and allows 4 standard errors of this test's own mean plus 0.01.
 */
describe('exit time from Ω2 against 1/(q H(1/η)), unclipped Pareto', () => {
  it('matches at η = 0.003 within the standard error (4,000 samples)', () => {
    const alpha = 1.2;
    const scale = 0.1;
    const eta = 0.003;
    const [, s1, m2, s2] = paper.criticalPoints;
    const q = 0.5 * (s2 - m2) ** -alpha + 0.5 * (m2 - s1) ** -alpha;
    const H = (1 + 1 / eta / scale) ** -alpha;
    const predicted = 1 / (q * H);

    const samples = 4000;
    const r = runTask(
      exitTask(params(heavy, null, eta), { seed: 3, sampleCount: samples, maxIterations: 1e9 }),
    ) as ExitTimeChunkResult;
    expect(r.exitTo.filter((j) => j === 0)).toHaveLength(0); // nothing censored
    const mean = r.exitTimes.reduce((a, b) => a + b, 0) / samples;
    const sd = Math.sqrt(r.exitTimes.reduce((a, t) => a + (t - mean) ** 2, 0) / (samples - 1));
    const se = sd / Math.sqrt(samples);
    expect(Math.abs(mean / predicted - 0.953)).toBeLessThan((4 * se) / predicted + 0.01);

    // Exit field: Ω1 with probability q_21/q (binomial SE; the same measurements found a bias
    // of −0.005 ± 0.004 and −0.004 ± 0.003 at η = 0.003, covered by the extra 0.01).
    const toLeft = 0.5 * (m2 - s1) ** -alpha / q;
    const share = r.exitTo.filter((j) => j === 1).length / samples;
    expect(Math.abs(share - toLeft)).toBeLessThan(4 * Math.sqrt((toLeft * (1 - toLeft)) / samples) + 0.01);
    // Every exit of unclipped SGD is a single jump; it may land in any other field.
    expect(new Set(r.exitTo)).toEqual(new Set([1, 3, 4]));
  });
});
