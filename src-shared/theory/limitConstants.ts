import type { Field, Landscape } from '../model/landscape';
import { fields } from '../model/landscape';
import { gradient } from './potential';
import { integrateWithError } from './quadrature';
import { jumpInto, jumpOut, jumpTail, type JumpLaw } from './jumpMeasure';
import { jumpChainConstants } from './jumpChain';

/**
 * q_i and q_ij of Theorem 1 for one field Ω_i. `qTo` has every j ≠ i (1-based keys).
 * `qError`, `qToError`: estimates of the absolute numerical error (0 for closed forms).
 */
export interface LimitConstants {
  q: number;
  qTo: Record<string, number>;
  qError: number;
  qToError: Record<string, number>;
}

/**
 * q_i, q_ij for Ω_i (1-based `index`) with l*_i = `lStar` (any l* ≥ 1).
 *
 * Definition: the ν^l* × Lebesgue^(l*−1) measure of jump sizes and waiting times whose
 * path — start at m_i, jump by φ(w_k, b) then project onto [−L, L], follow the gradient
 * flow x' = −f'(x) for t_k between jumps — is outside Ω_i (in Ω_j) after jump l*.
 * l* = 1 is closed form, l* = 2 one adaptive quadrature, l* ≥ 3 a chain of tabulated
 * one-dimensional integrals (jumpChain.ts; tens of milliseconds). Results are remembered
 * (they do not depend on η, and the designer asks again on every edit).
 */
export function limitConstants(landscape: Landscape, law: JumpLaw, index: number, lStar: number): LimitConstants {
  const key = JSON.stringify([landscape.criticalPoints, landscape.gradientScale, law, index, lStar]);
  const known = remembered.get(key);
  if (known) return copy(known);
  const fs = fields(landscape);
  const field = fs[index - 1];
  const computed =
    lStar === 1 ? oneJump(fs, field, law) : lStar === 2 ? twoJumps(landscape, fs, field, law) : jumpChainConstants(landscape, fs, field, law, lStar);
  if (remembered.size >= REMEMBERED) remembered.delete(remembered.keys().next().value as string);
  remembered.set(key, computed);
  return copy(computed);
}

const REMEMBERED = 256;
const remembered = new Map<string, LimitConstants>();

/** Callers may mutate what they get; the remembered value must not change. */
function copy(c: LimitConstants): LimitConstants {
  return { q: c.q, qTo: { ...c.qTo }, qError: c.qError, qToError: { ...c.qToError } };
}

/** l* = 1: one jump from m_i, closed form (ν-tails at the saddles, see jumpTail). */
function oneJump(fs: Field[], field: Field, law: JumpLaw): LimitConstants {
  const m = field.minimum;
  const qTo: Record<string, number> = {};
  const qToError: Record<string, number> = {};
  for (const to of fs) {
    if (to.index === field.index) continue;
    qTo[to.index] = jumpInto(law, m, to.left, to.right);
    qToError[to.index] = 0;
  }
  return { q: jumpOut(law, m, field.left, field.right), qTo, qError: 0, qToError };
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
  const qToError: Record<string, number> = {};
  for (const to of fs) {
    if (to.index === field.index) continue;
    const r = integrateAgainst((x) => jumpInto(law, x, to.left, to.right));
    qTo[to.index] = r.value;
    qToError[to.index] = r.error;
  }
  const out = integrateAgainst((x) => jumpOut(law, x, field.left, field.right));
  return { q: out.value, qTo, qError: out.error, qToError };
}

/** The integral and the summed Gauss–Kronrod error estimates of its pieces. */
function flowIntegral(landscape: Landscape, fs: Field[], field: Field, law: JumpLaw, g: (x: number) => number): { value: number; error: number } {
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
  let value = 0;
  let error = 0;
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const c = points[k + 1];
    // Both factors are ν-tails, positive exactly on unions of these pieces: a zero at the
    // midpoint means zero on the whole piece (and keeps us away from 1/|f'(m_i)|).
    if (integrand(0.5 * (a + c)) === 0) continue;
    const piece = integrateWithError(integrand, a, c, { relTol: 1e-11 });
    value += piece.value;
    error += piece.error;
  }
  return { value, error };
}
