/**
 * The 2-D walk's step body (src-main/engine/kernels2d/walk2d.ts, walkBlock2d) with the same
 * floating-point operations in the same order, so its iterates are the JavaScript ones bit for
 * bit. Its e^q is the walk's table-driven exp (kernels2d/fastExp.ts), pure arithmetic on tables
 * the JavaScript side copies in, so no import is needed; Math.round is V8's (ceil, then step
 * down unless ceil − 1/2 ≤ v), which is the exact round-half-up. The noise stays JavaScript:
 * its samplers fill WALK2D_BUF in place.
 */
import { BLOCK } from './layout';
import { TALLY2D_BASIN_COUNTS, TALLY2D_ENTRY_BALL, TALLY2D_ENTRY_STEP, TALLY2D_HISTOGRAM, TALLY2D_MINIMA, TALLY2D_STATE, TALLY2D_THINNED, tallyBins, tallyBinScale, tallyEpsilon2, tallyThin } from './tally2d';

/** Most terms and map nodes a 2-D landscape may bring here (larger ones run in JavaScript). */
export const MAX_TERMS_2D: i32 = 128;
export const MAX_LABELS_2D: i32 = 1 << 20;
/** η·Z pairs of one block: x, y of step j at 2j, 2j + 1. */
export const WALK2D_BUF: usize = memory.data(2 * BLOCK * 8, 16);
export const WALK2D_XS: usize = memory.data(BLOCK * 8, 16);
export const WALK2D_YS: usize = memory.data(BLOCK * 8, 16);
export const WALK2D_BASINS: usize = memory.data(BLOCK * 4, 16);
/** The walk's terms as Walk2D prepared them (4 or 6 doubles per term). */
export const WALK2D_TERMS: usize = memory.data(MAX_TERMS_2D * 6 * 8, 16);
export const WALK2D_LABELS: usize = memory.data(MAX_LABELS_2D, 16);
/** fastExp.ts's MANTISSA (256) and POWER (2201) tables. */
export const WALK2D_MANTISSA: usize = memory.data(256 * 8, 16);
export const WALK2D_POWER: usize = memory.data(2201 * 8, 16);
/** [x, y] of the path. */
export const WALK2D_XY: usize = memory.data(2 * 8, 16);

export const INV_LN2_N: f64 = 256 / Math.LN2;
export const LN2_N_HI: f64 = 6.93147180369123816490e-1 / 256;
export const LN2_N_LO: f64 = 1.90821492927058770002e-10 / 256;
export const SHIFT: f64 = 6755399441055744;
export const UNDER: f64 = -745.2;
export const OVER: f64 = 709.78;
export const EXP_OFFSET: i32 = 1100;

export let radial: bool = true;
export let termCount: i32 = 0;
export let nodes: i32 = 0;
export let spacing: f64 = 0;
export let box: f64 = 0;
export let clip: f64 = 0;
export let clip2: f64 = 0;
export let etaConfinement: f64 = 0;

export function region2d(k: i32): usize {
  switch (k) {
    case 0: return WALK2D_BUF;
    case 1: return WALK2D_XS;
    case 2: return WALK2D_YS;
    case 3: return WALK2D_BASINS;
    case 4: return WALK2D_TERMS;
    case 5: return WALK2D_LABELS;
    case 6: return WALK2D_MANTISSA;
    case 7: return WALK2D_POWER;
    case 8: return WALK2D_XY;
    case 9: return TALLY2D_HISTOGRAM;
    case 10: return TALLY2D_BASIN_COUNTS;
    case 11: return TALLY2D_MINIMA;
    case 12: return TALLY2D_ENTRY_BALL;
    case 13: return TALLY2D_ENTRY_STEP;
    case 14: return TALLY2D_THINNED;
    case 15: return TALLY2D_STATE;
    default: return 0;
  }
}

export function setWalk2d(isRadial: i32, count: i32, n: i32, h: f64, L: f64, b: f64, b2: f64, ek: f64): void {
  radial = isRadial != 0;
  termCount = count;
  nodes = n;
  spacing = h;
  box = L;
  clip = b;
  clip2 = b2;
  etaConfinement = ek;
}

// @ts-ignore: decorator
@inline function roundHalfUp(v: f64): f64 {
  const c = Math.ceil(v);
  return c - 0.5 <= v ? c : c - 1;
}

// @ts-ignore: decorator
@inline function fastExpParts(q: f64): f64 {
  const shifted = q * INV_LN2_N + SHIFT;
  const kd = shifted - SHIFT;
  const r = q - kd * LN2_N_HI - kd * LN2_N_LO;
  // k = kd sits in the low mantissa bits of the shifted double: reading them there skips the conversion's latency.
  const ki = <i32>reinterpret<i64>(shifted);
  const t = load<f64>(WALK2D_MANTISSA + ((<usize>(ki & 255)) << 3));
  const r2 = r * r;
  const p = r + (r2 * (0.5 + r * (1.0 / 6)) + r2 * r2 * (1.0 / 24 + r * (1.0 / 120)));
  return load<f64>(WALK2D_POWER + ((<usize>((ki >> 8) + EXP_OFFSET)) << 3)) * (t + t * p);
}

/** walkBlock2d on WALK2D_BUF pairs from … to − 1; returns the steps taken. The tests' window on walkSteps (no kernel calls it). */
export function walk2d(from: i32, to: i32, home: i32): i32 {
  return walkSteps(from, to, home, false);
}

