import { ceilTolerant, exitExponent } from '../theory/jumpCounts';
import { notApplicableArm } from '../theory/armTheory';
import { communicatingClasses, isIrreducible, largeFlags, largeMinima, typicalEdges, withLargeMinima } from '../theory/transitionGraph';
import { regularVariation } from '../theory/noiseTail';
import type { RegularVariation } from '../theory/tails/regularVariation';
import type { Arm2D } from './arm';
import type { Landscape2DConfig } from './landscape';
import { type LandscapeTheory2D, landscapeTheory2d } from './landscapeTheory';
import { jumpCounts } from './reachability';
import type { ArmTheory2D, TheoryReport2D } from './types';

export const NO_LIMIT_CONSTANTS_NOTE =
  'Limit constants q_i, q_ij are not computed in 2-D: only the jump counts and exponents (the R^d analysis beyond the paper’s R^1 theorems).';

/** Jumps shorter than this many map spacings cannot be resolved by the node sets. */
const MIN_CLIP_IN_SPACINGS = 2;

/**
 * r/b so close to an integer k that the node sets cannot tell k jumps from k + 1: each jump
 * snaps the reachable set to map nodes and loses up to about a quarter of a spacing on
 * average (measured on the presets over b = 0.05 … 1: every disagreement between the
 * isotropic l* and ⌈r/b⌉ had |r − k b| < (1 + k/4) h).
 */
function nearTie(r: number, b: number, h: number): boolean {
  const k = Math.max(1, Math.round(r / b));
  return Math.abs(r - k * b) < (1 + k / 4) * h;
}

/**
 * The tail index α of a heavy-tailed 2-D noise (its coordinates' for `axes`), or null with the
 * reason in `blocking`. In 2-D only α matters to the jump sets as long as a coordinate's jumps
 * take both signs: each axis jump may then go either way along its axis.
 */
function tailOf2d(noise: Exclude<Arm2D['noise'], { family: 'gaussian' }>, blocking: string[]): RegularVariation | null {
  if (noise.family === 'pareto') {
    if (!(noise.alpha > 1)) {
      blocking.push(`α = ${noise.alpha}: the theory needs α > 1.`);
      return null;
    }
    return { alpha: noise.alpha, pPlus: 0.5 };
  }
  let rv: RegularVariation | null;
  try {
    rv = regularVariation(noise);
  } catch (error) {
    blocking.push(`The noise's tail is not available here: ${(error as Error).message}`);
    return null;
  }
  if (rv === null) {
    blocking.push(`This ${noise.family} noise has no power-law tail (light-tailed): no jump structure, the exit-time theory does not apply.`);
  } else if (!(rv.alpha > 1)) {
    blocking.push(`α = ${rv.alpha}: the theory needs α > 1.`);
  } else if (!(rv.pPlus > 0 && rv.pPlus < 1)) {
    blocking.push(`p₊ = ${rv.pPlus}: the tail is one-sided, and the 2-D jump sets assume jumps of both signs along each axis.`);
  } else {
    return rv;
  }
  return null;
}

