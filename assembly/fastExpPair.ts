/**
 * fastExp (src-main/engine/kernels2d/fastExp.ts; walk2d.ts fastExpParts) of two arguments in the
 * lanes of an f64x2, each lane with the scalar form's operations in its order, so each lane's
 * value is the scalar one bit for bit. Both arguments must be above UNDER (the caller selects 0
 * for the others), so the table indices stay in range.
 */
import { EXP_OFFSET, INV_LN2_N, LN2_N_HI, LN2_N_LO, SHIFT, WALK2D_MANTISSA, WALK2D_POWER } from './walk2d';

// @ts-ignore: decorator
@inline export function fastExpPair(q: v128): v128 {
  // q/ln2·256 + 1.5·2^52 holds k = round(q/ln2·256) in its low mantissa bits: k's 32 bits are read from there.
  const shifted = f64x2.add(f64x2.mul(q, f64x2.splat(INV_LN2_N)), f64x2.splat(SHIFT));
  const kd = f64x2.sub(shifted, f64x2.splat(SHIFT));
  const r = f64x2.sub(f64x2.sub(q, f64x2.mul(kd, f64x2.splat(LN2_N_HI))), f64x2.mul(kd, f64x2.splat(LN2_N_LO)));
  const mantissaAt = v128.add<i32>(v128.shl<i32>(v128.and(shifted, i32x4.splat(255)), 3), i32x4.splat(<i32>WALK2D_MANTISSA));
  const powerAt = v128.add<i32>(v128.shl<i32>(v128.shr<i32>(shifted, 8), 3), i32x4.splat(<i32>WALK2D_POWER + (EXP_OFFSET << 3)));
  const t = v128.load64_lane(<usize>i32x4.extract_lane(mantissaAt, 2), v128.load64_zero(<usize>i32x4.extract_lane(mantissaAt, 0)), 1);
  const s = v128.load64_lane(<usize>i32x4.extract_lane(powerAt, 2), v128.load64_zero(<usize>i32x4.extract_lane(powerAt, 0)), 1);
  const r2 = f64x2.mul(r, r);
  const p = f64x2.add(
    r,
    f64x2.add(
      f64x2.mul(r2, f64x2.add(f64x2.splat(0.5), f64x2.mul(r, f64x2.splat(1.0 / 6)))),
      f64x2.mul(f64x2.mul(r2, r2), f64x2.add(f64x2.splat(1.0 / 24), f64x2.mul(r, f64x2.splat(1.0 / 120)))),
    ),
  );
  return f64x2.mul(s, f64x2.add(t, f64x2.mul(t, p)));
}
