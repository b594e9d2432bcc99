import { basinOf, type BasinMap } from '../../../src-shared/theory2d/basinMap';
import type { Surface2D } from '../../../src-shared/theory2d/surface';
import type { KernelNoise2D } from '../../../src-main/engine/kernels2d/tasks2d';

/**
 * An independent 2-D simulator for the statistical tests: the model written the plain way,
 * sharing nothing with the kernels but the basin map (the definition of "which basin"). Its own
 * generator (sfc32, C. Doty-Humphrey's small fast counting generator), noise by inversion and
 * trigonometry, the gradient from theory2d's closed forms, the clip with Math.hypot.
 */
export function sfc32(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let k = 0; k < 15; k++) next();
  /** U on (0, 1] with 53 bits. */
  return () => ((next() >>> 5) * 67108864 + (next() >>> 6) + 1) / 9007199254740992;
}

export function noiseDraw(noise: PlainNoise2D, u: () => number): [number, number] {
  if (noise.family === 'gaussian') {
    const rho = noise.sigma * Math.sqrt(-2 * Math.log(u()));
    const t = 2 * Math.PI * u();
    return [rho * Math.cos(t), rho * Math.sin(t)];
  }
  const lomax = () => Math.pow(u(), -1 / noise.alpha) - 1;
  if (noise.direction === 'isotropic') {
    const r = noise.scale * lomax();
    const t = 2 * Math.PI * u();
    return [r * Math.cos(t), r * Math.sin(t)];
  }
  const sign = () => (u() <= 0.5 ? 1 : -1);
  return [noise.scale * lomax() * sign(), noise.scale * lomax() * sign()];
}

/** The noises this simulator draws by inversion (the others come from their 1-D samplers). */
export type PlainNoise2D = Extract<KernelNoise2D, { family: 'pareto' | 'gaussian' }>;

export interface Model2D {
  surface: Surface2D;
  map: BasinMap;
  noise: PlainNoise2D;
  clip: number | null;
  eta: number;
}

export function step(m: Model2D, p: [number, number], u: () => number): [number, number] {
  const [gx, gy] = m.surface.gradient(p[0], p[1]);
  const [zx, zy] = noiseDraw(m.noise, u);
  let vx = m.eta * (gx - zx);
  let vy = m.eta * (gy - zy);
  const norm = Math.hypot(vx, vy);
  if (m.clip !== null && norm > m.clip) {
    vx *= m.clip / norm;
    vy *= m.clip / norm;
  }
  const L = m.surface.L;
  return [Math.min(L, Math.max(-L, p[0] - vx)), Math.min(L, Math.max(-L, p[1] - vy))];
}

/** σ and the basin of X(σ) for `samples` samples from x0 (no censoring: callers pick fast exits). */
export function exitTimes(m: Model2D, x0: [number, number], samples: number, seed: number): { times: number[]; to: number[] } {
  const u = sfc32(seed);
  const home = basinOf(m.map, x0);
  const times: number[] = [];
  const to: number[] = [];
  for (let s = 0; s < samples; s++) {
    let p = x0;
    let n = 0;
    let basin = home;
    while (basin === home) {
      p = step(m, p, u);
      n++;
      basin = basinOf(m.map, p);
    }
    times.push(n);
    to.push(basin);
  }
  return { times, to };
}

/** Share of X(1 … T) per basin, one row per path. */
export function basinShares(m: Model2D, x0: [number, number], paths: number, T: number, seed: number): number[][] {
  const u = sfc32(seed);
  const rows: number[][] = [];
  for (let q = 0; q < paths; q++) {
    const counts = new Array<number>(m.map.minima.length).fill(0);
    let p = x0;
    for (let n = 0; n < T; n++) {
      p = step(m, p, u);
      counts[basinOf(m.map, p) - 1]++;
    }
    rows.push(counts.map((c) => c / T));
  }
  return rows;
}

export function meanAndStderr(values: readonly number[]): { mean: number; stderr: number } {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  return { mean, stderr: Math.sqrt(variance / n) };
}
