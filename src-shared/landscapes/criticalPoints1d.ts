import { fields, type Field, type Landscape } from '../model/landscape';
import { landscapeIssues, startIssues } from '../model/expandConfig';
import type { Arm } from '../model/config';
import { theoryReport } from '../theory/report';
import type { TheoryReport } from '../theory/types';
import type { LandscapeFamily } from './landscapeFamily';

/** What a 1-D kernel needs of the landscape: f'(x) = κ Π (x − c_k) on [−L, L]. */
export interface Gradient1d {
  criticalPoints: number[];
  L: number;
  gradientScale: number;
}

/** 1-D landscapes given by their critical points m1 < s1 < … < mn (no `dimension`, or 1). */
export const criticalPoints1d: LandscapeFamily<Landscape, Gradient1d, Field, TheoryReport> = {
  name: '1d-critical-points',
  owns: (landscape): landscape is Landscape => {
    const l = landscape as { dimension?: unknown; criticalPoints?: unknown } | null;
    return l !== null && typeof l === 'object' && (l.dimension === undefined || l.dimension === 1) && Array.isArray(l.criticalPoints);
  },
  issues: (landscape) => landscapeIssues(landscape),
  startIssues: (landscape, x0) => startIssues(landscape, x0 as number),
  gradient: ({ criticalPoints, L, gradientScale }) => ({ criticalPoints: [...criticalPoints], L, gradientScale }),
  basins: (landscape) => fields(landscape),
  theory: (config, eta) => theoryReport({ landscape: config.landscape, arms: config.arms as Arm[] }, eta),
};
