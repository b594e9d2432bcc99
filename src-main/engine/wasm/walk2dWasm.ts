import { BLOCK } from '../kernels/exitTime';
import { MANTISSA, POWER } from '../kernels2d/fastExp';
import type { KernelLandscape2D } from '../kernels2d/landscape2d';
import type { Walk2D } from '../kernels2d/walk2d';
import type { WasmExports, WasmKernels } from './wasmModule';

/** The 2-D walk's exports (assembly/walk2d.ts). */
interface Walk2DExports {
  region2d(k: number): number;
  setWalk2d(radial: number, termCount: number, n: number, h: number, L: number, b: number, b2: number, ek: number): void;
  walk2d(from: number, to: number, home: number): number;
}

/** assembly/walk2d.ts MAX_TERMS_2D and MAX_LABELS_2D. */
const MAX_TERMS = 128;
const MAX_LABELS = 1 << 20;

/**
 * Views of the 2-D walk's regions in one module instance. Only the step body runs in
 * WebAssembly: the samplers (JavaScript) fill `buf`, the module's noise block, in place, so
 * every noise family is covered and draws exactly the values it draws for the JavaScript walk.
 */
export class Walk2DWasm {
  readonly buf: Float64Array;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly basins: Int32Array;
  readonly xy: Float64Array;
  readonly bufAddress: number;
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

  /** walkBlock2d on `buf`, from X = xy; leaves X(end) in xy. */
  walk(from: number, to: number, home: number): number {
    return this.exports.walk2d(from, to, home);
  }
}

/** Why this landscape needs the JavaScript walk, or null when the module holds it. */
export function walk2dUnsupported(land: KernelLandscape2D): string | null {
  if (land.termCount > MAX_TERMS) return `more than ${MAX_TERMS} terms`;
  if (land.n * land.n > MAX_LABELS) return `a basin map of more than ${MAX_LABELS} nodes`;
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
