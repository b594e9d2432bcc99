import type { Landscape } from '../model/landscape';
import { fields } from '../model/landscape';
import type { Arm } from '../model/config';
import { unknownFamily, type ParetoNoise } from '../model/noise';
import { nearInteger, radius } from './jumpCounts';

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Assumption 1: critical points m1 < s1 < … < mn, an odd count, inside (−L, L); L and
 * κ positive. expandConfig already rejects all of this for configs; armTheory is also
 * called on bare landscapes and promises never to throw, so it reports instead of trusting.
 */
export function checkLandscape(landscape: Landscape): string[] {
  const messages: string[] = [];
  const c = landscape.criticalPoints;
  if (!Array.isArray(c) || c.length === 0) return ['A1: the landscape needs at least one minimum.'];
  if (!c.every(finite)) return ['A1: every critical point must be a finite number.'];
  if (c.length % 2 === 0) messages.push(`A1: critical points must be m1, s1, …, mn — an odd count; got ${c.length}.`);
  for (let k = 1; k < c.length; k++) {
    if (!(c[k] > c[k - 1])) messages.push(`A1: critical points must increase strictly; point ${k + 1} (${c[k]}) ≤ ${c[k - 1]}.`);
  }
  const L = landscape.L;
  if (!finite(L) || L <= 0) messages.push('A1: L must be a positive number.');
  else if (!(c[0] > -L && c[c.length - 1] < L)) messages.push(`A1: all critical points must lie inside (−L, L) = (${-L}, ${L}).`);
  if (!finite(landscape.gradientScale) || landscape.gradientScale <= 0) {
    messages.push('A1: the gradient scale κ must be a positive number.');
  }
  return messages;
}

/** Assumption 2 for the noise (regularly varying tail of index −α, α > 1, p₊ ∈ (0, 1)). */
export function checkNoise(arm: Arm): string[] {
  const noise = arm.noise;
  switch (noise.family) {
    case 'gaussian':
      return [
        'Light-tailed (Gaussian) noise: Assumption 2 fails, so Theorem 1 does not apply — the heavy-tailed theory makes no prediction for this arm (exits need exponentially many iterations in 1/η).',
      ];
    case 'pareto':
      return paretoMessages(noise);
    default:
      return unknownFamily(noise);
  }
}

function paretoMessages(noise: ParetoNoise): string[] {
  const messages: string[] = [];
  if (!finite(noise.alpha) || noise.alpha <= 1) messages.push(`A2: α must be > 1 (finite mean); got ${noise.alpha}.`);
  if (!finite(noise.pPlus) || noise.pPlus <= 0 || noise.pPlus >= 1) {
    messages.push(`A2: p₊ must lie strictly between 0 and 1 (both tails heavy); got ${noise.pPlus}.`);
  }
  if (!finite(noise.scale) || noise.scale <= 0) messages.push(`A2: the noise scale must be positive; got ${noise.scale}.`);
  return messages;
}

/** Assumption 3: r_i / b is not an integer for any i (compared with a relative tolerance). */
export function checkClip(landscape: Landscape, clip: number | null): string[] {
  if (clip === null) return [];
  if (!finite(clip) || clip <= 0) return [`The clipping threshold b must be a positive number; got ${clip}.`];
  const messages: string[] = [];
  for (const f of fields(landscape)) {
    const ratio = radius(f) / clip;
    const k = nearInteger(ratio);
    if (k !== null) {
      messages.push(
        `A3: r${f.index}/b = ${radius(f).toPrecision(6)}/${clip} = ${k} is an integer; Theorem 1 needs b with r_i/b not an integer — move b slightly.`,
      );
    }
  }
  return messages;
}
