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
export const LOMAX_LAYERS = 1024;

export interface LomaxZiggurat extends ZigguratTable {
  alpha: number;
  /** −1/α, the inversion exponent. */
  negInvAlpha: number;
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
  return { ...table, alpha, negInvAlpha: -1 / alpha };
}

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

/** Accept w of layer i when a uniform height in the layer lies under f(w). */
export function lomaxWedge(s: RngState, t: LomaxZiggurat, i: number, w: number): boolean {
  const u = ((nextU32(s) >>> 5) * 67108864 + (nextU32(s) >>> 6)) * TWO_POW_M53;
  const y = t.fx[i] + u * (t.fx[i + 1] - t.fx[i]);
  return y < t.alpha * Math.pow(1 + w, -t.alpha - 1);
}
