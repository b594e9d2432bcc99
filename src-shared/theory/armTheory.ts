import type { Arm } from '../model/config';
import { unknownFamily, type Noise, type ParetoNoise } from '../model/noise';
import type { Landscape } from '../model/landscape';
import { fields } from '../model/landscape';
import { checkClip, checkLandscape, checkNoise } from './assumptions';
import { exitExponent, lij, lStar, radius } from './jumpCounts';
import { limitConstants } from './limitConstants';
import { predictedMeanExit, timeScale } from './timeScale';
import { communicatingClasses, isIrreducible, isSymmetric, largeMinima, typicalEdges, withLargeMinima } from './transitionGraph';
import type { ArmTheory, FieldTheory } from './types';

/**
 * Section 2 of the paper for one arm (a noise and a clip b) on one landscape. Never
 * throws on bad input: a failed assumption (A1–A3) or light-tailed noise gives
 * applicable = false, the reasons in `assumptions.messages`, and empty structure.
 * With an η (> 0), each field also gets q_i, q_ij (with their numerical errors) and 1/(q_i λ_i(η)).
 */
export function armTheory(landscape: Landscape, arm: Arm, eta?: number): ArmTheory {
  const landscapeMessages = checkLandscape(landscape);
  const messages = [
    ...landscapeMessages,
    ...checkNoise(arm),
    ...(landscapeMessages.length ? [] : checkClip(landscape, arm.clip)),
  ];
  const ok = messages.length === 0;
  if (ok && landscape.criticalPoints.length === 1) {
    // Ω1 = ℝ: no saddle to cross, so no exit — the assumptions hold but there is nothing to predict.
    messages.push('A single minimum: Ω1 is the whole line, SGD never exits and Theorem 1 predicts nothing.');
  }
  const base = { label: arm.label, clip: arm.clip };
  const noise = paretoOrNull(arm.noise);
  if (messages.length > 0 || noise === null) return notApplicableArm(base, ok, messages);
  const fs = fields(landscape);
  const lStars = fs.map((f) => lStar(f, arm.clip));
  const edges = typicalEdges(lStars, (i, j) => lij(landscape, arm.clip, i, j));
  const classes = withLargeMinima(lStars, communicatingClasses(fs.length, edges));
  const large = new Set(classes.flatMap((c) => c.largeMinima));
  const withEta = eta !== undefined && Number.isFinite(eta) && eta > 0;
  const law = { alpha: noise.alpha, pPlus: noise.pPlus, clip: arm.clip, L: landscape.L };

  const fieldTheories: FieldTheory[] = fs.map((f, k) => {
    const ft: FieldTheory = {
      index: f.index,
      radius: radius(f),
      lStar: lStars[k],
      exponent: exitExponent(noise.alpha, lStars[k]),
      large: large.has(f.index),
    };
    if (!withEta) return ft;
    const constants = limitConstants(landscape, law, f.index, lStars[k]);
    ft.q = constants.q;
    ft.qError = constants.qError;
    ft.qTo = constants.qTo;
    ft.qToError = constants.qToError;
    ft.predictedMeanExit = predictedMeanExit(constants.q, timeScale(noise, eta, lStars[k]));
    return ft;
  });

  const mLarge = largeMinima(classes);
  return {
    ...base,
    applicable: true,
    fields: fieldTheories,
    edges,
    classes,
    irreducible: isIrreducible(classes),
    symmetric: isSymmetric(fs, lStars, arm.clip),
    ...(mLarge ? { largeMinima: mLarge } : {}),
    assumptions: { ok: true, messages: [] },
  };
}

/**
 * An arm the theory says nothing about (light tails, a failed assumption, no exit): only its
 * `assumptions` are meaningful; `largeMinima` is absent, as it is whenever M^large is undefined.
 * Shared by the 1-D and 2-D reports.
 */
export function notApplicableArm<B extends object>(base: B, ok: boolean, messages: string[]) {
  return {
    ...base,
    applicable: false as const,
    fields: [],
    edges: [] as [number, number][],
    classes: [],
    irreducible: false,
    symmetric: false,
    assumptions: { ok, messages },
  };
}

/** The noise when Theorem 1's Pareto tail is its law; null for families it makes no prediction for. */
function paretoOrNull(noise: Noise): ParetoNoise | null {
  switch (noise.family) {
    case 'pareto':
      return noise;
    case 'gaussian':
      return null;
    default:
      return unknownFamily(noise);
  }
}
