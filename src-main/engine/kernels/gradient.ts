/**
 * f'(x) = κ · Π_k (x − c_k) (DESIGN.md §1). The product is taken as a balanced tree of pairs
 * so its multiplications form a dependency chain of depth ⌈log2 n⌉ instead of n: the step
 * X(n) → X(n+1) waits on this chain, so its latency is the kernel's floor.
 */
export function gradientAt(x: number, c: Float64Array, kappa: number): number {
  const n = c.length;
  if (n === 7) {
    const a = (x - c[0]) * (x - c[1]);
    const b = (x - c[2]) * (x - c[3]);
    const d = (x - c[4]) * (x - c[5]);
    return kappa * (a * b) * (d * (x - c[6]));
  }
  if (n === 5) {
    const a = (x - c[0]) * (x - c[1]);
    const b = (x - c[2]) * (x - c[3]);
    return kappa * (a * b) * (x - c[4]);
  }
  let p = kappa;
  for (let k = 0; k < n; k++) p *= x - c[k];
  return p;
}
