/**
 * The limiting jump measure of Theorem 1, ν(dw) = α|w|^(−α−1) (p₊ 1{w>0} + p₋ 1{w<0}) dw,
 * normalised so that ν(|w| > x) = x^−α: the rescaled noise ηZ has jump rate H(1/η)·ν.
 * A jump from x moves by φ(w, b) (clipped SGD; w itself when unclipped) and is then
 * projected onto [−L, L].
 */
export interface JumpLaw {
  alpha: number;
  pPlus: number;
  /** b, or null for unclipped SGD. */
  clip: number | null;
  L: number;
}

/**
 * ν{w : sign(w) = dir, φ_L(x + φ(w, b)) lies strictly beyond z}, "beyond" meaning > z for
 * dir = +1 and < z for dir = −1, with z on that side of x. Closed form: the landing point
 * is monotone in w, so this is the ν-tail at |w| = |z − x|, p± |z − x|^−α — which already
 * contains the truncation's point mass p± b^−α at w = ±b as long as |z − x| < b, and is 0
 * when |z − x| ≥ b (a move is at most b) or when z is beyond ±L (projection stops there).
 * z = ±∞ gives 0.
 */
export function jumpTail(law: JumpLaw, x: number, z: number, dir: 1 | -1): number {
  const d = dir * (z - x);
  if (d <= 0) return Infinity;
  if (law.clip !== null && d >= law.clip) return 0;
  if (dir * z >= law.L) return 0;
  const p = dir === 1 ? law.pPlus : 1 - law.pPlus;
  return p * Math.pow(d, -law.alpha);
}

/**
 * ν{w : φ_L(x + φ(w, b)) ∈ (lo, hi)} for an interval (lo, hi) that does not contain x.
 * A landing exactly on hi (an atom only if hi is exactly b away or at ±L) is counted out,
 * which can matter only at saddles and only on a null set of b.
 */
export function jumpInto(law: JumpLaw, x: number, lo: number, hi: number): number {
  if (lo >= x) return jumpTail(law, x, lo, 1) - jumpTail(law, x, hi, 1);
  if (hi <= x) return jumpTail(law, x, hi, -1) - jumpTail(law, x, lo, -1);
  throw new RangeError('jumpInto: the interval must not contain the starting point');
}

/** ν{w : φ_L(x + φ(w, b)) ∉ (left, right)} for x inside (left, right). */
export function jumpOut(law: JumpLaw, x: number, left: number, right: number): number {
  return jumpTail(law, x, right, 1) + jumpTail(law, x, left, -1);
}
