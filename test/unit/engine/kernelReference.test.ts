import { describe, expect, it } from 'vitest';
import { fieldIndexOf, fields, minima } from '../../../src-shared/model/landscape';
import type { Noise } from '../../../src-shared/model/noise';
import { etaGradient, gradientConstants } from '../../../src-main/engine/kernels/gradient';
import { exitTimeStream, longRunStream } from '../../../src-main/engine/random/streamKey';
import { uniform53 } from '../../../src-main/engine/random/xoshiro128';
import { gaussianPolar } from '../../../src-main/engine/samplers/gaussianPolar';
import { lomaxInversion } from '../../../src-main/engine/samplers/lomaxInversion';
import { noiseSamplerFor } from '../../../src-main/engine/samplers/noiseSamplerFor';
import { runTask } from '../../../src-main/engine/runTask';
import type { ExitTimeChunkResult, KernelParams, LongRunChunkResult } from '../../../src-main/engine/tasks';
import { exitTask, heavy, light, longTask, paper, params } from './fixtures';

/**
 * The production kernels against straightforward implementations of the model (README, "Config format") written
 * here, one iteration at a time, with the paper's formulas as they read.
 */

/** η·f'(x) exactly as the kernels compute it (same rounding), so paths can be compared bit for bit. */
function etaFPrime(p: KernelParams): (x: number) => number {
  const g = gradientConstants(p.criticalPoints, p.gradientScale, p.eta);
  const [c0, c1, c2, c3, c4, c5, c6] = g.c7;
  return (x) => etaGradient(x, g.n, g.etaKappa, c0, c1, c2, c3, c4, c5, c6, g.c);
}

const phi = (w: number, c: number) => Math.max(Math.min(w, c), -c);

describe('long run against a one-step-at-a-time reference of its definitions', () => {
  it.each([
    ['pareto, b = 0.5', params(heavy, 0.5, 0.05)],
    ['pareto, unclipped', params(heavy, null, 0.01)],
    ['pareto with p₊ = 0.3 (no fused loop), b = 0.5', params({ family: 'pareto', alpha: 1.2, scale: 0.1, pPlus: 0.3 }, 0.5, 0.05)],
    ['gaussian, b = 0.5', params(light, 0.5, 0.3)],
    ['gaussian, unclipped', params(light, null, 0.3)],
  ] as const)('%s: histogram, fields, trajectory, transitions and sojourns agree exactly', (_, p) => {
    const T = 60_000;
    const bins = 40;
    const thin = 37;
    const eps = 0.05;
    // Three chunks, so blocks that end a chunk (no next block to draw) are covered too.
    let state: LongRunChunkResult['state'] | null = null;
    const parts: LongRunChunkResult[] = [];
    for (const iterations of [25_000, 1_500, T - 26_500]) {
      const part = runTask(longTask(p, { iterations, bins, thin, epsilon: eps, seed: 5, path: 2, state })) as LongRunChunkResult;
      parts.push(part);
      state = part.state;
    }
    const add = (pick: (x: LongRunChunkResult) => number[]) => parts.map(pick).reduce((acc, v) => acc.map((a, k) => a + v[k]));
    const r = {
      histogram: add((x) => x.histogram),
      fieldCounts: add((x) => x.fieldCounts),
      trajectory: parts.flatMap((x) => x.trajectory),
      transitions: add((x) => x.transitions),
      sojournCount: add((x) => x.sojournCount),
      sojournSum: add((x) => x.sojournSum),
      state: parts[2].state,
    };

    // Same noise values: the production sampler on the path's stream, drawn all at once.
    const e = new Float64Array(T);
    noiseSamplerFor(p.noise, p.eta).fill(longRunStream(5, 0, 2), e, 0, T);
    const grad = etaFPrime(p);
    const land = { criticalPoints: p.criticalPoints, L: p.L, gradientScale: p.gradientScale };
    const m = minima(land);
    const nMin = m.length;
    const histogram = new Array<number>(bins).fill(0);
    const fieldCounts = new Array<number>(nMin).fill(0);
    const transitions = new Array<number>(nMin * nMin).fill(0);
    const sojournCount = new Array<number>(nMin).fill(0);
    const sojournSum = new Array<number>(nMin).fill(0);
    const trajectory: number[] = [];
    let last = 0;
    let enteredAt = 0;
    let x = 0.3;
    const visit = (n: number) => {
      const i = m.findIndex((mi) => Math.abs(x - mi) <= eps) + 1;
      if (i > 0 && i !== last) {
        if (last > 0) {
          transitions[(last - 1) * nMin + (i - 1)]++;
          sojournCount[last - 1]++;
          sojournSum[last - 1] += n - enteredAt;
        }
        last = i;
        enteredAt = n;
      }
      if (n % thin === 0) trajectory.push(x);
    };
    visit(0);
    for (let n = 1; n <= T; n++) {
      const step = p.clip === null ? x - grad(x) + e[n - 1] : x - phi(grad(x) - e[n - 1], p.clip);
      x = phi(step, p.L);
      histogram[Math.min(bins - 1, Math.floor(((x + p.L) / (2 * p.L)) * bins))]++;
      // fieldIndexOf gives 0 on a saddle; the kernel counts a saddle with the field on its left.
      const f = fieldIndexOf(land, x);
      fieldCounts[(f === 0 ? fields(land).findIndex((fl) => fl.right === x) + 1 : f) - 1]++;
      visit(n);
    }
    expect(r.histogram).toEqual(histogram);
    expect(r.fieldCounts).toEqual(fieldCounts);
    expect(r.trajectory).toEqual(trajectory);
    expect(r.transitions).toEqual(transitions);
    expect(r.sojournCount).toEqual(sojournCount);
    expect(r.sojournSum).toEqual(sojournSum);
    expect(r.state.x).toBe(x);
    // The paths must actually move between minima for the comparison to mean something.
    expect(transitions.reduce((a, b) => a + b)).toBeGreaterThanOrEqual(3);
  });
});

