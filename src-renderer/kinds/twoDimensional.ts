import type { Config2D, ExitTime2DConfig, LongRun2DConfig } from '../../src-shared/model/config2d';
import { formatCount, formatSci } from '../format';
import type { AnyRendererKind } from './rendererKind';

/**
 * The 2-D kinds in the renderer. Their theory (theoryReport2d) costs about a second, so the views
 * ask the lab for it (`theoryOnLab`, LabApi.theory) and show it in the R^d theory panel; the
 * Design page's 2-D form (Settings2D) holds the landscape, x0, the arms and the kind's settings.
 */
function twoDView<C extends Config2D>(kind: C['kind'], title: string, settingsPaths: string[], units: (c: C) => number, perArm: (c: C) => number, params: (c: C) => string): AnyRendererKind {
  return {
    kind,
    settingsTitle: title,
    settingsPaths: ['landscape', ...settingsPaths],
    theoryOnLab: true,
    theoryEtas: () => [],
    shownTheoryIndex: () => 0,
    startField: () => null,
    keyParams: (c: C) => `2-D · ${params(c)} · ${c.arms.length} arm${c.arms.length === 1 ? '' : 's'}`,
    estimateWork(c: C) {
      const upperBound = c.arms.length * perArm(c);
      return { iterations: upperBound, upperBound, fromTheory: false, perArm: c.arms.map(() => perArm(c)) };
    },
    estimateFromTheory: false,
    parallelUnits: units,
    compareSeries: () => ({ exitCurves: [], occupancy: [] }),
  };
}

export const exitTime2dView = twoDView<ExitTime2DConfig>(
  'exit-time-2d',
  '2-D exit time',
  ['etas', 'samples', 'maxIterations'],
  (c) => c.arms.length * c.samples,
  (c) => c.etas.length * c.samples * c.maxIterations,
  (c) => `${c.etas.length} η × ${c.samples} samples`,
);

export const longRun2dView = twoDView<LongRun2DConfig>(
  'long-run-2d',
  '2-D long run',
  ['eta', 'paths', 'iterations', 'bins', 'thin', 'epsilon'],
  (c) => c.arms.length * c.paths,
  (c) => c.paths * c.iterations,
  (c) => `η ${formatSci(c.eta)} · ${c.paths} × ${formatCount(c.iterations)} it`,
);
