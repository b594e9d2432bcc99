import { workUpperBound, type LongRunConfig } from '../../src-shared/model';
import { formatCount, formatSci } from '../format';
import { armCount, type RendererKind } from './rendererKind';

/** The long-run kind in the renderer: one η, exact work, occupancy to compare. */
export const longRunView: RendererKind<LongRunConfig> = {
  kind: 'long-run',
  settingsTitle: 'Long run',
  settingsPaths: ['eta', 'paths', 'iterations', 'bins', 'thin', 'epsilon'],
  theoryEtas: (c) => [c.eta],
  shownTheoryIndex: () => 0,
  startField: () => null,
  keyParams: (c) => `η ${formatSci(c.eta)} · ${c.paths} × ${formatCount(c.iterations)} it · ${armCount(c)}`,
  /** Exact: arms × paths × iterations. */
  estimateWork(c) {
    const upperBound = workUpperBound(c);
    return { iterations: upperBound, upperBound, fromTheory: true, perArm: c.arms.map(() => c.paths * c.iterations) };
  },
  estimateFromTheory: false,
  parallelUnits: (c) => c.arms.length * c.paths,
  compareSeries: (run) => ({
    exitCurves: [],
    occupancy: run.result?.kind === 'long-run' ? run.result.arms.map((a) => ({ label: `#${run.id} ${a.label}`, occupancy: a.occupancy })) : [],
  }),
};