/** The R^d analysis for one arm: l*_i, l_ij by reachability, the graph and its classes. */
export function armTheory2d(theory: LandscapeTheory2D, arm: Arm2D): ArmTheory2D {
  const { map, radii, minima } = theory;
  const base = {
    label: arm.label,
    clip: arm.clip,
    ...('direction' in arm.noise ? { direction: arm.noise.direction } : {}),
    note: NO_LIMIT_CONSTANTS_NOTE,
  };
  const blocking: string[] = [];
  const tail = arm.noise.family === 'gaussian' ? null : tailOf2d(arm.noise, blocking);
  if (arm.noise.family === 'gaussian') blocking.push('Gaussian noise is light-tailed: no jump structure, the exit-time theory does not apply.');
  if (arm.clip !== null && !(arm.clip > 0)) blocking.push(`b = ${arm.clip}: the clip must be positive.`);
  else if (arm.clip !== null && arm.clip < MIN_CLIP_IN_SPACINGS * map.h) {
    blocking.push(`b = ${arm.clip} is below ${MIN_CLIP_IN_SPACINGS} basin-map spacings (h = ${map.h.toPrecision(3)}): jump counts need a finer map.`);
  }
  if (minima.length < 2) blocking.push(`${minima.length === 0 ? 'No minimum' : 'A single minimum'}: there is no other basin to exit to.`);
  const notApplicable = (messages: string[]): ArmTheory2D => notApplicableArm(base, false, messages);
  if (blocking.length > 0 || tail === null || arm.noise.family === 'gaussian') return notApplicable(blocking);

  const alpha = tail.alpha;
  const jump = { direction: arm.noise.direction, clip: arm.clip };
  const counts = minima.map((_, k) => jumpCounts(map, k + 1, jump));
  const missing = counts.flatMap((c, k) => (c.lStar === null ? [k + 1] : []));
  if (missing.length > 0) return notApplicable([`No count of jumps up to the cap leaves basin(s) ${missing.join(', ')}.`]);
  const lStars = counts.map((c) => c.lStar as number);
  const edges = typicalEdges(lStars, (i, j) => counts[i - 1].lTo[j - 1] ?? Infinity);
  const classes = withLargeMinima(lStars, communicatingClasses(lStars.length, edges));
  const large = largeFlags(lStars, classes);

  const messages: string[] = [];
  if (map.unresolved > 0) messages.push(`${map.unresolved} basin-map node(s) reach no minimum (flow stalls on the box edge); labelled by the nearest minimum.`);
  const fields = lStars.map((lStar, k) => {
    const jumpsByRadius = arm.clip === null ? null : ceilTolerant(radii[k] / arm.clip);
    if (arm.clip !== null && jump.direction === 'isotropic' && nearTie(radii[k], arm.clip, map.h)) {
      messages.push(`r${k + 1}/b = ${(radii[k] / arm.clip).toFixed(3)} is within the map's resolution of an integer: l*${k + 1} may differ from ⌈r${k + 1}/b⌉ by one.`);
    }
    return { index: k + 1, radius: radii[k], lStar, jumpsByRadius, exponent: exitExponent(alpha, lStar), large: large[k] };
  });
  const symmetric = theory.neighbours.every((js, k) => js.every((j) => counts[k].lTo[j - 1] === lStars[k]));
  return {
    ...base,
    applicable: true,
    tail: { alpha, pPlus: tail.pPlus },
    fields,
    edges,
    classes,
    irreducible: isIrreducible(classes),
    symmetric,
    ...(isIrreducible(classes) ? { largeMinima: largeMinima(classes) } : {}),
    assumptions: { ok: messages.length === 0, messages },
  };
}

/**
 * The theory JSON for a 2-D landscape and its arms. Not cheap (the basin map traces the
 * flow from tens of thousands of nodes; see docs/theory-2d.md for measured times), so
 * callers should compute it off the event loop and cache it per landscape.
 */
export function theoryReport2d(landscape: Landscape2DConfig, arms: readonly Arm2D[], nodes?: number): TheoryReport2D {
  return theoryReport2dOf(landscapeTheory2d(landscape, nodes), arms);
}

/**
 * The report from a landscape's analysis already at hand: the arms' reachability alone, so
 * many arm sets on one landscape (a sweep's cells) pay for the basin map once.
 */
export function theoryReport2dOf(theory: LandscapeTheory2D, arms: readonly Arm2D[]): TheoryReport2D {
  return {
    dimension: 2,
    fields: theory.minima.map((m, k) => ({ index: k + 1, minimum: m.point, f: m.f, eigenvalues: m.eigenvalues })),
    saddles: theory.saddles.map((s) => ({ x: s.point[0], y: s.point[1], f: s.f })),
    basinMap: { nodes: theory.map.n, spacing: theory.map.h },
    arms: arms.map((arm) => armTheory2d(theory, arm)),
  };
}
