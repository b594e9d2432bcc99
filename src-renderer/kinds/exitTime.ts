import { fieldIndexOf, workUpperBound, type ExitTimeConfig } from '../../src-shared/model';
import { formatSci } from '../format';
import { startFieldTheory } from '../startFieldTheory';
import { armCount, type RendererKind } from './rendererKind';

/** The exit-time kind in the renderer: an η grid, theory per η, work bounded by censoring. */
export const exitTimeView: RendererKind<ExitTimeConfig> = {
  kind: 'exit-time',
  settingsTitle: 'First exit from Ω(x₀)',
  settingsPaths: ['etas', 'samples', 'maxIterations'],
  theoryEtas: (c) => c.etas,
  shownTheoryIndex: (c) => c.etas.indexOf(Math.min(...c.etas)),
  startField: (c) => fieldIndexOf(c.landscape, c.x0),
  keyParams(c) {
    const etas = [...c.etas].sort((a, b) => b - a);
    const range = etas.length > 1 ? `η ${formatSci(etas[0])}…${formatSci(etas[etas.length - 1])} (${etas.length})` : `η ${formatSci(etas[0])}`;
    return `${range} · ${c.samples} samples · ${armCount(c)}`;
  },
  /**
   * Per arm and η, samples × min(maxIterations, predicted mean exit from Ω_i(x0)) when the theory
   * has it, else the censoring bound — an over-estimate, said so in the UI.
   */
  estimateWork(c, theoryByEta) {
    let fromTheory = true;
    const perArm = c.arms.map((_, a) => {
      let iterations = 0;
      c.etas.forEach((_, e) => {
        const predicted = startFieldTheory(c, theoryByEta[e], a)?.predictedMeanExit;
        if (predicted !== undefined && Number.isFinite(predicted) && predicted > 0) {
          iterations += c.samples * Math.min(c.maxIterations, predicted);
        } else {
          fromTheory = false;
          iterations += c.samples * c.maxIterations;
        }
      });
      return iterations;
    });
    return { iterations: perArm.reduce((s, n) => s + n, 0), upperBound: workUpperBound(c), fromTheory, perArm };
  },
  estimateFromTheory: true,
  parallelUnits: (c) => c.arms.length * c.etas.length * c.samples,
  compareSeries(run, reports) {
    const c = run.config;
    if (run.result?.kind !== 'exit-time') return { exitCurves: [], occupancy: [] };
    const exitCurves = run.result.arms.map((arm, a) => ({
      label: `#${run.id} ${arm.label}`,
      points: arm.points,
      fit: arm.fit,
      exponent: arm.theory?.exponent ?? null,
      predicted: c.etas
        .map((eta, e) => ({ eta, mean: startFieldTheory(c, reports[e], a)?.predictedMeanExit }))
        .filter((p): p is { eta: number; mean: number } => p.mean !== undefined),
    }));
    return { exitCurves, occupancy: [] };
  },
};
