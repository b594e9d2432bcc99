import { beforeAll, describe, expect, it } from 'vitest';
import { BASIN_MAP_NODES } from '../../../src-shared/theory2d/basinMap';
import type { Landscape2DConfig } from '../../../src-shared/theory2d/landscape';
import { TICK_INTERVAL_2D } from '../../../src-main/engine/kernels2d/exitTime2d';
import { kernelLandscape2d, type KernelLandscape2D } from '../../../src-main/engine/kernels2d/landscape2d';
import { longRun2dChunk, runLongRun2d } from '../../../src-main/engine/kernels2d/longRun2d';
import type { PathTallies2D } from '../../../src-main/engine/kernels2d/pathTallies2d';
import type { KernelNoise2D, KernelParams2D, LongRun2DChunkResult, LongRun2DTask } from '../../../src-main/engine/kernels2d/tasks2d';
import { jsWalker2d, type Walker2D } from '../../../src-main/engine/kernels2d/walker2d';
import type { NoiseStream } from '../../../src-main/engine/random/streamKey';
import { longRun2dKernel } from '../../../src-main/engine/wasm/kernelChoice2d';
import { runLongRun2dWasm } from '../../../src-main/engine/wasm/longRun2dWasm';
import type { WasmKernels } from '../../../src-main/engine/wasm/wasmModule';
import { loadedKernels } from './wasmSupport';

/**
 * 2-D long runs in WebAssembly (the module walks and tallies) against the JavaScript kernel, bit
 * for bit: one path per variant cut into chunks that end mid-block, each chunk continuing from
 * the state the previous one returned, every number of every chunk compared by its 64 bits
 * (histogram, counts per basin, moves, sojourns, thinned trajectory, state). Both forms of the
 * terms (round wells; Müller–Brown), every noise the module draws, clipped and not, and a
 * Student-t arm (drawn by the JavaScript sampler into the module's walk). The noise is heavy, so
 * the rare paths run; the JavaScript walk is watched while it runs, and the file fails when a
 * ziggurat tail or wedge, a projection onto the box, a basin change, a ball entry or a sojourn
 * never happened.
 */

const wide: Landscape2DConfig = { dimension: 2, preset: 'wide-and-sharp' };
const mb: Landscape2DConfig = { dimension: 2, preset: 'muller-brown' };
const iso: KernelNoise2D = { family: 'pareto', alpha: 1.2, scale: 1, direction: 'isotropic' };
const axes: KernelNoise2D = { family: 'pareto', alpha: 1.2, scale: 1, direction: 'axes' };
const gauss: KernelNoise2D = { family: 'gaussian', sigma: 3 };
const student: KernelNoise2D = { family: 'student', nu: 1.5, scale: 1, direction: 'axes' } as KernelNoise2D;

const variants: { name: string; p: KernelParams2D }[] = [];
for (const [lname, landscape] of [['wide-and-sharp', wide], ['Müller–Brown', mb]] as const) {
  for (const [nname, noise] of [['isotropic Pareto', iso], ['axes Pareto', axes], ['Gaussian', gauss]] as const) {
    for (const clip of [0.5, null]) {
      variants.push({ name: `${lname}, ${nname}, ${clip === null ? 'unclipped' : 'clipped'}`, p: { landscape, mapNodes: BASIN_MAP_NODES, noise, clip, eta: 0.05 } });
    }
  }
}
variants.push({ name: 'wide-and-sharp, axes Student-t, clipped', p: { landscape: wide, mapNodes: BASIN_MAP_NODES, noise: student, clip: 0.5, eta: 0.05 } });

/** 20,000 is no multiple of the 1024-step block, so chunks end mid-block. */
const CHUNKS = 6;
const ITERATIONS = 20_000;

function bitsDeep(v: unknown): unknown {
  if (typeof v === 'number') return new BigUint64Array(Float64Array.of(v).buffer)[0].toString(16);
  if (Array.isArray(v)) return v.map(bitsDeep);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([key, x]) => [key, bitsDeep(x)]));
  return v;
}

/** What the JavaScript walk did, over every variant. */
const seen = { projections: 0, basinChanges: 0, entries: 0, sojourns: 0, thinned: 0 };

