import type { ExperimentConfig } from '../src-shared/model';
import { predictedMeanExit, tail, theoryReport, timeScale, type TheoryReport } from '../src-shared/theory';
import { rendererKind } from './kinds/registry';

export { startFieldTheory } from './startFieldTheory';

/**
 * Section 2 of the paper at each η the config's kind reports at (`theoryEtas`: every η of an
 * exit-time grid in the config's order, the one η of a long run). Pure and local (src-shared/theory).
 * The limit constants q_i, q_ij are the expensive part (integrals over the gradient flow) and do
 * not depend on η, only λ_i(η) does: they are computed once, at the first η, so a sweep of up to
 * 100 η on a large landscape costs one report, not a hundred, on this thread.
 */
export function theoryAtEachEta(config: ExperimentConfig): TheoryReport[] {
  const [first, ...rest] = rendererKind(config).theoryEtas(config);
  const base = theoryReport(config, first);
  return [base, ...rest.map((eta) => rescaled(config, base, eta))];
}

/** `base` at another η: each predicted mean exit time 1/(q_i λ_i(η)) with the same q_i. */
function rescaled(config: ExperimentConfig, base: TheoryReport, eta: number): TheoryReport {
  return {
    ...base,
    eta,
    arms: base.arms.map((arm, a) => ({
      ...arm,
      ...(arm.tail ? { tail: { ...arm.tail, h: tail(config.arms[a].noise, 1 / eta) } } : {}),
      fields: arm.fields.map((f) =>
        f.q === undefined || f.predictedMeanExit === undefined
          ? f
          : { ...f, predictedMeanExit: predictedMeanExit(f.q, timeScale(config.arms[a].noise, eta, f.lStar)) },
      ),
    })),
  };
}

/** The report to show of `theoryAtEachEta(config)`: at the smallest η, closest to Theorem 1's limit. */
export function theoryAtSmallestEta(config: ExperimentConfig, reports: readonly TheoryReport[]): TheoryReport | null {
  return reports[rendererKind(config).shownTheoryIndex(config)] ?? null;
}
