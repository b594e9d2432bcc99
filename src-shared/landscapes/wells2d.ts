import type { LandscapeFamily } from './landscapeFamily';
import type { FieldIssue } from '../model/validation';
import type { Landscape2DConfig } from '../theory2d/landscape';
import { surfaceOf } from '../theory2d/presets';
import { landscapeTheory2d } from '../theory2d/landscapeTheory';
import { theoryReport2d } from '../theory2d/report';
import type { Arm2D } from '../theory2d/arm';
import type { TheoryReport2D } from '../theory2d/types';

/**
 * The 2-D landscapes (the wells form and the named surfaces). The kernels take the landscape
 * config itself and build f and the basin map from it, so the "gradient" is that config; the
 * basins are the minima of the theory, numbered in order of x, then y.
 */
export const wells2d: LandscapeFamily<Landscape2DConfig, Landscape2DConfig, [number, number], TheoryReport2D> = {
  name: 'wells-2d',
  owns: (landscape): landscape is Landscape2DConfig =>
    landscape !== null && typeof landscape === 'object' && (landscape as { dimension?: unknown }).dimension === 2,
  issues: () => [],
  startIssues(landscape, x0): FieldIssue[] {
    const L = surfaceOf(landscape).L;
    const p = Array.isArray(x0) ? (x0 as unknown[]) : [];
    if (p.length !== 2) return [{ path: 'x0', message: 'must be a point [x, y]' }];
    return p.flatMap((v, k) => (typeof v === 'number' && v >= -L && v <= L ? [] : [{ path: `x0[${k}]`, message: `must lie in [−L, L] = [${-L}, ${L}]` }]));
  },
  gradient: (landscape) => JSON.parse(JSON.stringify(landscape)) as Landscape2DConfig,
  basins: (landscape) => landscapeTheory2d(landscape).minima.map((m) => [m.point[0], m.point[1]]),
  theory: (config) => theoryReport2d(config.landscape, config.arms as Arm2D[]),
};
