import type { NoiseStream } from '../random/streamKey';
import { BLOCK } from '../kernels/exitTime';
import type { KernelLandscape2D } from './landscape2d';
import { noiseSampler2d } from './noise2d';
import { PathTallies2D, tallyBlock2d } from './pathTallies2d';
import type { KernelParams2D } from './tasks2d';
import { Walk2D, walkBlock2d } from './walk2d';

/**
 * What the long-run chunk loop (longRun2d.ts) needs from a walk, so the loop exists once and each
 * implementation (JavaScript here, WebAssembly in wasm/walker2dWasm.ts) brings only its noise
 * block and step body. Both draw the same values into their block and take the same steps, so
 * the loop gives the same numbers on either.
 */
export interface Walker2D {
  /** X(n+1 …) of the block walked last and their 1-based basins, at the step's index in the block. */
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly basins: Int32Array;
  /** X(n): where the next step starts. */
  readonly x: number;
  readonly y: number;
  moveTo(x: number, y: number): void;
  /** Draws η·Z of steps from … to − 1 (to ≤ BLOCK) from the stream into the walk's noise block. */
  fill(rng: NoiseStream, from: number, to: number): void;
  /** Fresh tallies for a long path's chunk (pathTallies2d.ts). */
  tallies(minima: Float64Array, bins: number, thin: number, epsilon: number, L: number): PathTallies2D;
  /** A long path's block: walks steps 0 … steps − 1 from X(n0) and tallies X(n0 + 1 …) into t, as tallyBlock2d. */
  walkTallied(t: PathTallies2D, n0: number, steps: number): void;
}

/**
 * The JavaScript walker also walks a block up to an exit, for the exit-time loop (exitTime2d.ts);
 * the WebAssembly exit-time kernel walks two samples at once in its own loop instead
 * (wasm/exitTimePair2dWasm.ts).
 */
export interface StepWalker2D extends Walker2D {
  /** walkBlock2d on the block's steps from … to − 1; returns the steps taken. */
  walk(from: number, to: number, home: number): number;
}

class JsWalker2D implements StepWalker2D {
  private readonly w: Walk2D;
  private readonly sampler;
  private readonly buf = new Float64Array(2 * BLOCK);

  constructor(land: KernelLandscape2D, params: KernelParams2D) {
    this.w = new Walk2D(land, params);
    this.sampler = noiseSampler2d(params.noise, params.eta);
  }

  get xs(): Float64Array { return this.w.xs; }
  get ys(): Float64Array { return this.w.ys; }
  get basins(): Int32Array { return this.w.basins; }
  get x(): number { return this.w.x; }
  get y(): number { return this.w.y; }

  moveTo(x: number, y: number): void {
    this.w.x = x;
    this.w.y = y;
  }

  fill(rng: NoiseStream, from: number, to: number): void {
    this.sampler.fill(rng, this.buf, from, to);
  }

  walk(from: number, to: number, home: number): number {
    return walkBlock2d(this.w, this.buf, from, to, home);
  }

  tallies(minima: Float64Array, bins: number, thin: number, epsilon: number, L: number): PathTallies2D {
    return new PathTallies2D(minima, bins, thin, epsilon, L);
  }

  walkTallied(t: PathTallies2D, n0: number, steps: number): void {
    walkBlock2d(this.w, this.buf, 0, steps, 0);
    tallyBlock2d(this, t, n0, steps);
  }
}

/** The JavaScript walk of these parameters. */
export function jsWalker2d(land: KernelLandscape2D, params: KernelParams2D): StepWalker2D {
  return new JsWalker2D(land, params);
}
