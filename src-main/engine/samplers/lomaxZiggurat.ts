import { nextU32, TWO_POW_M53, type RngState } from '../random/xoshiro128';
import { zigguratTable, type ZigguratTable } from './zigguratTable';

/**
 * Lomax(α) by a ziggurat on its density f(w) = α (1 + w)^(−α−1), w ≥ 0 (the method of
 * zigguratTable.ts, Marsaglia and Tsang 2000), so about 98.9% of draws cost two generator outputs,
 * a multiply and a compare, and no transcendental function. The rest:
 * - tail (W > r, probability (1 + r)^−α): exact inversion of the conditional tail,
 *   P(W > w | W > r) = ((1 + w)/(1 + r))^−α, so W = (1 + r) U^(−1/α) − 1 with U on (0, 1] resolved
 *   to 2^−53 as in lomaxInversion.ts;
 * - wedges (a point of a layer right of the fast-accept bound): compare with f (one pow).
 * One draw: 53-bit uniform from a (32 bits, read as a signed integer plus 2^31: a bijection onto
 * 0 … 2^32 − 1) and b >>> 11 (21 bits), layer = b & 1023 (1024 layers: about 98.9% fast draws).
 */
const LOMAX_LAYERS = 1024;

export interface LomaxZiggurat extends ZigguratTable {
  alpha: number;
  /** −1/α, the inversion exponent. */
  negInvAlpha: number;
  /**
   * Squeeze for the wedge of layer i, spanning [xl, xr] = [xIn[i+1], x[i]]: f at both ends and
   * its slope f'(x) = −(α + 1) f(x) / (1 + x) there.
   */
  fLeft: Float64Array;
  fRight: Float64Array;
  slopeLeft: Float64Array;
  slopeRight: Float64Array;
}

const tables = new Map<number, LomaxZiggurat>();

/** Tables depend on α only; building one takes milliseconds, so each thread keeps them. */
export function lomaxZigguratTable(alpha: number): LomaxZiggurat {
  let t = tables.get(alpha);
  if (t === undefined) {
    t = buildLomaxZiggurat(alpha);
    tables.set(alpha, t);
  }
  return t;
}

function buildLomaxZiggurat(alpha: number): LomaxZiggurat {
  if (!(alpha > 0)) throw new RangeError(`Lomax α must be > 0, got ${alpha}`);
  const table = zigguratTable(
    {
      f: (w) => alpha * Math.pow(1 + w, -alpha - 1),
      fInverse: (y) => Math.pow(y / alpha, -1 / (alpha + 1)) - 1,
      tail: (r) => Math.pow(1 + r, -alpha),
    },
    LOMAX_LAYERS,
    1e-3,
    1e12,
  );
  const f = (w: number) => alpha * Math.pow(1 + w, -alpha - 1);
  const n = table.layers;
  const fLeft = new Float64Array(n);
  const fRight = new Float64Array(n);
  const slopeLeft = new Float64Array(n);
  const slopeRight = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    const xl = table.xIn[i + 1];
    const xr = table.x[i];
    fLeft[i] = f(xl);
    fRight[i] = f(xr);
    slopeLeft[i] = (-(alpha + 1) * fLeft[i]) / (1 + xl);
    slopeRight[i] = (-(alpha + 1) * fRight[i]) / (1 + xr);
  }
  return { ...table, alpha, negInvAlpha: -1 / alpha, fLeft, fRight, slopeLeft, slopeRight };
}

/** Relative margin of the squeeze: far above the rounding of the tables (~1e−15), far below anything visible. */
const SQUEEZE_MARGIN = 1e-9;

export function lomaxZiggurat(s: RngState, t: LomaxZiggurat): number {
  const x = t.x;
  for (;;) {
    const a = nextU32(s) | 0;
    const b = nextU32(s);
    const i = b & 1023;
    const w = ((a + 2147483648) * 2097152 + (b >>> 11)) * TWO_POW_M53 * x[i];
    if (w < t.xIn[i + 1]) return w;
    if (i === 0) return lomaxTail(s, t);
    if (lomaxWedge(s, t, i, w)) return w;
  }
}

/** W given W > r, by exact inversion. */
export function lomaxTail(s: RngState, t: LomaxZiggurat): number {
  const u = 1 - ((nextU32(s) >>> 5) * 67108864 + (nextU32(s) >>> 6)) * TWO_POW_M53;
  return (1 + t.r) * Math.pow(u, t.negInvAlpha) - 1;
}

/**
 * Accept w of layer i when a uniform height y in the layer lies under f(w). f is convex, so on
 * the wedge [xl, xr] it lies below the chord between its end points and above its tangents
 * there (Marsaglia and Tsang's squeeze): y above the chord rejects and y below a tangent accepts
 * without evaluating f; only the thin band between them (with a 1e−9 relative margin, so table
 * rounding never decides) needs the exact f(w), one pow.
 */
export function lomaxWedge(s: RngState, t: LomaxZiggurat, i: number, w: number): boolean {
  const u = ((nextU32(s) >>> 5) * 67108864 + (nextU32(s) >>> 6)) * TWO_POW_M53;
  const y = t.fx[i] + u * (t.fx[i + 1] - t.fx[i]);
  const xl = t.xIn[i + 1];
  const xr = t.x[i];
  const fl = t.fLeft[i];
  const fr = t.fRight[i];
  const chord = fl + ((fr - fl) * (w - xl)) / (xr - xl);
  if (y > chord * (1 + SQUEEZE_MARGIN)) return false;
  const tangent = Math.max(fl + t.slopeLeft[i] * (w - xl), fr + t.slopeRight[i] * (w - xr));
  if (y < tangent * (1 - SQUEEZE_MARGIN)) return true;
  return y < t.alpha * Math.pow(1 + w, -t.alpha - 1);
}
