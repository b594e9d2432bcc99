/** A 1-D loss landscape: f'(x) = κ · Π_k (x − c_k), critical points c = [m1, s1, m2, …, mn]. */
export interface Landscape {
  criticalPoints: number[];
  L: number;
  /** κ > 0 in f'(x) = κ Π (x − c_k). */
  gradientScale: number;
}

/** Attraction field Ω_i = (s_{i−1}, s_i), 1-based index as in the paper. */
export interface Field {
  index: number;
  minimum: number;
  left: number;
  right: number;
}

export const landscapePresets = {
  /**
   * Figure 2 / Section 3 of the paper. The paper's formula for f is in its supplement,
   * which is not available; κ = 3 is our choice: the smallest integer for which
   * light-tailed SGD (N(0,1), η = 0.001) stays in Ω3 for 3,000,000 iterations.
   */
  paper: { criticalPoints: [-1.51, -1.3, -0.66, 0.2, 0.49, 0.7, 1.32], L: 1.6, gradientScale: 3 },
  /** Figure 3: m2 − s1 = 0.6 and s2 − m2 = 0.9 as in the paper; the outer wells are our choice. */
  'three-wells': { criticalPoints: [-1.05, -0.6, 0, 0.9, 1.25], L: 1.5, gradientScale: 3 },
} as const satisfies Record<string, Landscape>;

export type LandscapePresetName = keyof typeof landscapePresets;

export const landscapePresetNotes: Record<LandscapePresetName, string> = {
  paper:
    'Critical points and L from the paper (Figure 2, Section 3). The paper gives f only in its unavailable supplement; κ = 3 is this lab\'s choice, the smallest integer for which light-tailed SGD (N(0,1), η = 0.001) stays in Ω3 for 3,000,000 iterations, as the paper reports.',
  'three-wells':
    'Figure 3: m2 − s1 = 0.6, s2 − m2 = 0.9 as in the paper; m1, s1 offset and m3 are this lab\'s choice.',
};

export function minima(landscape: Landscape): number[] {
  return landscape.criticalPoints.filter((_, k) => k % 2 === 0);
}

export function saddles(landscape: Landscape): number[] {
  return landscape.criticalPoints.filter((_, k) => k % 2 === 1);
}

/** Ω_1 … Ω_n with s_0 = −∞ and s_n = +∞. */
export function fields(landscape: Landscape): Field[] {
  const m = minima(landscape);
  const s = saddles(landscape);
  return m.map((minimum, k) => ({
    index: k + 1,
    minimum,
    left: k === 0 ? -Infinity : s[k - 1],
    right: k === m.length - 1 ? Infinity : s[k],
  }));
}

/** 1-based index of the field containing x, or 0 when x is a saddle. */
export function fieldIndexOf(landscape: Landscape, x: number): number {
  const s = saddles(landscape);
  let i = 0;
  while (i < s.length && x > s[i]) i++;
  if (i < s.length && x === s[i]) return 0;
  return i + 1;
}