/**
 * Exit times from the production kernel (ziggurat noise, lanes, blocks) against the first,
 * straightforward implementation: one step at a time with Z drawn by inversion (Lomax) or the
 * polar method (Gaussian). The two use different random numbers, so their means are compared as
 * two independent estimates: |difference| < 4 √(SE₁² + SE₂²).
 */
function referenceExitTimes(p: KernelParams, samples: number, seed: number): number[] {
  const [, s1, , s2] = paper.criticalPoints;
  const noise: Noise = p.noise;
  const out: number[] = [];
  for (let k = 0; k < samples; k++) {
    const s = exitTimeStream(seed, 0, 0, k);
    let x = -0.7;
    let n = 0;
    while (x > s1 && x < s2) {
      let z: number;
      if (noise.family === 'pareto') {
        const w = lomaxInversion(s, noise.alpha);
        const u = uniform53(s) < noise.pPlus ? 1 : -1;
        z = noise.scale * (u * w - (2 * noise.pPlus - 1) / (noise.alpha - 1));
      } else if (noise.family === 'gaussian') {
        z = noise.sigma * gaussianPolar(s);
      } else {
        throw new Error(`no reference for ${noise.family}`);
      }
      const fp = p.gradientScale * paper.criticalPoints.reduce((acc, c) => acc * (x - c), 1);
      x = p.clip === null ? phi(x - p.eta * fp + p.eta * z, p.L) : phi(x - phi(p.eta * (fp - z), p.clip), p.L);
      n++;
    }
    out.push(n);
  }
  return out;
}

const meanSe = (v: number[]) => {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  const sd = Math.sqrt(v.reduce((a, t) => a + (t - m) ** 2, 0) / (v.length - 1));
  return { m, se: sd / Math.sqrt(v.length) };
};

describe('exit times against the straightforward first implementation', () => {
  it.each([
    ['pareto, unclipped, η = 0.01', params(heavy, null, 0.01), 1500],
    ['pareto, b = 0.5, η = 0.05', params(heavy, 0.5, 0.05), 1500],
    ['gaussian, b = 0.5, η = 0.3', params(light, 0.5, 0.3), 4000],
  ] as const)('%s: means agree within 4 combined standard errors', (_, p, samples) => {
    const fast = runTask(exitTask(p, { seed: 9, sampleCount: samples, maxIterations: 1e9 })) as ExitTimeChunkResult;
    const a = meanSe(fast.exitTimes);
    const b = meanSe(referenceExitTimes(p, samples, 10));
    expect(Math.abs(a.m - b.m)).toBeLessThan(4 * Math.hypot(a.se, b.se));
  });
});
