/**
 * Largest-Triangle-Three-Buckets downsampling (S. Steinarsson, "Downsampling Time Series for
 * Visual Representation", 2013): keeps first and last points and, per bucket, the point forming
 * the largest triangle with the previous kept point and the next bucket's average.
 */
export function lttb(points: readonly [number, number][], threshold: number): [number, number][] {
  const n = points.length;
  if (threshold >= n || threshold < 3) return points.slice();
  const out: [number, number][] = [points[0]];
  const every = (n - 2) / (threshold - 2);
  let a = 0;
  for (let i = 0; i < threshold - 2; i++) {
    const start = Math.floor(i * every) + 1;
    const end = Math.floor((i + 1) * every) + 1;
    const nextStart = end;
    const nextEnd = Math.min(Math.floor((i + 2) * every) + 1, n);
    let ax = 0;
    let ay = 0;
    for (let k = nextStart; k < nextEnd; k++) {
      ax += points[k][0];
      ay += points[k][1];
    }
    const len = Math.max(nextEnd - nextStart, 1);
    ax /= len;
    ay /= len;
    const [px, py] = points[a];
    let best = -1;
    let bestK = start;
    for (let k = start; k < end; k++) {
      const area = Math.abs((px - ax) * (points[k][1] - py) - (px - points[k][0]) * (ay - py));
      if (area > best) {
        best = area;
        bestK = k;
      }
    }
    out.push(points[bestK]);
    a = bestK;
  }
  out.push(points[n - 1]);
  return out;
}
