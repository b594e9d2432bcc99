import { minima, type Landscape } from '../model/landscape';

/**
 * f'(x) = κ Π_k (x − c_k), evaluated in product form so that it vanishes exactly at
 * every critical point (Assumption 1 holds by construction, not up to rounding).
 */
export function gradient(landscape: Landscape, x: number): number {
  let g = landscape.gradientScale;
  for (const c of landscape.criticalPoints) g *= x - c;
  return g;
}

/** Coefficients a_0..a_N of κ Π_k (x − c_k) = Σ a_k x^k (ascending powers). */
export function gradientCoefficients(landscape: Landscape): number[] {
  let poly = [landscape.gradientScale];
  for (const c of landscape.criticalPoints) {
    // Multiply by (x − c): shift up one power, subtract c times the old polynomial.
    const next = new Array<number>(poly.length + 1).fill(0);
    for (let k = 0; k < poly.length; k++) {
      next[k + 1] += poly[k];
      next[k] -= c * poly[k];
    }
    poly = next;
  }
  return poly;
}

/** Horner evaluation of Σ a_k x^k. */
function horner(coefficients: readonly number[], x: number): number {
  let v = 0;
  for (let k = coefficients.length - 1; k >= 0; k--) v = v * x + coefficients[k];
  return v;
}

/**
 * The loss f: the exact antiderivative of f' (termwise integration of the expanded
 * polynomial), shifted so that the lowest of the minima m_i sits at f = 0 — the paper
 * fixes f only up to a constant, and 0 at the deepest minimum reads best in plots.
 */
export function potential(landscape: Landscape): (x: number) => number {
  const a = gradientCoefficients(landscape);
  const integral = [0, ...a.map((ak, k) => ak / (k + 1))];
  const raw = (x: number) => horner(integral, x);
  const ms = minima(landscape);
  const floor = ms.length ? Math.min(...ms.map(raw)) : 0;
  return (x: number) => raw(x) - floor;
}

export interface PotentialSamples {
  x: number[];
  f: number[];
  /** f'(x) at the same points, for plots of the drift. */
  gradient: number[];
}

/** f and f' on `points` evenly spaced points of [−L, L] (endpoints included), for plots. */
export function samplePotential(landscape: Landscape, points = 401): PotentialSamples {
  const n = Math.max(2, Math.floor(points));
  const f = potential(landscape);
  const L = landscape.L;
  const out: PotentialSamples = { x: [], f: [], gradient: [] };
  for (let k = 0; k < n; k++) {
    const x = -L + (2 * L * k) / (n - 1);
    out.x.push(x);
    out.f.push(f(x));
    out.gradient.push(gradient(landscape, x));
  }
  return out;
}
