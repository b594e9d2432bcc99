/**
 * An independent Monte Carlo of the jump construction that defines q_i, q_ij (the measure of
 * l* jumps and l* − 1 waiting times whose path ends outside Ω_i, in Ω_j), sharing no code with
 * src-shared/theory: it samples every jump (both signs) and every waiting time, flows with a
 * small-step RK4 solver and looks at where the path ends. It knows nothing of the reductions
 * the library makes (one side at a time, the chain of one-dimensional integrals).
 *
 *  - Jumps w ~ ν restricted to |w| > δ: total mass δ^−α, |w| = δ U^(−1/α), sign + w.p. p₊.
 *    δ = r_i − (l* − 1)b loses nothing: l* moves of length ≤ b must add up to r_i, so a path
 *    with a jump shorter than δ cannot leave Ω_i.
 *  - The waiting time after jump k (l* − k jumps still to come): t ~ Uniform[0, T_k] with
 *    weight T_k, T_k = the time the flow needs from the farthest point k jumps can reach on
 *    that side down to distance r_i − (l* − k)b from m_i (from there l* − k jumps of length
 *    ≤ b cannot leave Ω_i, so longer waits cannot lead to an exit).
 *  - The flow is 1-D and autonomous, so every path is a time shift of the flow from the
 *    farthest reachable point on its side: RK4 (dt = 1e-4) tabulates that flow once, and
 *    x(t) from y is read off at (time of passing y) + t by linear interpolation.
 *
 * Estimate: q̂_ij = δ^−l*α · mean(Π_k T_k · 1{sample ends in Ω_j}), with the standard error
 * of that sample mean.
 */

export interface McLandscape {
  criticalPoints: number[];
  L: number;
  gradientScale: number;
}

export interface McResult {
  q: number;
  qSE: number;
  qTo: Record<string, number>;
  qToSE: Record<string, number>;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  const next32 = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  // 53-bit uniform in [0, 1).
  return () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
}

interface FlowTable {
  positions: Float64Array; // x(k·dt), moving monotonically towards m
  dt: number;
}

export function monteCarloJumps(
  ls: McLandscape,
  noise: { alpha: number; pPlus: number },
  b: number,
  fieldIndex: number,
  lStar: number,
  samples: number,
  seed: number,
): McResult {
  const c = ls.criticalPoints;
  const minima = c.filter((_, k) => k % 2 === 0);
  const saddles = c.filter((_, k) => k % 2 === 1);
  const n = minima.length;
  const m = minima[fieldIndex - 1];
  const left = fieldIndex > 1 ? saddles[fieldIndex - 2] : -Infinity;
  const right = fieldIndex < n ? saddles[fieldIndex - 1] : Infinity;
  const r = Math.min(m - left, right - m);
  if (!(r > (lStar - 1) * b && r < lStar * b && lStar >= 2)) throw new Error(`monteCarloJumps: l* is not ${lStar}`);
  const delta = r - (lStar - 1) * b;
  const { alpha, pPlus } = noise;

  const fPrime = (x: number) => {
    let g = ls.gradientScale;
    for (const ck of c) g *= x - ck;
    return g;
  };
  const clip = (v: number, bound: number) => Math.max(-bound, Math.min(bound, v));
  const fieldOf = (x: number) => {
    let j = 1;
    for (const s of saddles) if (x > s) j++;
    return j;
  };

  const dt = 1e-4;
  const tabulate = (start: number): FlowTable => {
    const positions: number[] = [start];
    let x = start;
    const drift = (y: number) => -fPrime(y);
    while (Math.abs(x - m) >= delta) {
      const k1 = drift(x);
      const k2 = drift(x + 0.5 * dt * k1);
      const k3 = drift(x + 0.5 * dt * k2);
      const k4 = drift(x + dt * k3);
      x += (dt / 6) * (k1 + 2 * k2 + 2 * k3 + k4);
      positions.push(x);
      if (positions.length > 5e6) throw new Error('flow does not reach the stop zone');
    }
    return { positions: Float64Array.from(positions), dt };
  };
  const up = tabulate(Math.min(m + (lStar - 1) * b, ls.L));
  const down = tabulate(Math.max(m - (lStar - 1) * b, -ls.L));

  /** The time at which the tabulated flow passes distance d from m (0 if it starts inside). */
  const passing = (table: FlowTable, d: number): number => {
    const p = table.positions;
    let k = 0;
    while (k < p.length && Math.abs(p[k] - m) > d) k++;
    return k * table.dt;
  };
  /** T_k per side: from the farthest point k jumps reach down to r − (l* − k)b. */
  const waits = (table: FlowTable) =>
    Array.from({ length: lStar }, (_, k) => (k === 0 ? 0 : passing(table, r - (lStar - k) * b) - passing(table, k * b)));
  const upWaits = waits(up);
  const downWaits = waits(down);

  /** x(t) for the flow started at y (on the table's side of m). */
  const flow = (table: FlowTable, y: number, t: number): number => {
    const p = table.positions;
    const last = p.length - 1;
    // Distance to m decreases along the table: find the first index with distance ≤ |y − m|.
    const dy = Math.abs(y - m);
    let lo = 0;
    let hi = last;
    if (Math.abs(p[last] - m) > dy) return y; // y already inside the stop zone: no exit from here on
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (Math.abs(p[mid] - m) <= dy) hi = mid;
      else lo = mid + 1;
    }
    // Time at which the tabulated flow passes y, interpolated inside step [lo − 1, lo].
    let tau = lo * table.dt;
    if (lo > 0) {
      const a = p[lo - 1];
      const frac = (a - y) / (a - p[lo]);
      tau = (lo - 1 + frac) * table.dt;
    }
    const s = (tau + t) / table.dt;
    if (s >= last) return p[last];
    const k = Math.floor(s);
    return p[k] + (s - k) * (p[k + 1] - p[k]);
  };

  const rand = mulberry32(seed);
  const jump = () => {
    const size = delta * Math.pow(1 - rand(), -1 / alpha);
    return rand() < pPlus ? size : -size;
  };
  // Per destination (index 0 = any exit): Σ weight and Σ weight² of the samples that end there.
  const sum = new Array<number>(n + 1).fill(0);
  const sumSq = new Array<number>(n + 1).fill(0);
  for (let k = 0; k < samples; k++) {
    let x = m;
    let weight = 1;
    for (let jumpNo = 1; jumpNo < lStar; jumpNo++) {
      const y = clip(x + clip(jump(), b), ls.L);
      const table = y > m ? up : down;
      const T = (y > m ? upWaits : downWaits)[jumpNo];
      weight *= T;
      x = flow(table, y, rand() * T);
    }
    const end = clip(x + clip(jump(), b), ls.L);
    if (end <= left || end >= right) {
      const j = fieldOf(end);
      for (const slot of [0, j]) {
        sum[slot] += weight;
        sumSq[slot] += weight * weight;
      }
    }
  }
  const mass = Math.pow(delta, -lStar * alpha);
  const estimate = (slot: number) => (mass * sum[slot]) / samples;
  const se = (slot: number) => {
    const mean = sum[slot] / samples;
    const variance = Math.max(0, sumSq[slot] / samples - mean * mean);
    return mass * Math.sqrt(variance / samples);
  };
  const qTo: Record<string, number> = {};
  const qToSE: Record<string, number> = {};
  for (let j = 1; j <= n; j++) {
    if (j === fieldIndex) continue;
    qTo[j] = estimate(j);
    qToSE[j] = se(j);
  }
  return { q: estimate(0), qSE: se(0), qTo, qToSE };
}
