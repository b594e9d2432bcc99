import type { Arm } from '../model/config';
import type { Landscape } from '../model/landscape';
import { fields } from '../model/landscape';
import { checkClip, checkLandscape, checkNoise } from './assumptions';
import { exitExponent, lij, lStar, radius } from './jumpCounts';
import { limitConstants } from './limitConstants';
import { predictedMeanExit, timeScale } from './timeScale';
import { regularVariation, tail } from './noiseTail';
import type { RegularVariation } from './tails/regularVariation';
import { communicatingClasses, isIrreducible, isSymmetric, largeMinima, typicalEdges, withLargeMinima } from './transitionGraph';
import type { ArmTheory, FieldTheory } from './types';

/**
 * Section 2 of the paper for one arm (a noise and a clip b) on one landscape. Never
 * throws on bad input: a failed assumption (A1–A3) or light-tailed noise gives
 * applicable = false, the reasons in `assumptions.messages`, and empty structure.
 * With an η (> 0), each field also gets q_i, q_ij (with their numerical errors) and 1/(q_i λ_i(η)).
 * Every heavy-tailed family enters only through its (α, p₊) and, for λ_i(η), its own tail H.
 */
export function armTheory(landscape: Landscape, arm: Arm, eta?: number): ArmTheory {
  const { ok, messages, rv } = applicability(landscape, arm);
  const base = { label: arm.label, clip: arm.clip };
  if (rv === null) return notApplicableArm(base, ok, messages);
  const noise = arm.noise;
  const fs = fields(landscape);
  const lStars = fs.map((f) => lStar(f, arm.clip));
  const edges = typicalEdges(lStars, (i, j) => lij(landscape, arm.clip, i, j));
  const classes = withLargeMinima(lStars, communicatingClasses(fs.length, edges));
  const large = new Set(classes.flatMap((c) => c.largeMinima));
  const withEta = eta !== undefined && Number.isFinite(eta) && eta > 0;
  const law = { alpha: rv.alpha, pPlus: rv.pPlus, clip: arm.clip, L: landscape.L };

  const fieldTheories: FieldTheory[] = fs.map((f, k) => {
    const ft: FieldTheory = {
      index: f.index,
      radius: radius(f),
      lStar: lStars[k],
      exponent: exitExponent(rv.alpha, lStars[k]),
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
    tail: withEta ? { ...rv, h: tail(noise, 1 / eta) } : { ...rv },
    fields: fieldTheories,
    edges,
    classes,
    irreducible: isIrreducible(classes),
    symmetric: isSymmetric(fs, lStars, arm.clip),
    ...(mLarge ? { largeMinima: mLarge } : {}),
    assumptions: { ok: true, messages: [] },
  };
}

/** Whether the theory applies to the arm (A1–A3 and heavy tails), why not, and the tail's (α, p₊). */
function applicability(landscape: Landscape, arm: Arm): { ok: boolean; messages: string[]; rv: RegularVariation | null } {
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
  return { ok, messages, rv: messages.length > 0 ? null : regularVariation(arm.noise) };
}

/**
 * armTheory(landscape, arm, eta).fields[field − 1].predictedMeanExit alone (undefined where the
 * theory does not apply): one field's constants instead of every field's and the graph, for
 * callers that need only the start field's mean exit time, once per cell of a sweep.
 */
export function fieldMeanExit(landscape: Landscape, arm: Arm, eta: number, field: number): number | undefined {
  const { rv } = applicability(landscape, arm);
  const f = fields(landscape)[field - 1];
  if (rv === null || !f || !(Number.isFinite(eta) && eta > 0)) return undefined;
  const l = lStar(f, arm.clip);
  const { q } = limitConstants(landscape, { alpha: rv.alpha, pPlus: rv.pPlus, clip: arm.clip, L: landscape.L }, f.index, l);
  return predictedMeanExit(q, timeScale(arm.noise, eta, l));
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

