/**
 * Tables of a ziggurat for a decreasing density f on [0, ∞) (G. Marsaglia and W. W. Tsang,
 * "The ziggurat method for generating random variables", J. Stat. Softw. 5(8), 2000; layout of
 * J. A. Doornik, "An improved ziggurat method to generate normal random samples", 2005).
 *
 * N layers of equal area v cover the region under f. Layer 0 is the base: [0, r] × [0, f(r)]
 * plus the tail beyond r, v = r f(r) + S(r) with S(r) = ∫_r^∞ f; its "width" x[0] = v / f(r).
 * Layer i ≥ 1 is [0, x[i]] × [f(x[i]), f(x[i]) + v / x[i]], and x[i+1] is where f reaches that
 * top, so every layer has area v. A draw picks a layer uniformly and a point uniformly in it and
 * keeps it when it lies under f: that is a rejection sampler from the union of the layers, exact
 * whatever r is, provided the layers cover the region under f. We therefore pick r at the
 * largest value (bisection) for which the top layer still reaches f(0) — it may overshoot f(0)
 * a little, which only costs a rare rejection — and we round each layer width x[i] up (a few ulps)
 * so the layers cover f, and the fast-accept bound xIn[i] down so the test x < xIn[i+1] never
 * accepts a point above f. The exactness of the method then rests on
 * f itself being evaluated in double precision in the (rare) wedge test.
 */
export interface ZigguratTable {
  /** Layer count N (a power of two so a layer is a few random bits). */
  layers: number;
  /** x[0 … N]: x[0] = v / f(r), x[1] = r, x[N] = 0. */
  x: Float64Array;
  /** Fast-accept bounds: xIn[i] ≤ f^{-1}(fx[i]) (rounded down), so x < xIn[i+1] lies under f in layer i. */
  xIn: Float64Array;
  /** f-heights: fx[i] = f(x[i]) for i ≥ 1 (fx[0] = 0), fx[N] = top of the last layer ≥ f(0). */
  fx: Float64Array;
  /** r: where the tail starts. */
  r: number;
  v: number;
}

export interface ZigguratDensity {
  /** f on [0, ∞), decreasing; need not be normalised. */
  f: (x: number) => number;
  /** f^{-1} on (0, f(0)]. */
  fInverse: (y: number) => number;
  /** S(r) = ∫_r^∞ f. */
  tail: (r: number) => number;
}

const ROUND_DOWN = 1 - 8 * Number.EPSILON;
const ROUND_UP = 1 + 8 * Number.EPSILON;

export function zigguratTable(density: ZigguratDensity, layers: number, rLow: number, rHigh: number): ZigguratTable {
  const top = (r: number): number => {
    const t = build(density, layers, r);
    return t === null ? Infinity : t.fx[layers];
  };
  const f0 = density.f(0);
  // top(r) decreases in r: a larger r means a thinner v. Keep lo with top(lo) ≥ f(0).
  let lo = rLow;
  let hi = rHigh;
  if (!(top(lo) >= f0) || !(top(hi) < f0)) throw new Error('ziggurat: bad bracket for r');
  for (let k = 0; k < 200 && hi - lo > 1e-15 * hi; k++) {
    const mid = 0.5 * (lo + hi);
    if (top(mid) >= f0) lo = mid;
    else hi = mid;
  }
  const t = build(density, layers, lo);
  if (t === null) throw new Error('ziggurat: construction failed');
  return t;
}

/** Layers for a given r, or null when they run past f(0) before the last one (v too large). */
function build(density: ZigguratDensity, layers: number, r: number): ZigguratTable | null {
  const { f, fInverse, tail } = density;
  const f0 = f(0);
  const fr = f(r);
  const v = r * fr + tail(r);
  const x = new Float64Array(layers + 1);
  const xIn = new Float64Array(layers + 1);
  const fx = new Float64Array(layers + 1);
  x[0] = v / fr;
  x[1] = r;
  xIn[1] = r;
  fx[1] = fr;
  for (let i = 1; i < layers; i++) {
    const y = fx[i] + v / x[i];
    if (i === layers - 1) {
      fx[layers] = y;
      x[layers] = 0;
      break;
    }
    if (y >= f0) return null;
    const xi = fInverse(y);
    x[i + 1] = xi * ROUND_UP;
    xIn[i + 1] = xi * ROUND_DOWN;
    fx[i + 1] = y;
  }
  return { layers, x, xIn, fx, r, v };
}
