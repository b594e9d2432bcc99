import { BLOCK } from '../kernels/exitTime';
import { MANTISSA, POWER } from '../kernels2d/fastExp';
import type { KernelLandscape2D } from '../kernels2d/landscape2d';
import type { PathTallies2D } from '../kernels2d/pathTallies2d';
import type { Walk2D } from '../kernels2d/walk2d';
import type { WasmExports, WasmKernels } from './wasmModule';

/** The 2-D walk's exports (assembly/walk2d.ts). */
interface Walk2DExports {
  region2d(k: number): number;
  setWalk2d(radial: number, termCount: number, n: number, h: number, L: number, b: number, b2: number, ek: number): void;
  walk2d(from: number, to: number, home: number): number;
  walkTally2d(steps: number): void;
  setTally2d(bins: number, binScale: number, epsilon2: number, thin: number): void;
  regionPair2d(k: number): number;
  walkPair2d(fromA: number, fromB: number, steps: number, home: number, active: number): number;
}

/** assembly/walk2d.ts MAX_TERMS_2D and MAX_LABELS_2D. */
const MAX_TERMS = 128;
const MAX_LABELS = 1 << 20;
/** assembly/tally2d.ts MAX_CELLS_2D and MAX_BASINS_2D. */
const MAX_CELLS = 1 << 20;
const MAX_BASINS = 256;

/**
 * Views of the 2-D walk's regions in one module instance. The step body (and a long path's
 * tally) runs in WebAssembly; the noise goes into `buf`, the module's noise block, in place (by
 * the module's first pass or a JavaScript sampler, noise2dWasm.ts), so every noise family is
 * covered and draws exactly the values it draws for the JavaScript walk.
 */
export class Walk2DWasm {
  readonly buf: Float64Array;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly basins: Int32Array;
  readonly xy: Float64Array;
  readonly bufAddress: number;
  /** A long path's tallies (assembly/tally2d.ts): whole regions, of which a chunk uses the start. */
  readonly histogram: Float64Array;
  readonly basinCounts: Float64Array;
  readonly minima: Float64Array;
  readonly entryBall: Int32Array;
  readonly entryStep: Int32Array;
  readonly thinned: Float64Array;
  /** [last ball, steps since the last thinned point] in, [ball entries, thinned points] out. */
  readonly tallyState: Int32Array;
  /** Two exit-time samples side by side (assembly/walkPair2d.ts): lane B's noise block, [xA, xB, yA, yB], each lane's last basin. */
  readonly bufB: Float64Array;
  readonly bufBAddress: number;
  readonly pairXY: Float64Array;
  readonly pairBasins: Int32Array;
  private readonly terms: Float64Array;
  private readonly labels: Uint8Array;
  private readonly exports: Walk2DExports;
  private labelsOf: Uint8Array | null = null;

  constructor(k: WasmKernels) {
    this.exports = k.exports as WasmExports & Walk2DExports;
    const mem = k.exports.memory.buffer;
    const at = (r: number) => this.exports.region2d(r);
    this.bufAddress = at(0);
    this.buf = new Float64Array(mem, at(0), 2 * BLOCK);
    this.xs = new Float64Array(mem, at(1), BLOCK);
    this.ys = new Float64Array(mem, at(2), BLOCK);
    this.basins = new Int32Array(mem, at(3), BLOCK);
    this.terms = new Float64Array(mem, at(4), 6 * MAX_TERMS);
    this.labels = new Uint8Array(mem, at(5), MAX_LABELS);
    new Float64Array(mem, at(6), MANTISSA.length).set(MANTISSA);
    new Float64Array(mem, at(7), POWER.length).set(POWER);
    this.xy = new Float64Array(mem, at(8), 2);
    this.histogram = new Float64Array(mem, at(9), MAX_CELLS);
    this.basinCounts = new Float64Array(mem, at(10), MAX_BASINS);
    this.minima = new Float64Array(mem, at(11), 2 * MAX_BASINS);
    this.entryBall = new Int32Array(mem, at(12), BLOCK);
    this.entryStep = new Int32Array(mem, at(13), BLOCK);
    this.thinned = new Float64Array(mem, at(14), 2 * BLOCK);
    this.tallyState = new Int32Array(mem, at(15), 4);
    const pairAt = (r: number) => this.exports.regionPair2d(r);
    this.bufBAddress = pairAt(0);
    this.bufB = new Float64Array(mem, pairAt(0), 2 * BLOCK);
    this.pairXY = new Float64Array(mem, pairAt(1), 4);
    this.pairBasins = new Int32Array(mem, pairAt(2), 2);
  }

