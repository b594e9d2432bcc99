import type { ExperimentConfig } from '../../src-shared/model';
import { sweepCells, type SweepConfig, type SweepResultSummary } from '../../src-shared/sweep';
import { exponentInput } from '../charts/sweepChartData';
import { gridCells } from '../charts/sweepCells2d';
import { rendererKind, rendererKindNamed } from './registry';
import type { AnyRendererKind } from './rendererKind';

/** A cell's own config as the renderer's kinds type it (a cell is an ordinary exit-time or long-run config). */
const cellConfigs = (c: SweepConfig): ExperimentConfig[] => sweepCells(c).map((cell) => cell.config as ExperimentConfig);

/**
 * A sweep in the renderer: everything per cell is its base kind's, summed over the grid. The
 * theory panel of a sweep is per cell (the result view draws it), so the run-wide one has none.
 */
// The renderer's config types are the runs on one landscape; a sweep's config is typed here.
export const sweepView: AnyRendererKind = {
  kind: 'sweep',
  settingsTitle: 'Sweep axes',
  settingsPaths: ['base', 'over'],
  theoryEtas: () => [],
  shownTheoryIndex: () => 0,
  startField: () => null,
  keyParams: (c: SweepConfig) => `${sweepCells(c).length} cells over ${c.over.map((a) => a.field).join(' × ')} · ${rendererKindNamed(c.base.kind).keyParams(c.base)}`,
  estimateWork(c: SweepConfig) {
    const cells = cellConfigs(c).map((cell) => rendererKind(cell).estimateWork(cell, []));
    return {
      iterations: cells.reduce((s, e) => s + e.iterations, 0),
      upperBound: cells.reduce((s, e) => s + e.upperBound, 0),
      fromTheory: cells.every((e) => e.fromTheory),
      perArm: c.base.arms.map((_, a) => cells.reduce((s, e) => s + (e.perArm[a] ?? 0), 0)),
    };
  },
  estimateFromTheory: false,
  parallelUnits: (c: SweepConfig) => cellConfigs(c).reduce((s, cell) => s + rendererKind(cell).parallelUnits(cell), 0),
  compareSeries(run) {
    const c = run.config as unknown as SweepConfig;
    const result = run.result as unknown as SweepResultSummary | null;
    if (!result) return { exitCurves: [], occupancy: [] };
    // A 2-D base's cells are read as the 1-D ones (basins for fields), as on the run's own page.
    const grid = gridCells(result);
    if (c.over.length !== 1 || grid.kind !== 'exit-time') {
      return { exitCurves: [], occupancy: [], sweepGrid: { runId: run.id, name: run.name, config: c, result } };
    }
    const input = exponentInput(c, grid.cells);
    input.arms = input.arms.map((arm) => ({ ...arm, label: `#${run.id} ${arm.label}` }));
    return { exitCurves: [], occupancy: [], sweepExponents: { field: c.over[0].field, input } };
  },
};
