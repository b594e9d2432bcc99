import type { NoiseStream } from '../random/streamKey';
import type { KernelLandscape2D } from '../kernels2d/landscape2d';
import { noiseSampler2d } from '../kernels2d/noise2d';
import type { KernelParams2D } from '../kernels2d/tasks2d';
import { Walk2D } from '../kernels2d/walk2d';
import type { Walker2D } from '../kernels2d/walker2d';
import { PathTallies2D } from '../kernels2d/pathTallies2d';
import type { NoiseSampler } from '../samplers/noiseSampler';
import { wasmNoise2d } from './noise2dWasm';
import { walk2dWasm, type Walk2DWasm } from './walk2dWasm';
import type { WasmKernels } from './wasmModule';

/**
 * The 2-D walk with its step body in WebAssembly (assembly/walk2d.ts) and its noise written into
 * the module's noise block: by the module's first pass where noise2dWasm.ts has one, else by
 * the JavaScript sampler. The values and steps are the JavaScript walker's bit for bit.
 */
class WasmWalker2D implements Walker2D {
  private readonly m: Walk2DWasm;
  private readonly sampler: NoiseSampler;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly basins: Int32Array;

  constructor(k: WasmKernels, land: KernelLandscape2D, params: KernelParams2D) {
    ({ m: this.m, sampler: this.sampler } = wasmWalkSetUp(k, land, params));
    this.xs = this.m.xs;
    this.ys = this.m.ys;
    this.basins = this.m.basins;
  }

  get x(): number { return this.m.xy[0]; }
  get y(): number { return this.m.xy[1]; }

  moveTo(x: number, y: number): void {
    this.m.xy[0] = x;
    this.m.xy[1] = y;
  }

  fill(rng: NoiseStream, from: number, to: number): void {
    this.sampler.fill(rng, this.m.buf, from, to);
  }

  tallies(minima: Float64Array, bins: number, thin: number, epsilon: number, L: number): PathTallies2D {
    const t = new PathTallies2D(minima, bins, thin, epsilon, L, this.m.zeroedCounts(bins, minima.length / 2));
    this.m.setUpTally(t);
    return t;
  }

  /** The module walks and counts; the ball entries and thinned points it lists are booked here, in step order. */
  walkTallied(t: PathTallies2D, n0: number, steps: number): void {
    const { m } = this;
    m.walkTallied(t.last, n0 % t.thin, steps);
    const entries = m.tallyState[2];
    for (let e = 0; e < entries; e++) t.enter(m.entryBall[e], n0 + m.entryStep[e] + 1);
    const points = m.tallyState[3];
    for (let p = 0; p < points; p++) t.trajectory.push2(m.thinned[2 * p], m.thinned[2 * p + 1]);
  }
}

/**
 * The module set up to walk with these parameters, and the sampler that fills its noise block:
 * the module's first pass where noise2dWasm.ts has one, else the JavaScript sampler.
 */
export function wasmWalkSetUp(k: WasmKernels, land: KernelLandscape2D, params: KernelParams2D): { m: Walk2DWasm; sampler: NoiseSampler } {
  const m = walk2dWasm(k);
  const sampler = wasmNoise2d(k, m, params.noise, params.eta) ?? noiseSampler2d(params.noise, params.eta);
  m.setUp(new Walk2D(land, params));
  return { m, sampler };
}

/**
 * The WebAssembly walk of these parameters. The module's state is per thread, so one walker
 * runs at a time: making another sets the module up for the new one.
 */
export function wasmWalker2d(k: WasmKernels, land: KernelLandscape2D, params: KernelParams2D): Walker2D {
  return new WasmWalker2D(k, land, params);
}
