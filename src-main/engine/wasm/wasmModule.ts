import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BLOCK } from '../kernels/exitTime';

/**
 * The WebAssembly SIMD kernels (assembly/, compiled by scripts/build-wasm.mjs into kernels.wasm
 * beside the worker bundle): one instance per thread, made on first use and reused by every
 * chunk, so its fixed memory never grows. The module has no imports: its loops use only
 * integer steps, the four basic float operations, floor, ceil, sqrt and abs, which give the same bits
 * everywhere; the rare second pass that needs pow/log/exp runs in the JavaScript samplers.
 */
export const WASM_NAME = 'kernels.wasm';
export const LANES = 4;

export interface WasmExports {
  memory: WebAssembly.Memory;
  region(k: number): number;
  setParams(n: number, ek: number, b: number, L: number, left: number, right: number, hs: number, hshift: number): void;
  fill4(from: number, to: number, activeMask: number): void;
  fill1(lane: number, out: number, stride: number, offset: number, from: number, to: number): void;
  walk4(at: number, steps: number, clipped: number): number;
  walkDrawing1(buf: number, next: number, steps: number, nextSteps: number, clipped: number, bins: number, binScale: number, epsilon: number): void;
  walkDrawing4(buf: number, next: number, steps: number, nextSteps: number, clipped: number, paths: number, bins: number, binScale: number, epsilon: number): void;
}

/** Most histogram bins and minima the module tallies (assembly/layout.ts). */
export const MAX_BINS = 100_000;
export const MAX_MINIMA = 64;

/** Typed-array views of the module's regions (assembly/layout.ts). */
export class WasmKernels {
  readonly buf: Float64Array;
  readonly bufAddress: number;
  readonly x: Float64Array;
  readonly xs: Float64Array;
  /** Main xoshiro128** words, transposed: word w of lane l at state[4w + l]. */
  readonly state: Int32Array;
  readonly tableX: Float64Array;
  readonly tableXIn: Float64Array;
  readonly points: Float64Array;
  readonly pendingCount: Int32Array;
  /** Per lane: the pending notes (views the samplers' second pass reads). */
  readonly pending: { position: Int32Array<ArrayBuffer>; candidate: Float64Array<ArrayBuffer>; word: Int32Array<ArrayBuffer> }[];
  /** [tail, wedge, clipped gradient, projection]: see assembly/layout.ts. */
  readonly counters: Float64Array;
  /** A long path's tallies (see assembly/tally.ts): lane 0's, and every lane's (a group of paths). */
  readonly histogram: Float64Array;
  readonly fieldCounts: Float64Array;
  readonly histograms: Float64Array[];
  readonly fieldCountsOf: Float64Array[];
  /** A group of long paths: the next block's lane-interleaved noise, and X lane-interleaved. */
  readonly bufNext: Float64Array;
  readonly bufNextAddress: number;
  readonly xs4: Float64Array;
  /** A long path's tally per lane (assembly/longRun.ts, tally.ts tallyPair): ball entries, the block's n, last ball, entries. */
  readonly entryTimeOf: Float64Array[];
  readonly entryBallOf: Int32Array[];
  readonly groupN0: Float64Array;
  readonly groupLast: Int32Array;
  readonly groupEntries: Int32Array;

  constructor(readonly exports: WasmExports) {
    const mem = exports.memory.buffer;
    const at = (k: number) => exports.region(k);
    this.bufAddress = at(0);
    this.buf = new Float64Array(mem, at(0), LANES * BLOCK);
    this.x = new Float64Array(mem, at(1), LANES);
    this.xs = new Float64Array(mem, at(2), BLOCK);
    this.state = new Int32Array(mem, at(3), 4 * LANES);
    this.tableX = new Float64Array(mem, at(4), BLOCK + 1);
    this.tableXIn = new Float64Array(mem, at(5), BLOCK + 1);
    this.points = new Float64Array(mem, at(6), 128);
    this.pending = Array.from({ length: LANES }, (_, l) => ({
      position: new Int32Array(mem, at(7) + 4 * l * BLOCK, BLOCK),
      candidate: new Float64Array(mem, at(8) + 8 * l * BLOCK, BLOCK),
      word: new Int32Array(mem, at(9) + 4 * l * BLOCK, BLOCK),
    }));
    this.pendingCount = new Int32Array(mem, at(10), LANES);
    this.counters = new Float64Array(mem, at(11), 4);
    this.histograms = Array.from({ length: LANES }, (_, l) => new Float64Array(mem, at(12) + 8 * l * MAX_BINS, MAX_BINS));
    this.fieldCountsOf = Array.from({ length: LANES }, (_, l) => new Float64Array(mem, at(13) + 8 * l * MAX_MINIMA, MAX_MINIMA));
    this.histogram = this.histograms[0];
    this.fieldCounts = this.fieldCountsOf[0];
    this.bufNextAddress = at(18);
    this.bufNext = new Float64Array(mem, at(18), LANES * BLOCK);
    this.xs4 = new Float64Array(mem, at(19), LANES * BLOCK);
    this.entryTimeOf = Array.from({ length: LANES }, (_, l) => new Float64Array(mem, at(14) + 8 * l * BLOCK, BLOCK));
    this.entryBallOf = Array.from({ length: LANES }, (_, l) => new Int32Array(mem, at(15) + 4 * l * BLOCK, BLOCK));
    this.groupN0 = new Float64Array(mem, at(20), LANES);
    this.groupLast = new Int32Array(mem, at(21), LANES);
    this.groupEntries = new Int32Array(mem, at(22), LANES);
  }
}

/** A module of one function returning a v128 constant: valid exactly where WebAssembly SIMD is. */
const SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b,
  0x03, 0x02, 0x01, 0x00,
  0x0a, 0x16, 0x01, 0x14, 0x00, 0xfd, 0x0c, ...new Array<number>(16).fill(0), 0x0b,
]);

export function simdSupported(): boolean {
  return typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
}

let loaded: WasmKernels | { missing: string } | null = null;

/** This thread's instance, or why there is none (no SIMD, no kernels.wasm next to the bundle). */
export function wasmKernels(): WasmKernels | { missing: string } {
  loaded ??= load();
  return loaded;
}

function load(): WasmKernels | { missing: string } {
  if (!simdSupported()) return { missing: 'this runtime has no WebAssembly SIMD' };
  const path = wasmPath();
  if (path === null) return { missing: `${WASM_NAME} not found beside the bundle (run \`npm run build:node\`)` };
  const module = new WebAssembly.Module(readFileSync(path));
  return new WasmKernels(new WebAssembly.Instance(module, {}).exports as unknown as WasmExports);
}

/** Beside the running bundle (out/node, out/main, app.asar.unpacked/out/main); from sources (tests), out/node. */
function wasmPath(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, WASM_NAME), join(here, '..', '..', '..', 'out', 'node', WASM_NAME)];
  return candidates.find((p) => existsSync(p)) ?? null;
}