/**
 * A long path's block: walkBlock2d on WALK2D_BUF pairs 0 … steps − 1, each iterate tallied as
 * it is made (tally2d.ts; the JavaScript kernel's tallyBlock2d). Tallying inside the walk lets
 * its independent work fill the slots the walk's one dependency chain leaves idle.
 */
export function walkTally2d(steps: i32): void {
  walkSteps(0, steps, 0, true);
}

// @ts-ignore: decorator
@inline function walkSteps(from: i32, to: i32, home: i32, tallying: bool): i32 {
  const ek = etaConfinement;
  const n = nodes;
  const last = n - 1;
  const h = spacing;
  const L = box;
  const b = clip;
  const b2 = clip2;
  let x = load<f64>(WALK2D_XY);
  let y = load<f64>(WALK2D_XY, 8);
  let j = from;
  const bins = tallyBins;
  const top = bins - 1;
  const binScale = tallyBinScale;
  const epsilon2 = tallyEpsilon2;
  const thin = tallyThin;
  let lastBall = tallying ? load<i32>(TALLY2D_STATE) : 0;
  let sinceThin = tallying ? load<i32>(TALLY2D_STATE, 4) : 0;
  let entries = 0;
  let thinned = 0;
  while (j < to) {
    let gx = ek * x;
    let gy = ek * y;
    if (radial) {
      for (let k = 0; k < termCount; k++) {
        const o = WALK2D_TERMS + ((<usize>k) << 5);
        const dx = x - load<f64>(o);
        const dy = y - load<f64>(o, 8);
        const q = load<f64>(o, 16) * (dx * dx + dy * dy);
        let e: f64 = 0;
        if (q > UNDER) e = fastExpParts(q) * load<f64>(o, 24);
        gx += e * dx;
        gy += e * dy;
      }
    } else {
      for (let k = 0; k < termCount; k++) {
        const o = WALK2D_TERMS + (<usize>k) * 48;
        const dx = x - load<f64>(o);
        const dy = y - load<f64>(o, 8);
        const px = load<f64>(o, 16) * dx + load<f64>(o, 24) * dy;
        const py = load<f64>(o, 24) * dx + load<f64>(o, 32) * dy;
        const q = 0.5 * (px * dx + py * dy);
        let e: f64 = 0;
        if (q > UNDER && q < OVER) e = fastExpParts(q);
        else if (q >= OVER) e = Infinity;
        e *= load<f64>(o, 40);
        gx += e * px;
        gy += e * py;
      }
    }
    const at = WALK2D_BUF + ((<usize>j) << 4);
    let vx = gx - load<f64>(at);
    let vy = gy - load<f64>(at, 8);
    const v2 = vx * vx + vy * vy;
    if (v2 > b2) {
      const s = b / Math.sqrt(v2);
      vx *= s;
      vy *= s;
    }
    x -= vx;
    y -= vy;
    if (!(x <= L && x >= -L)) x = x > L ? L : -L;
    if (!(y <= L && y >= -L)) y = y > L ? L : -L;
    const ni = <i32>roundHalfUp((x + L) / h);
    const nj = <i32>roundHalfUp((y + L) / h);
    const basin = <i32>load<u8>(WALK2D_LABELS + <usize>((nj < last ? nj : last) * n + (ni < last ? ni : last)));
    store<f64>(WALK2D_XS + ((<usize>j) << 3), x);
    store<f64>(WALK2D_YS + ((<usize>j) << 3), y);
    store<i32>(WALK2D_BASINS + ((<usize>j) << 2), basin);
    if (tallying) {
      const bx = <i32>Math.floor((x + L) * binScale);
      const by = <i32>Math.floor((y + L) * binScale);
      const cell = TALLY2D_HISTOGRAM + ((<usize>((bx < top ? bx : top) * bins + (by < top ? by : top))) << 3);
      store<f64>(cell, load<f64>(cell) + 1);
      const count = TALLY2D_BASIN_COUNTS + ((<usize>(basin - 1)) << 3);
      store<f64>(count, load<f64>(count) + 1);
      if (basin != lastBall) {
        const m = TALLY2D_MINIMA + ((<usize>(basin - 1)) << 4);
        const mx = x - load<f64>(m);
        const my = y - load<f64>(m, 8);
        if (mx * mx + my * my <= epsilon2) {
          store<i32>(TALLY2D_ENTRY_BALL + ((<usize>entries) << 2), basin);
          store<i32>(TALLY2D_ENTRY_STEP + ((<usize>entries) << 2), j);
          entries++;
          lastBall = basin;
        }
      }
      if (++sinceThin == thin) {
        sinceThin = 0;
        const at = TALLY2D_THINNED + ((<usize>thinned) << 4);
        store<f64>(at, x);
        store<f64>(at, y, 8);
        thinned++;
      }
    }
    j++;
    if (home > 0 && basin != home) break;
  }
  store<f64>(WALK2D_XY, x);
  store<f64>(WALK2D_XY, y, 8);
  if (tallying) {
    store<i32>(TALLY2D_STATE, lastBall);
    store<i32>(TALLY2D_STATE, sinceThin, 4);
    store<i32>(TALLY2D_STATE, entries, 8);
    store<i32>(TALLY2D_STATE, thinned, 12);
  }
  return j - from;
}
