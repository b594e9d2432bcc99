/** Landscape facts a kernel reads in its loop, as typed arrays: saddles s_i (the field boundaries) and minima m_i. */
export interface LandscapeTables {
  saddles: Float64Array;
  minima: Float64Array;
}

export function landscapeTables(criticalPoints: readonly number[]): LandscapeTables {
  return {
    saddles: Float64Array.from(criticalPoints.filter((_, k) => k % 2 === 1)),
    minima: Float64Array.from(criticalPoints.filter((_, k) => k % 2 === 0)),
  };
}

/**
 * 1-based field Ω_i = (s_{i−1}, s_i) containing x. A point exactly on a saddle s_i belongs to no
 * open field; it is counted with the field on its left, Ω_i (probability zero for continuous noise).
 */
export function fieldOf(x: number, saddles: Float64Array): number {
  let i = 0;
  const n = saddles.length;
  while (i < n && x > saddles[i]) i++;
  return i + 1;
}
