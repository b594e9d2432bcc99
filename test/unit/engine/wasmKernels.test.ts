import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ExitTimeChunkResult, KernelTask, LongRunChunkResult, LongRunState } from '../../../src-main/engine/tasks';
import { exitTimeKernel, kernelImplementation, longRunKernel, type KernelImplementation } from '../../../src-main/engine/wasm/kernelChoice';
import { wasmCensored } from '../../../src-main/engine/wasm/exitTimeWasm';
import { simdSupported, type WasmKernels } from '../../../src-main/engine/wasm/wasmModule';
import { loadedKernels, bits, wasmVariants, params, pareto, gaussian } from './wasmSupport';
import { exitTask, longTask } from './fixtures';

/**
 * The WebAssembly kernels against the JavaScript ones, bit for bit: every number of every chunk
 * (exit times and fields; histograms, tallies, trajectories and the end state of long paths) is
 * compared by its 64 bits, over many chunks of every variant. The parameters are chosen so every
 * rare path runs — ziggurat tails and wedges (the module notes them, the JavaScript second pass
 * finishes them), clipped gradients, projections onto [−L, L], censored samples — and the
 * module's counters prove it did: the test fails when one never ran.
 */

function run(task: KernelTask, implementation: KernelImplementation): ExitTimeChunkResult | LongRunChunkResult | null {
  return task.kind === 'exit-time' ? exitTimeKernel(task, undefined, implementation) : longRunKernel(task, undefined, implementation);
}
let k: WasmKernels;
const before = new Float64Array(4);
let censoredBefore = 0;

beforeAll(() => {
  k = loadedKernels();
});

describe.each(wasmVariants)('WebAssembly kernels, $name', ({ name, p }) => {
  const clipped = p.clip !== null;

  it('give the JavaScript exit times bit for bit, over many chunks, with every rare path taken', () => {
    before.set(k.counters);
    censoredBefore = wasmCensored.count;
    let iterations = 0;
    // Chunks of uneven sizes (1 sample, fewer than the 4 lanes, many), from x0 in the middle of
    // Ω2 and near either end; in the outer fields Ω1 and Ω4 (whose minima lie near ∓L, so jumps
    // get projected) at the full η; one chunk with maxIterations so low that most are censored.
    const chunks = [
      { sampleStart: 0, sampleCount: 1, x0: -0.7 },
      { sampleStart: 1, sampleCount: 3, x0: -0.7 },
      { sampleStart: 4, sampleCount: 57, x0: -0.7 },
      { sampleStart: 61, sampleCount: 40, x0: -1.25 },
      { sampleStart: 101, sampleCount: 40, x0: 0.15 },
      { sampleStart: 141, sampleCount: 30, x0: 1.3, left: 0.7, right: Infinity, full: true },
      { sampleStart: 171, sampleCount: 30, x0: -1.5, left: -Infinity, right: -1.3, full: true },
      { sampleStart: 201, sampleCount: 50, x0: -0.7, maxIterations: 200 },
    ];
    for (const { full, ...c } of chunks) {
      const task = exitTask({ ...p, eta: full ? p.eta : p.eta / 4 }, { maxIterations: 3000, seed: 7, ...c });
      const js = run(task, 'js') as ExitTimeChunkResult;
      const wasm = run(task, 'wasm') as ExitTimeChunkResult;
      expect(bits(wasm), `${name} samples ${c.sampleStart}…`).toBe(bits(js));
      iterations += js.iterations;
    }
    const ran = Array.from(k.counters, (v, i) => v - before[i]);
    const [tails, wedges, clips, projections] = ran;
    expect(iterations).toBeGreaterThan(10_000);
    expect(tails, 'ziggurat tails').toBeGreaterThan(0);
    expect(wedges, 'ziggurat wedges').toBeGreaterThan(0);
    if (clipped) expect(clips, 'clipped gradients').toBeGreaterThan(0);
    else expect(clips).toBe(0);
    expect(projections, 'projections onto [−L, L]').toBeGreaterThan(0);
    expect(wasmCensored.count - censoredBefore, 'censored samples').toBeGreaterThan(0);
  });

  it('give the JavaScript long path bit for bit, chunk after chunk, including the state that resumes it', () => {
    before.set(k.counters);
    let jsState: LongRunState | null = null;
    let wasmState: LongRunState | null = null;
    // Chunk lengths around the 1024-value block: shorter, exact, one over, odd.
    for (const iterations of [1, 1023, 1024, 1025, 4096, 30_001, 777, 65_536]) {
      const task = longTask(p, { x0: -0.7, iterations, thin: 13, epsilon: 0.05, bins: 64 });
      const js = run({ ...task, state: jsState }, 'js') as LongRunChunkResult;
      const wasm = run({ ...task, state: wasmState }, 'wasm') as LongRunChunkResult;
      expect(bits(wasm), `${name} chunk of ${iterations}`).toBe(bits(js));
      jsState = js.state;
      wasmState = wasm.state;
    }
    const [tails, wedges, clips, projections] = Array.from(k.counters, (v, i) => v - before[i]);
    expect(tails, 'ziggurat tails').toBeGreaterThan(0);
    expect(wedges, 'ziggurat wedges').toBeGreaterThan(0);
    if (clipped) expect(clips, 'clipped gradients').toBeGreaterThan(0);
    expect(projections, 'projections onto [−L, L]').toBeGreaterThan(0);
  });
});

