import type { SweepTheory2D } from '../../../src-renderer/charts/sweepChartData';
import { sweepTheory, type SweepConfig } from '../../../src-shared/sweep';
import type { TheoryReport2D } from '../../../src-shared/theory2d/types';

/**
 * The 2-D sweep bases the renderer's tests share: wide-and-sharp from its wide basin 1
 * (r₁ ≈ 1.32), one isotropic Pareto arm, so l*₁ is 3 for b < r₁/2 ≈ 0.662 and 2 above it.
 */
export const isoArm = { label: 'iso', noise: { family: 'pareto', alpha: 1.2, scale: 1, direction: 'isotropic' }, clip: 0.5 };

const shared = { landscape: { dimension: 2, preset: 'wide-and-sharp' }, x0: [-0.8, -0.2], arms: [isoArm] };
export const exitBase2d = { ...shared, kind: 'exit-time', etas: [0.1, 0.05], samples: 4 };
export const longBase2d = { ...shared, kind: 'long-run', eta: 0.01, paths: 1, iterations: 1000, thin: 10 };

/** The lab's theory of a 2-D sweep as LabApi.theory answers it: each cell's R^2 report and the located steps. */
export function lab2dOf(sweep: SweepConfig): SweepTheory2D {
  const analysed = sweepTheory(sweep);
  return { reports: analysed.cells.map((c) => c.report as TheoryReport2D), boundaries: analysed.boundaries };
}
