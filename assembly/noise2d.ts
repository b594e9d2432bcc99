/**
 * The first pass of the 2-D isotropic Pareto sampler (src-main/engine/kernels2d/noise2d.ts,
 * IsotropicParetoSampler.firstPass) with the same words and operations, so its values are the
 * JavaScript ones bit for bit: W's first ziggurat attempt, then Θ by rejection from the square.
 * Steps whose W the ziggurat cannot accept at once are noted in lane 0's pending notes (their
 * out pair holds Θ), for the JavaScript second pass.
 */
import { PENDING_COUNT, STATE, TABLE_X, TABLE_XIN } from './layout';
import { addPending } from './noise';
import { noiseScale } from './params';

const M53: f64 = 1.1102230246251565e-16;
const M52: f64 = 2.220446049250313e-16;
const TWO_POW_21: f64 = 2097152;
const TWO_POW_26: f64 = 67108864;
const TWO_POW_31: f64 = 2147483648;

/** Steps from … to − 1 into out (pairs), from lane 0's main stream; the pending count is reset. */
export function fillIsotropic(out: usize, from: i32, to: i32): void {
  store<i32>(PENDING_COUNT, 0);
  let s0 = load<i32>(STATE);
  let s1 = load<i32>(STATE, 16);
  let s2 = load<i32>(STATE, 32);
  let s3 = load<i32>(STATE, 48);
  const hs = noiseScale;
  for (let k = from; k < to; k++) {
    let r = s1 * 5;
    const a = rotl<i32>(r, 7) * 9;
    let t9 = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t9;
    s3 = rotl<i32>(s3, 11);
    r = s1 * 5;
    const b = rotl<i32>(r, 7) * 9;
    t9 = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t9;
    s3 = rotl<i32>(s3, 11);
    const i = b & 1023;
    const w = ((<f64>a + TWO_POW_31) * TWO_POW_21 + <f64>(<u32>b >>> 11)) * M53 * load<f64>(TABLE_X + (<usize>i << 3));
    let u: f64 = 0;
    let v: f64 = 0;
    let r2: f64 = 0;
    do {
      r = s1 * 5;
      const w0 = rotl<i32>(r, 7) * 9;
      t9 = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t9;
      s3 = rotl<i32>(s3, 11);
      r = s1 * 5;
      const w1 = rotl<i32>(r, 7) * 9;
      t9 = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t9;
      s3 = rotl<i32>(s3, 11);
      r = s1 * 5;
      const w2 = rotl<i32>(r, 7) * 9;
      t9 = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t9;
      s3 = rotl<i32>(s3, 11);
      r = s1 * 5;
      const w3 = rotl<i32>(r, 7) * 9;
      t9 = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t9;
      s3 = rotl<i32>(s3, 11);
      u = (2 * (<f64>(<u32>w0 >>> 6) * TWO_POW_26 + <f64>(<u32>w1 >>> 6)) + 1) * M52 - 1;
      v = (2 * (<f64>(<u32>w2 >>> 6) * TWO_POW_26 + <f64>(<u32>w3 >>> 6)) + 1) * M52 - 1;
      r2 = u * u + v * v;
    } while (!(r2 < 1));
    const inv = 1 / Math.sqrt(r2);
    const ux = u * inv;
    const uy = v * inv;
    const at = out + (<usize>k << 4);
    if (w < load<f64>(TABLE_XIN + (<usize>(i + 1) << 3))) {
      const m = hs * w;
      store<f64>(at, m * ux);
      store<f64>(at, m * uy, 8);
    } else {
      store<f64>(at, ux);
      store<f64>(at, uy, 8);
      addPending(0, k, w, i);
    }
  }
  store<i32>(STATE, s0);
  store<i32>(STATE, s1, 16);
  store<i32>(STATE, s2, 32);
  store<i32>(STATE, s3, 48);
}
