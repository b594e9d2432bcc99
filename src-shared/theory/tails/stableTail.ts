import type { StableNoise } from '../../model/noiseFamilies';
import { integrate } from '../quadrature';
import type { RegularVariation } from './regularVariation';

/**
 * H(x) = P(|Z| > x) for symmetric α-stable Z with E e^{itZ} = exp(−|scale·t|^α), 1 < α ≤ 2, by
 * J. P. Nolan's integral ("Numerical calculation of stable densities and distribution
 * functions", Comm. Statist. Stochastic Models 13, 1997, Theorem 1 with β = 0): for s = x/scale > 0,
 *
 *   P(S > s) = (1/π) ∫_0^{π/2} exp(−s^{α/(α−1)} V(θ)) dθ,
 *   V(θ) = (cos θ / sin αθ)^{α/(α−1)} · cos((α − 1)θ) / cos θ,
 *
 * a smooth, non-oscillating integrand in [0, 1], unlike the Fourier inversion of the
 * characteristic function. V falls from ∞ at θ = 0 to 0 at θ = π/2, so for large s the integrand
 * is a narrow step near π/2 of width ~ s^{−α}; we integrate over φ = π/2 − θ on a log scale,
 * φ = e^t, which spreads that step over O(1) in t, and cut at φ = 10^−14·min(1, s^{−α}) (the
 * integrand is ≤ 1, so the part cut off is below 10^−14 of H·(some O(1) constant)).
 *
 * Accuracy: adaptive Gauss–Kronrod (quadrature.ts) on unit steps of t, each to relative 1e−12; the tests agree with two
 * independent series (convergent for small s, asymptotic for large s) and with the Gaussian at
 * α = 2 to better than 1e−9 relative.
 */
export function stableTail(noise: StableNoise, x: number): number {
  const s = Math.abs(x) / noise.scale;
  if (s === 0) return 1;
  const alpha = noise.alpha;
  const p = alpha / (alpha - 1);
  const logS = p * Math.log(s);
  // δ = (2 − α)π/2: near φ = 0 the angles αθ = απ/2 − αφ and (α − 1)θ are expanded around απ/2
  // and (α − 1)π/2 through δ, as sums of non-negative terms, so sin αθ and cos (α − 1)θ keep their
  // relative precision there (sin(Math.PI − 2φ) would be off by 1e−16 absolute, ruinous for tiny φ).
  const delta = ((2 - alpha) * Math.PI) / 2;
  const sinDelta = Math.sin(delta);
  const cosDelta = Math.cos(delta);
  const integrand = (t: number): number => {
    const phi = Math.exp(t);
    const theta = Math.PI / 2 - phi;
    if (!(theta > 0)) return 0;
    const cosTheta = Math.sin(phi);
    let sinAlphaTheta: number;
    let cosAlphaMinusOneTheta: number;
    if (phi < Math.PI / 4) {
      sinAlphaTheta = sinDelta * Math.cos(alpha * phi) + cosDelta * Math.sin(alpha * phi);
      cosAlphaMinusOneTheta = sinDelta * Math.cos((alpha - 1) * phi) + cosDelta * Math.sin((alpha - 1) * phi);
    } else {
      sinAlphaTheta = Math.sin(alpha * theta);
      cosAlphaMinusOneTheta = Math.cos((alpha - 1) * theta);
    }
    const logV = p * (Math.log(cosTheta) - Math.log(sinAlphaTheta)) + Math.log(cosAlphaMinusOneTheta) - Math.log(cosTheta);
    const e = logS + logV;
    return e > 745 ? 0 : Math.exp(-Math.exp(e)) * phi;
  };
  const tLow = Math.log(1e-14 * Math.min(1, Math.pow(s, -alpha)));
  const tHigh = Math.log(Math.PI / 2);
  // Unit steps in t before adaptivity: one 15-point rule over all of [tLow, tHigh] can miss the
  // narrow bump and report a small error for a wrong value.
  let sum = 0;
  for (let a = tLow; a < tHigh; a += 1) sum += integrate(integrand, a, Math.min(a + 1, tHigh), { relTol: 1e-12, maxPieces: 200 });
  return (2 / Math.PI) * sum;
}

/** Symmetric, with P(|Z| > x) ~ (2/π) Γ(α) sin(πα/2) (x/scale)^{−α}: index α, p₊ = 1/2. */
export function stableRegularVariation(noise: StableNoise): RegularVariation | null {
  return noise.alpha < 2 ? { alpha: noise.alpha, pPlus: 0.5 } : null;
}
