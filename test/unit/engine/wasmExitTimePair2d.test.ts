import { beforeAll, describe, expect, it } from 'vitest';
import { BASIN_MAP_NODES } from '../../../src-shared/theory2d/basinMap';
import { runExitTime2d } from '../../../src-main/engine/kernels2d/exitTime2d';
import { kernelLandscape2d } from '../../../src-main/engine/kernels2d/landscape2d';
import type { ExitTime2DTask, KernelParams2D } from '../../../src-main/engine/kernels2d/tasks2d';
import { exitTimePair2dChunk } from '../../../src-main/engine/wasm/exitTimePair2dWasm';
import type { WasmKernels } from '../../../src-main/engine/wasm/wasmModule';
import { loadedKernels } from './wasmSupport';

/**
 * The paired exit-time loop (two samples in the module's f64x2 lanes) against the JavaScript
 * kernel at its edges: one sample (lane B never used), none, a lane censored while the other
 * runs on, ticks that stop the chunk, and a landscape whose terms are general quadratic forms.
 * wasmWalk2d.test.ts compares whole chunks of every noise.
 */

const p: KernelParams2D = {
  landscape: { dimension: 2, preset: 'wide-and-sharp' }, mapNodes: BASIN_MAP_NODES,
  noise: { family: 'pareto', alpha: 1.2, scale: 1, direction: 'isotropic' }, clip: 0.5, eta: 0.05,
};
const land = kernelLandscape2d(p.landscape, p.mapNodes);
const task = (sampleCount: number, maxIterations: number, params = p): ExitTime2DTask => ({
  kind: 'exit-time-2d', params, x0: [land.minima[0], land.minima[1]], maxIterations, seed: 11, arm: 0, etaIndex: 2, sampleStart: 5, sampleCount,
});

let k: WasmKernels;
beforeAll(() => {
  k = loadedKernels();
});

describe('paired 2-D exit-time chunks', () => {
  it('give the JavaScript results for one sample and for none', () => {
    for (const count of [0, 1, 2, 3]) {
      const t = task(count, 5000);
      expect(exitTimePair2dChunk(k, t, land)).toEqual(runExitTime2d(t));
    }
  });

  it('censor a lane at maxIterations while the other lane goes on exiting', () => {
    // Short horizons: some samples are censored, others exit, so the lanes finish out of step.
    const t = task(41, 3000);
    const js = runExitTime2d(t)!;
    const censored = js.exitTo.filter((d) => d === 0).length;
    expect(censored).toBeGreaterThan(0);
    expect(censored).toBeLessThan(41);
    expect(exitTimePair2dChunk(k, t, land)).toEqual(js);
  });

  it('tick with growing iteration counts, and stop when a tick says so', () => {
    const gaussian: KernelParams2D = { ...p, noise: { family: 'gaussian', sigma: 1 }, eta: 0.01 };
    const t = task(3, 1 << 20, gaussian);
    const seen: number[] = [];
    const full = exitTimePair2dChunk(k, t, land, (n) => { seen.push(n); return true; });
    expect(full).toEqual(runExitTime2d(t));
    expect(seen.length).toBeGreaterThan(2);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
    let ticks = 0;
    expect(exitTimePair2dChunk(k, t, land, () => ++ticks < 2)).toBeNull();
    expect(ticks).toBe(2);
  });

  it('pair samples on Müller–Brown too (the general quadratic form), exits and censoring included', () => {
    const mb = kernelLandscape2d({ dimension: 2, preset: 'muller-brown' }, BASIN_MAP_NODES);
    const t: ExitTime2DTask = { ...task(41, 300), params: { ...p, landscape: { dimension: 2, preset: 'muller-brown' } }, x0: [mb.minima[0], mb.minima[1]] };
    const js = runExitTime2d(t)!;
    const censored = js.exitTo.filter((d) => d === 0).length;
    expect(censored).toBeGreaterThan(0);
    expect(censored).toBeLessThan(41);
    expect(exitTimePair2dChunk(k, t, mb)).toEqual(js);
  });
});
