import { beforeAll, describe, expect, it } from 'vitest';
import type { KernelParams, LongRunChunkResult, LongRunState } from '../../../src-main/engine/tasks';
import { longRunKernel } from '../../../src-main/engine/wasm/kernelChoice';
import type { WasmKernels } from '../../../src-main/engine/wasm/wasmModule';
import { loadedKernels, bits, wasmVariants, params, pareto } from './wasmSupport';
import { longTask } from './fixtures';

/**
 * Groups of long paths walked side by side in the module's SIMD lanes against each path walked
 * alone by the JavaScript kernel, bit for bit: every histogram count, tally, trajectory point
 * and the end state of every path, over many chunks whose lengths straddle the noise block, with
 * paths that start the group at different n (one fresh, others resumed). The module's counters
 * prove the rare paths ran inside the group walk (ziggurat tails and wedges, clipped gradients,
 * projections onto [−L, L]); the test fails when one never did.
 */


let k: WasmKernels;
beforeAll(() => {
  k = loadedKernels();
});

/** Each path alone on JavaScript, one piece after another: the reference. */
function alone(p: KernelParams, path: number, pieces: number[], state: LongRunState | null): LongRunChunkResult[] {
  const out: LongRunChunkResult[] = [];
  for (const iterations of pieces) {
    const r = longRunKernel(longTask(p, { x0: -0.7, path, iterations, thin: 13, bins: 64, state }), undefined, 'js')!;
    out.push(r);
    state = r.state;
  }
  return out;
}

describe.each(wasmVariants)('a group of long paths on WebAssembly, $name', ({ name, p }) => {
  it.each([4, 2])('gives each of %i paths its lone JavaScript walk bit for bit, chunk after chunk', (size) => {
    const before = Float64Array.from(k.counters);
    const pieces = [1, 1023, 1024, 1025, 4096, 30_001, 777, 65_536];
    // Path 0 starts fresh; the others were walked 500·path iterations alone first.
    const paths = Array.from({ length: size }, (_, i) => 3 * i + 1);
    const heads = paths.map((path, i) => (i === 0 ? null : alone(p, path, [500 * i], null)[0].state));
    const expected = paths.map((path, i) => alone(p, path, pieces, heads[i]));
    const states = [...heads];
    pieces.forEach((iterations, c) => {
      const task = longTask(p, { x0: -0.7, path: paths[0], iterations, thin: 13, bins: 64, state: states[0] });
      const grouped = longRunKernel({ ...task, group: paths.slice(1).map((path, i) => ({ path, state: states[i + 1] })) }, undefined, 'wasm')!;
      const { group, ...first } = grouped;
      const results = [first, ...(group ?? [])];
      expect(results).toHaveLength(size);
      results.forEach((r, i) => {
        expect(bits(r), `${name}: path ${paths[i]}, chunk ${c} of ${iterations}`).toBe(bits(expected[i][c]));
        states[i] = r.state;
      });
    });
    // Moves between minima and thinned points were booked on every path (so they were compared).
    for (const runs of expected) {
      expect(runs.reduce((s, r) => s + r.transitions.reduce((a, b) => a + b, 0), 0)).toBeGreaterThan(0);
      expect(runs.reduce((s, r) => s + r.trajectory.length, 0)).toBeGreaterThan(1000);
    }
    const [tails, wedges, clips, projections] = Array.from(k.counters, (v, i) => v - before[i]);
    expect(tails, 'ziggurat tails').toBeGreaterThan(0);
    expect(wedges, 'ziggurat wedges').toBeGreaterThan(0);
    if (p.clip !== null) expect(clips, 'clipped gradients').toBeGreaterThan(0);
    else expect(clips).toBe(0);
    expect(projections, 'projections onto [−L, L]').toBeGreaterThan(0);
  });
});

describe('groups of long paths', () => {
  const p = params(pareto, 0.5, 0.02);
  const group = (size: number) => ({
    ...longTask(p, { path: 0, iterations: 20_000 }),
    group: Array.from({ length: size - 1 }, (_, i) => ({ path: i + 1, state: null })),
  });

  it('run a group of 3 (no lane layout) path by path, with the same numbers as alone', () => {
    const r = longRunKernel(group(3), undefined, 'wasm')!;
    const js = [0, 1, 2].map((path) => longRunKernel(longTask(p, { path, iterations: 20_000 }), undefined, 'js'));
    const { group: rest, ...first } = r;
    expect(bits([first, ...rest!])).toBe(bits(js));
  });

  it('report the iterations of all their paths on the tick, and stop on it', () => {
    for (const impl of ['js', 'wasm'] as const) {
      const ticks: number[] = [];
      const r = longRunKernel({ ...group(4), iterations: 5_000_000 }, (n) => ticks.push(n) < 3, impl);
      expect(r, impl).toBeNull();
      expect(ticks).toHaveLength(3);
      // A tick after at least 2^20 more path-iterations, and at most a block of each path more.
      ticks.forEach((n, i) => expect(n).toBeGreaterThanOrEqual((i + 1) * 2 ** 20));
      ticks.forEach((n, i) => expect(n).toBeLessThan((i + 1) * 2 ** 20 + 4 * 1024));
    }
  });

  it('keep the module memory flat', () => {
    const size = k.exports.memory.buffer.byteLength;
    for (let c = 0; c < 10; c++) longRunKernel({ ...group(4), iterations: 30_000 }, undefined, 'wasm');
    expect(k.exports.memory.buffer.byteLength).toBe(size);
  });
});
