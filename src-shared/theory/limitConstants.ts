import type { Field, Landscape } from '../model/landscape';
import { fields } from '../model/landscape';
import { gradient } from './potential';
import { integrate } from './quadrature';
import { jumpInto, jumpOut, jumpTail, type JumpLaw } from './jumpMeasure';

/** q_i and q_ij of Theorem 1 for one field Ω_i. `qTo` has every j ≠ i (1-based keys). */
export interface LimitConstants {
  q: number;
  qTo: Record<string, number>;
}

/** The largest l*_i for which q_i and q_ij are computed. */
export const MAX_SUPPORTED_LSTAR = 2;

/**
 * q_i, q_ij for Ω_i (1-based `index`) with l*_i = `lStar`, or null when l*_i ≥ 3
 * (an (2l*−1)-dimensional integral this lab does not compute).
 *
 * Definition: the ν^l* × Lebesgue^(l*−1) measure of jump sizes and waiting
 * times whose path — start at m_i, jump by φ(w_k, b) then project onto [−L, L], follow the
 * gradient flow x' = −f'(x) for t_k between jumps — is outside Ω_i (in Ω_j) after jump l*.
 */
export function limitConstants(landscape: Landscape, law: JumpLaw, index: number, lStar: number): LimitConstants | null {
  const fs = fields(landscape);
  const field = fs[index - 1];
  if (lStar === 1) return oneJump(fs, field, law);
  if (lStar === 2) return twoJumps(landscape, fs, field, law);
  return null;
}

/** l* = 1: one jump from m_i, closed form (ν-tails at the saddles, see jumpTail). */
function oneJump(fs: Field[], field: Field, law: JumpLaw): LimitConstants {
  const m = field.minimum;
  const qTo: Record<string, number> = {};
  for (const to of fs) if (to.index !== field.index) qTo[to.index] = jumpInto(law, m, to.left, to.right);
  return { q: jumpOut(law, m, field.left, field.right), qTo };
}

/**
 * l* = 2. After jump 1 the path sits at y1 = φ_L(m_i + φ(w1, b)) and the flow carries it
 * back towards m_i; the waiting time t is Lebesgue, so with dt = dx/|f'(x)|
 *   ∫ dt g(x(t)) = ∫_{m_i}^{y1} g(x)/|f'(x)| dx,
 * where g(x) = ν{w2 : jump 2 from x ends outside Ω_i (in Ω_j)} is closed form. Fubini over w1
 * turns the outer ν(dw1) into the ν-tail of jump 1 beyond x (point mass at ±b included):
 *   q = ∫ ν{w1 : y1 beyond x} · g(x) / |f'(x)| dx   over x ∈ (m_i − b, m_i + b) ∩ [−L, L].
 * l*_i = 2 means r_i > b, so g vanishes near m_i and 1/|f'| never blows up where it counts.
 */
function twoJumps(landscape: Landscape, fs: Field[], field: Field, law: JumpLaw): LimitConstants {
  const integrateAgainst = (g: (x: number) => number) => flowIntegral(landscape, fs, field, law, g);
  const qTo: Record<string, number> = {};
  for (const to of fs) {
    if (to.index !== field.index) qTo[to.index] = integrateAgainst((x) => jumpInto(law, x, to.left, to.right));
  }
  return { q: integrateAgainst((x) => jumpOut(law, x, field.left, field.right)), qTo };
}

function flowIntegral(landscape: Landscape, fs: Field[], field: Field, law: JumpLaw, g: (x: number) => number): number {
  const m = field.minimum;
  const b = law.clip ?? Infinity;
  const lo = Math.max(m - b, -law.L);
  const hi = Math.min(m + b, law.L);
  const integrand = (x: number) => {
    if (x === m) return 0;
    const first = x > m ? jumpTail(law, m, x, 1) : jumpTail(law, m, x, -1);
    if (first === 0) return 0;
    const second = g(x);
    return second === 0 ? 0 : (first * second) / Math.abs(gradient(landscape, x));
  };
  // The integrand jumps (atoms at ±b) or kinks only where some |x − s_k| = b, at m_i ± b, at ±L.
  const cuts = [m, lo, hi];
  for (const f of fs) {
    for (const s of [f.left, f.right]) if (Number.isFinite(s)) cuts.push(s - b, s + b);
  }
  const points = [...new Set(cuts.filter((c) => c >= lo && c <= hi))].sort((a, c) => a - c);
  let total = 0;
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const c = points[k + 1];
    // Both factors are ν-tails, positive exactly on unions of these pieces: a zero at the
    // midpoint means zero on the whole piece (and keeps us away from 1/|f'(m_i)|).
    if (integrand(0.5 * (a + c)) === 0) continue;
    total += integrate(integrand, a, c, { relTol: 1e-11 });
  }
  return total;
}
