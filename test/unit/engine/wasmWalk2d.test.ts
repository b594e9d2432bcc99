import { beforeAll, describe, expect, it } from 'vitest';
import { BASIN_MAP_NODES } from '../../../src-shared/theory2d/basinMap';
import type { Landscape2DConfig } from '../../../src-shared/theory2d/landscape';
import { runExitTime2d } from '../../../src-main/engine/kernels2d/exitTime2d';
import { kernelLandscape2d } from '../../../src-main/engine/kernels2d/landscape2d';
import { noiseSampler2d } from '../../../src-main/engine/kernels2d/noise2d';
import type { ExitTime2DTask, KernelNoise2D, KernelParams2D } from '../../../src-main/engine/kernels2d/tasks2d';
import { Walk2D, walkBlock2d } from '../../../src-main/engine/kernels2d/walk2d';
import { exitTime2dStream } from '../../../src-main/engine/random/streamKey';
import { runExitTime2dWasm } from '../../../src-main/engine/wasm/exitTime2dWasm';
import { exitTime2dKernel } from '../../../src-main/engine/wasm/kernelChoice2d';
import { walk2dWasm } from '../../../src-main/engine/wasm/walk2dWasm';
import type { WasmKernels } from '../../../src-main/engine/wasm/wasmModule';
import { loadedKernels } from './wasmSupport';

/**
 * The 2-D walk in WebAssembly against the JavaScript one, bit for bit: every iterate of long
 * free walks (no exit test) compared by its 64 bits, then whole exit-time chunks (exit times,
 * destinations, iterations). Both forms of the terms run (round wells; Müller–Brown's general
 * quadratic forms), every noise, clipped and not; the noise is heavy enough that steps are
 * clipped and projected onto the box, and wells far from X give e^q = 0 — the test counts those
 * and fails when one never happened.
 */

const wide: Landscape2DConfig = { dimension: 2, preset: 'wide-and-sharp' };
const mb: Landscape2DConfig = { dimension: 2, preset: 'muller-brown' };
/** A needle well: from most of the box its e^q underflows to 0 (q < −745), the exp's rare branch. */
const needle: Landscape2DConfig = {
  dimension: 2, L: 2, confinement: 1,
  wells: [{ center: [-0.8, 0], depth: 1, width: 0.6 }, { center: [0.9, 0.5], depth: 0.5, width: 0.03 }],
};
const iso: KernelNoise2D = { family: 'pareto', alpha: 1.2, scale: 1, direction: 'isotropic' };
const axes: KernelNoise2D = { family: 'pareto', alpha: 1.2, scale: 1, direction: 'axes' };
const gauss: KernelNoise2D = { family: 'gaussian', sigma: 3 };
const student: KernelNoise2D = { family: 'student', nu: 1.5, scale: 1, direction: 'axes' } as KernelNoise2D;

const variants: { name: string; p: KernelParams2D }[] = [];
for (const [lname, landscape] of [['wide-and-sharp', wide], ['Müller–Brown', mb], ['needle', needle]] as const) {
  for (const [nname, noise] of [['isotropic Pareto', iso], ['axes Pareto', axes], ['Gaussian', gauss]] as const) {
    for (const clip of [0.5, null]) {
      variants.push({ name: `${lname}, ${nname}, ${clip === null ? 'unclipped' : 'clipped'}`, p: { landscape, mapNodes: BASIN_MAP_NODES, noise, clip, eta: 0.05 } });
    }
  }
}
variants.push({ name: 'wide-and-sharp, axes Student-t, clipped', p: { landscape: wide, mapNodes: BASIN_MAP_NODES, noise: student, clip: 0.5, eta: 0.05 } });

function bits(values: ArrayLike<number>): string[] {
  const f = Float64Array.from(values);
  return Array.from(new BigUint64Array(f.buffer), (b) => b.toString(16));
}

