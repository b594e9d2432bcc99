import { POINTS } from './layout';

/**
 * The task's constants, set once per chunk by `setParams` (critical points are written to
 * POINTS first). Kept in globals so every loop reads them into locals.
 */
export let pointCount: i32 = 0;
export let etaKappa: f64 = 0;
export let clipB: f64 = Infinity;
export let boxL: f64 = Infinity;
export let omegaLeft: f64 = -Infinity;
export let omegaRight: f64 = Infinity;
/** The noise value is ±hs·v − hshift (Pareto with p₊ = 1/2: η·scale and 0; Gaussian: η·σ and 0). */
export let noiseScale: f64 = 1;
export let noiseShift: f64 = 0;

export function setParams(n: i32, ek: f64, b: f64, L: f64, left: f64, right: f64, hs: f64, hshift: f64): void {
  pointCount = n;
  etaKappa = ek;
  clipB = b;
  boxL = L;
  omegaLeft = left;
  omegaRight = right;
  noiseScale = hs;
  noiseShift = hshift;
}

/** c_k, zero past the landscape's points (as gradient.ts pads c7). */
@inline export function point(k: i32): f64 {
  return k < pointCount ? load<f64>(POINTS + (<usize>k << 3)) : 0;
}
