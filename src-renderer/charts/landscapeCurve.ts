import type { Landscape } from '../../src-shared/model';
import { samplePotential } from '../../src-shared/theory';

/** f on n + 1 evenly spaced points of [−L, L] as [x, f(x)] pairs (the shared samplePotential), for plots. */
export function sampleLoss(landscape: Landscape, n = 400): [number, number][] {
  const { x, f } = samplePotential(landscape, n + 1);
  return x.map((xk, k) => [xk, f[k]]);
}
