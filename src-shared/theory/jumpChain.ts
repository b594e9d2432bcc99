import type { Field, Landscape } from '../model/landscape';
import { evaluate, tabulate, type ChebyshevTable } from './chebyshevTable';
import { jumpInto, type JumpLaw } from './jumpMeasure';
import { gradient } from './potential';
import { integrateWithError } from './quadrature';

/** q_i, q_ij with an estimate of their numerical error (absolute). */
export interface ChainConstants {
  q: number;
  qTo: Record<string, number>;
  qError: number;
  qToError: Record<string, number>;
}

/**
 * Theorem 1's q_i, q_ij for clipped SGD and any l*_i ≥ 2: the ν^l* × Lebesgue^(l*−1) measure of
 * jump sizes w_1..w_l* and waiting times t_1..t_(l*−1) whose path — start at m_i, move by
 * φ(w_k, b) and project onto [−L, L], flow x' = −f'(x) for t_k — ends outside Ω_i (in Ω_j).
 *
 * Reduction to l* − 1 nested one-dimensional integrals:
 *  - One side at a time. To end beyond the saddle at distance D from m_i on side E, the moves
 *    towards E must add up to at least D, each is at most b, and the flow only pulls back
 *    towards m_i without crossing it; so all l* jumps go towards E, each of length at least
 *    D − (l* − 1)b > 0. q_ij = 0 for Ω_j on the other side; a side with D > l*·b gets nothing.
 *  - The path is Markov in its distance e from m_i. With V_0(z) = ν{last jump from z lands in
 *    Ω_j} (closed form, jumpInto) and k jumps still to come after the next one,
 *      V_k(e) = ∫ ν(dw) ∫_0^∞ dt V_{k−1}(x_t)   (x_0 = landing point of the jump from e)
 *             = ∫_{D − k·b}^{min(e + b, ℓ)} p_E (z − e)^−α · V_{k−1}(z) / |f'(z)| dz,
 *    where the waiting time became the position it flows to (dt = dz/|f'(z)|), Fubini turned
 *    ν(dw) into the ν-tail p_E (z − e)^−α of landing beyond z (the truncation's atom at w = b
 *    included; nothing lands beyond e + b), ℓ is the distance to the projection bound ±L, and
 *    positions within D − k·b of m_i are dropped because k jumps of length ≤ b cannot exit
 *    from there. z − e ≥ D − (l* − 1)b > 0, so the kernel is bounded; q_ij = V_(l*−1)(0).
 *  - Each V_k (k < l* − 1) is tabulated as piecewise Chebyshev interpolants (chebyshevTable.ts)
 *    on the distances it is needed at, split at its known kinks (a kink or jump of V_(k−1) at β
 *    shows up in V_k at β − b; V_0 jumps where z = s − b for the saddles s bounding Ω_j), and
 *    each integral is adaptive Gauss–Kronrod over the pieces of V_(k−1)'s table.
 * The error: the whole chain is run at `relTol` and at 1000·relTol; the change (at least 1e-12
 * relative) is reported as the error of the finer value, a generous bound when, as here, the
 * error falls with the tolerance. Unreachable destinations are exactly 0 with error 0.
 */
export function jumpChainConstants(landscape: Landscape, fs: Field[], field: Field, law: JumpLaw, lStar: number, relTol = 1e-9): ChainConstants {
  const fine = chain(landscape, fs, field, law, lStar, relTol);
  const coarse = chain(landscape, fs, field, law, lStar, relTol * 1000);
  const qTo: Record<string, number> = {};
  const qToError: Record<string, number> = {};
  let q = 0;
  let qError = 0;
  for (const j of Object.keys(fine)) {
    qTo[j] = fine[j];
    qToError[j] = Math.max(Math.abs(fine[j] - coarse[j]), ROUNDING * Math.abs(fine[j]));
    q += fine[j];
    qError += qToError[j];
  }
  return { q, qTo, qError, qToError };
}

/** The error floor, relative: agreement to the last bits between the two runs proves no more. */
const ROUNDING = 1e-12;

/** q_ij for every j ≠ i (1-based keys), at one tolerance. */
function chain(landscape: Landscape, fs: Field[], field: Field, law: JumpLaw, lStar: number, relTol: number): Record<string, number> {
  const b = law.clip;
  if (b === null || lStar < 2) throw new RangeError('jumpChainConstants needs clipped SGD and l* ≥ 2');
  const m = field.minimum;
  const out: Record<string, number> = {};
  for (const to of fs) {
    if (to.index === field.index) continue;
    const dir = to.minimum > m ? 1 : -1;
    const saddle = dir === 1 ? field.right : field.left;
    const reach = dir * (saddle - m);
    out[to.index] = reach < lStar * b ? towards(landscape, field, to, law, b, dir, reach, lStar, relTol) : 0;
  }
  return out;
}

/** A function of the distance from m_i, with the points where its integrals should be split. */
interface Stage {
  value: (e: number) => number;
  cuts: number[];
  /** Known kinks and jumps (a subset of cuts), carried to the next stage shifted by −b. */
  kinks: number[];
  lo: number;
  hi: number;
}

function towards(landscape: Landscape, field: Field, to: Field, law: JumpLaw, b: number, dir: 1 | -1, reach: number, lStar: number, relTol: number): number {
  const m = field.minimum;
  const wall = law.L - dir * m;
  const p = dir === 1 ? law.pPlus : 1 - law.pPlus;
  const alpha = law.alpha;
  const at = (e: number) => m + dir * e;
  const inside = (lo: number, hi: number) => (xs: number[]) => xs.filter((x) => x > lo && x < hi);

  // V_0 on the distances the last jump can start from.
  const lo0 = reach - b;
  const hi0 = Math.min((lStar - 1) * b, wall);
  if (!(hi0 > lo0)) return 0;
  const kinks0 = inside(lo0, hi0)([to.left, to.right].filter(Number.isFinite).map((s) => dir * (s - m) - b));
  let stage: Stage = { value: (z) => jumpInto(law, at(z), to.left, to.right), cuts: kinks0, kinks: kinks0, lo: lo0, hi: hi0 };

  for (let k = 1; k <= lStar - 1; k++) {
    const prev = stage;
    const floor = reach - k * b;
    const v = (e: number): number => {
      const top = Math.min(e + b, prev.hi);
      if (!(top > floor)) return 0;
      const ends = [floor, ...inside(floor, top)(prev.cuts), top];
      const integrand = (z: number) => (p * Math.pow(z - e, -alpha) * prev.value(z)) / Math.abs(gradient(landscape, at(z)));
      let total = 0;
      for (let s = 0; s + 1 < ends.length; s++) total += integrateWithError(integrand, ends[s], ends[s + 1], { relTol }).value;
      return total;
    };
    if (k === lStar - 1) return v(0);
    const lo = Math.max(reach - (k + 1) * b, 0);
    const hi = Math.min((lStar - 1 - k) * b, wall);
    if (!(hi > lo)) return 0;
    const kinks = inside(lo, hi)([...prev.kinks.map((x) => x - b), wall - b]);
    const table: ChebyshevTable = tabulate(v, lo, hi, kinks, { relTol });
    stage = { value: (e) => evaluate(table, e), cuts: table.breaks.slice(1, -1), kinks, lo, hi };
  }
  throw new Error('unreachable: the loop returns at k = l* − 1');
}
