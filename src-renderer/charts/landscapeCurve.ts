import type { Landscape } from '../../src-shared/model';
import { potential } from '../../src-shared/theory';

/** f sampled on [−L, L] (the shared potential: lowest minimum at f = 0), for plots. */
export function sampleLoss(landscape: Landscape, n = 400): [number, number][] {
  const f = potential(landscape);
  const L = landscape.L;
  return Array.from({ length: n + 1 }, (_, k) => {
    const x = -L + (2 * L * k) / n;
    return [x, f(x)] as [number, number];
  });
}