/** The JavaScript walker, counting projections onto the box and basin changes in each block it walks. */
function watched(land: KernelLandscape2D, p: KernelParams2D): Walker2D {
  const w = jsWalker2d(land, p);
  let before = -1;
  return {
    get xs() { return w.xs; },
    get ys() { return w.ys; },
    get basins() { return w.basins; },
    get x() { return w.x; },
    get y() { return w.y; },
    moveTo: (x, y) => w.moveTo(x, y),
    fill: (rng: NoiseStream, from, to) => w.fill(rng, from, to),
    tallies: (minima, bins, thin, epsilon, L) => w.tallies(minima, bins, thin, epsilon, L),
    walkTallied(t: PathTallies2D, n0, steps) {
      w.walkTallied(t, n0, steps);
      for (let j = 0; j < steps; j++) {
        if (Math.abs(w.xs[j]) === land.L || Math.abs(w.ys[j]) === land.L) seen.projections++;
        if (before >= 0 && w.basins[j] !== before) seen.basinChanges++;
        before = w.basins[j];
      }
    },
  };
}

let k: WasmKernels;
let tailsAndWedgesBefore = [0, 0];

beforeAll(() => {
  k = loadedKernels();
  tailsAndWedgesBefore = [k.counters[0], k.counters[1]];
});

describe.each(variants)('2-D WebAssembly long run, $name', ({ p }) => {
  it('gives the JavaScript chunks bit for bit, chunk after chunk', () => {
    const land = kernelLandscape2d(p.landscape, p.mapNodes);
    const walker = watched(land, p);
    const task: LongRun2DTask = {
      kind: 'long-run-2d', params: p, x0: [land.minima[0], land.minima[1]], seed: 5, arm: 1, path: 2,
      iterations: ITERATIONS, bins: 37, thin: 97, epsilon: 0.05, state: null,
    };
    for (let chunk = 0; chunk < CHUNKS; chunk++) {
      const js = longRun2dChunk(task, land, walker) as LongRun2DChunkResult;
      const wasm = runLongRun2dWasm(k, task);
      expect(bitsDeep(wasm)).toEqual(bitsDeep(js));
      expect(bitsDeep(longRun2dKernel(task, undefined, 'wasm'))).toEqual(bitsDeep(js));
      expect(bitsDeep(runLongRun2d(task))).toEqual(bitsDeep(js));
      seen.entries += js.transitions.reduce((a, b) => a + b, 0);
      seen.sojourns += js.sojournCount.reduce((a, b) => a + b, 0);
      seen.thinned += js.trajectory.length / 2;
      task.state = js.state;
    }
  });
});

describe('2-D WebAssembly long runs', () => {
  it('tick at the JavaScript kernel\'s iterations (at least every 2^18) and stop when told', () => {
    const p = variants[0].p;
    const land = kernelLandscape2d(p.landscape, p.mapNodes);
    const task: LongRun2DTask = {
      kind: 'long-run-2d', params: p, x0: [land.minima[0], land.minima[1]], seed: 5, arm: 1, path: 2,
      iterations: 3 * TICK_INTERVAL_2D + 5000, bins: 37, thin: 97, epsilon: 0.05, state: null,
    };
    const ticks = { js: [] as number[], wasm: [] as number[] };
    for (const impl of ['js', 'wasm'] as const) expect(longRun2dKernel(task, (n) => (ticks[impl].push(n), true), impl)).not.toBeNull();
    expect(ticks.wasm).toEqual([1, 2, 3].map((k) => k * TICK_INTERVAL_2D));
    expect(ticks.wasm).toEqual(ticks.js);
    let calls = 0;
    expect(longRun2dKernel(task, () => ++calls < 2, 'wasm')).toBeNull();
    expect(calls).toBe(2);
  });

  it('included every rare path: ziggurat tails and wedges, projections, basin changes, moves, sojourns, thinned points', () => {
    expect(k.counters[0]).toBeGreaterThan(tailsAndWedgesBefore[0]);
    expect(k.counters[1]).toBeGreaterThan(tailsAndWedgesBefore[1]);
    expect(seen.projections).toBeGreaterThan(0);
    expect(seen.basinChanges).toBeGreaterThan(0);
    expect(seen.entries).toBeGreaterThan(0);
    expect(seen.sojourns).toBeGreaterThan(0);
    expect(seen.thinned).toBeGreaterThan(0);
  });
});