  /** The module address of a noise block (`buf` or `bufB`). */
  addressOf(block: Float64Array): number {
    if (block === this.buf) return this.bufAddress;
    if (block === this.bufB) return this.bufBAddress;
    throw new Error('the WebAssembly 2-D sampler fills only the module noise blocks');
  }

  /**
   * Both lanes' samples up to `steps` steps, lane A from pair fromA of `buf`, lane B from pair
   * fromB of `bufB`, X in pairXY; stops after the step in which an active lane (bit 0: A, bit 1:
   * B) leaves `home`. Returns the steps taken; pairBasins holds each lane's last basin.
   */
  walkPair(fromA: number, fromB: number, steps: number, home: number, active: number): number {
    return this.exports.walkPair2d(fromA, fromB, steps, home, active);
  }

  /** Writes the walk's constants and terms (and the map's labels when they changed). */
  setUp(w: Walk2D): void {
    this.terms.set(w.terms);
    if (this.labelsOf !== w.labels) {
      this.labels.set(w.labels);
      this.labelsOf = w.labels;
    }
    this.exports.setWalk2d(w.radial ? 1 : 0, w.termCount, w.n, w.h, w.L, w.b, w.b2, w.etaConfinement);
  }

  /**
   * walkBlock2d on `buf`, from X = xy; leaves X(end) in xy. No kernel calls it (long runs walk and
   * tally in one call, exit times walk two samples at once): it lets the tests hold the module's
   * step body, which walkTallied shares, against walkBlock2d step by step.
   */
  walk(from: number, to: number, home: number): number {
    return this.exports.walk2d(from, to, home);
  }

  /** The module's histogram and counts per basin for a chunk, zeroed. */
  zeroedCounts(bins: number, basins: number): { histogram: Float64Array; basinCounts: Float64Array } {
    const histogram = this.histogram.subarray(0, bins * bins).fill(0);
    const basinCounts = this.basinCounts.subarray(0, basins).fill(0);
    return { histogram, basinCounts };
  }

  /** The tallies' constants, as PathTallies2D computed them. */
  setUpTally(t: PathTallies2D): void {
    this.minima.set(t.minima);
    this.exports.setTally2d(t.bins, t.binScale, t.epsilon2, t.thin);
  }

  /** walk(0, steps, 0) tallying each iterate; tallyState[2], [3] say how many ball entries and thinned points the block listed. */
  walkTallied(last: number, sinceThin: number, steps: number): void {
    this.tallyState[0] = last;
    this.tallyState[1] = sinceThin;
    this.exports.walkTally2d(steps);
  }
}

/** Why this landscape (and histogram, for a long run) needs the JavaScript walk, or null when the module holds it. */
export function walk2dUnsupported(land: KernelLandscape2D, bins = 0): string | null {
  if (land.termCount > MAX_TERMS) return `more than ${MAX_TERMS} terms`;
  if (land.n * land.n > MAX_LABELS) return `a basin map of more than ${MAX_LABELS} nodes`;
  if (bins * bins > MAX_CELLS) return `a histogram of more than ${MAX_CELLS} cells`;
  if (land.minima.length / 2 > MAX_BASINS - 1) return `more than ${MAX_BASINS - 1} minima`;
  return null;
}

const instances = new WeakMap<WasmKernels, Walk2DWasm>();

/** The views of this thread's instance, made once (the module's memory never grows). */
export function walk2dWasm(k: WasmKernels): Walk2DWasm {
  let v = instances.get(k);
  if (v === undefined) {
    v = new Walk2DWasm(k);
    instances.set(k, v);
  }
  return v;
}
