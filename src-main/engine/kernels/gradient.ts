/**
 * f'(x) = κ · Π_k (x − c_k), pre-multiplied by η. The product is a balanced tree
 * of pairs, so its multiplications form a dependency chain of depth 3 for up to 8 factors
 * instead of 7: the step X(n) → X(n+1) waits on this chain, so its latency is a kernel's floor.
 */
export interface GradientConstants {
  /** Number of critical points. */
  n: number;
  /** c_k padded with zeros to 7 entries (the tree reads c0 … c6 into registers). */
  c7: Float64Array;
  /** All c_k, for landscapes with more than 7 points. */
  c: Float64Array;
  /** η·κ. */
  etaKappa: number;
}

export function gradientConstants(criticalPoints: readonly number[], gradientScale: number, eta: number): GradientConstants {
  const c7 = new Float64Array(7);
  c7.set(criticalPoints.slice(0, 7));
  return { n: criticalPoints.length, c7, c: Float64Array.from(criticalPoints), etaKappa: eta * gradientScale };
}

/**
 * η f'(x). Kernels call it with c0 … c6 already in locals; V8 inlines it, and the branch on n
 * (the same every call) is always predicted.
 */
export function etaGradient(
  x: number, n: number, ek: number,
  c0: number, c1: number, c2: number, c3: number, c4: number, c5: number, c6: number,
  c: Float64Array,
): number {
  if (n === 7) return (x - c0) * (x - c1) * ((x - c2) * (x - c3)) * ((x - c4) * (x - c5) * ((x - c6) * ek));
  if (n === 5) return (x - c0) * (x - c1) * ((x - c2) * (x - c3)) * ((x - c4) * ek);
  if (n === 3) return (x - c0) * (x - c1) * ((x - c2) * ek);
  let p = ek;
  for (let k = 0; k < n; k++) p *= x - c[k];
  return p;
}