describe('choosing the kernels', () => {
  const saved = process.env.LAB_KERNELS;
  afterEach(() => {
    if (saved === undefined) delete process.env.LAB_KERNELS;
    else process.env.LAB_KERNELS = saved;
  });

  it('finds WebAssembly SIMD in this Node', () => {
    expect(simdSupported()).toBe(true);
  });

  it('reads LAB_KERNELS (auto by default) and rejects other values', () => {
    delete process.env.LAB_KERNELS;
    expect(kernelImplementation()).toBe('auto');
    process.env.LAB_KERNELS = 'JS';
    expect(kernelImplementation()).toBe('js');
    process.env.LAB_KERNELS = 'fast';
    expect(() => kernelImplementation()).toThrow(/LAB_KERNELS must be auto, js or wasm/);
  });

  it('runs a task outside the module on JavaScript under auto, and refuses it under wasm', () => {
    const biased = params({ family: 'pareto', alpha: 1.5, scale: 1, pPlus: 0.7 }, 0.5, 0.01);
    const task = exitTask(biased, { sampleCount: 3, maxIterations: 5000 });
    const calls = k.counters[0] + k.counters[1];
    expect(bits(run(task, 'auto'))).toBe(bits(run(task, 'js')));
    expect(k.counters[0] + k.counters[1]).toBe(calls);
    expect(() => run(task, 'wasm')).toThrow(/p₊ ≠ 1\/2/);
  });

  it('stops on the tick at the JavaScript cadence, and keeps the module memory flat', () => {
    const size = k.exports.memory.buffer.byteLength;
    const task = exitTask(params(pareto, 0.5, 1e-4), { sampleCount: 1000, maxIterations: 1e9 });
    const ticks: Record<string, number[]> = { js: [], wasm: [] };
    for (const impl of ['js', 'wasm'] as const) {
      const r = exitTimeKernel(task, (n) => ticks[impl].push(n) < 3, impl);
      expect(r).toBeNull();
    }
    // Each tick comes after at least 2^20 more iterations, as in the JavaScript kernel.
    expect(ticks.wasm.length).toBe(3);
    ticks.wasm.forEach((n, i) => expect(n).toBeGreaterThanOrEqual((i + 1) * 2 ** 20));
    ticks.wasm.forEach((n, i) => expect(n).toBeLessThan((i + 1) * 2 ** 20 + 4 * 1024));
    for (let c = 0; c < 20; c++) run(longTask(params(gaussian, 0.5, 0.02), { iterations: 50_000, path: c }), 'wasm');
    expect(k.exports.memory.buffer.byteLength).toBe(size);
  });
});