let k: WasmKernels;
/** Censored samples over every variant's chunks (a rare path: the test below needs some). */
let censoredTotal = 0;
/** The module's ziggurat tail and wedge counts (assembly/layout.ts COUNTERS) when the file started. */
let tailsAndWedgesBefore = [0, 0];

beforeAll(() => {
  k = loadedKernels();
  tailsAndWedgesBefore = [k.counters[0], k.counters[1]];
});

describe.each(variants)('2-D WebAssembly walk, $name', ({ p }) => {
  it('takes the same steps as the JavaScript walk, bit for bit', () => {
    const land = kernelLandscape2d(p.landscape, p.mapNodes);
    const js = new Walk2D(land, p);
    const m = walk2dWasm(k);
    m.setUp(new Walk2D(land, p));
    const sampler = noiseSampler2d(p.noise, p.eta);
    const rng = exitTime2dStream(7, 0, 0, 0);
    const L = land.L;
    let projected = 0;
    let changedBasin = 0;
    let underflow = 0;
    js.x = land.minima[0];
    js.y = land.minima[1];
    m.xy.set([js.x, js.y]);
    for (let block = 0; block < 64; block++) {
      sampler.fill(rng, m.buf, 0, 1024);
      const buf = Float64Array.from(m.buf);
      expect(m.walk(0, 1024, 0)).toBe(1024);
      walkBlock2d(js, buf, 0, 1024, 0);
      expect(bits(m.xs)).toEqual(bits(js.xs));
      expect(bits(m.ys)).toEqual(bits(js.ys));
      expect(Array.from(m.basins)).toEqual(Array.from(js.basins));
      for (let j = 0; j < 1024; j++) {
        if (Math.abs(js.xs[j]) === L || Math.abs(js.ys[j]) === L) projected++;
        if (j > 0 && js.basins[j] !== js.basins[j - 1]) changedBasin++;
        for (let t = 0; t < land.termCount; t++) {
          const dx = js.xs[j] - land.terms[6 * t];
          const dy = js.ys[j] - land.terms[6 * t + 1];
          if (0.5 * land.terms[6 * t + 2] * (dx * dx + dy * dy) <= -745.2) underflow++;
        }
      }
    }
    expect(bits([m.xy[0], m.xy[1]])).toEqual(bits([js.x, js.y]));
    if (p.landscape === needle) {
      expect(underflow).toBeGreaterThan(0);
    } else {
      expect(projected).toBeGreaterThan(0);
      expect(changedBasin).toBeGreaterThan(0);
    }
  });

  it('gives the same exit-time chunks as the JavaScript kernel, over many chunks', () => {
    const land = kernelLandscape2d(p.landscape, p.mapNodes);
    let exited = 0;
    for (let chunk = 0; chunk < 20; chunk++) {
      const task: ExitTime2DTask = {
        kind: 'exit-time-2d', params: p, x0: [land.minima[0], land.minima[1]], maxIterations: 2000,
        seed: 3, arm: 1, etaIndex: 0, sampleStart: 25 * chunk, sampleCount: 25,
      };
      const js = runExitTime2d(task);
      const wasm = runExitTime2dWasm(k, task);
      expect(wasm).toEqual(js);
      expect(exitTime2dKernel(task, undefined, 'wasm')).toEqual(js);
      const c = js!.exitTo.filter((d) => d === 0).length;
      censoredTotal += c;
      exited += 25 - c;
    }
    expect(exited).toBeGreaterThan(0);
  });
});

describe('2-D WebAssembly exit-time chunks', () => {
  it('included censored samples and the ziggurat rejections the module notes (tails, wedges)', () => {
    expect(censoredTotal).toBeGreaterThan(0);
    expect(k.counters[0]).toBeGreaterThan(tailsAndWedgesBefore[0]);
    expect(k.counters[1]).toBeGreaterThan(tailsAndWedgesBefore[1]);
  });
});
