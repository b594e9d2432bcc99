import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runTask } from '../../../src-main/engine/runTask';
import type { KernelTask, LongRunChunkResult, LongRunState } from '../../../src-main/engine/tasks';
import {
  ENGINE_VERSION,
  EngineVersionMismatch,
  decodeChunkResult,
  decodeTask,
  encodeChunkResult,
  encodeTask,
} from '../../../src-main/engine/taskCodec';
import { stringifyExact } from '../../../src-shared/codec/exactJson';
import { decodeChunkResult2d, decodeTask2d, encodeChunkResult2d, encodeTask2d } from '../../../src-main/engine/taskCodec';
import { runTask2d } from '../../../src-main/engine/kernels2d/runTask2d';
import type { KernelNoise2D, KernelTask2D, LongRun2DChunkResult } from '../../../src-main/engine/kernels2d/tasks2d';
import { BASIN_MAP_NODES } from '../../../src-shared/theory2d/basinMap';
import type { Noise } from '../../../src-shared/model/noise';
import { exitTask, longTask, paper, params } from './fixtures';
import { provideNoiseAsset } from '../../../src-shared/model/noiseAsset';

/** Measured noise for the empirical family (a task names it; this thread has its samples). */
const MEASURED = `sha256:${'ef'.repeat(32)}`;
provideNoiseAsset(
  MEASURED,
  Float64Array.from({ length: 2000 }, (_, i) => (i % 2 ? 1 : -1) * 0.1 * (Math.pow(1 - (i + 0.5) / 2000, -1 / 1.5) - 1)),
);

/** The paper landscape's fields as (left, right), the outer ones unbounded. */
const cp = paper.criticalPoints;
const saddles = cp.filter((_, k) => k % 2 === 1);
const fields = cp
  .filter((_, k) => k % 2 === 0)
  .map((minimum, i) => ({ minimum, left: i === 0 ? -Infinity : saddles[i - 1], right: saddles[i] ?? Infinity }));

const noise: fc.Arbitrary<Noise> = fc.oneof(
  fc.record({
    family: fc.constant('pareto' as const),
    alpha: fc.double({ min: 1.1, max: 3, noNaN: true }),
    scale: fc.double({ min: 0.01, max: 1, noNaN: true }),
    pPlus: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
  }),
  fc.record({ family: fc.constant('gaussian' as const), sigma: fc.double({ min: 0.1, max: 3, noNaN: true }) }),
  fc.record({ family: fc.constant('stable' as const), alpha: fc.double({ min: 1.1, max: 1.9, noNaN: true }), scale: fc.double({ min: 0.01, max: 1, noNaN: true }) }),
  fc.record({ family: fc.constant('student' as const), nu: fc.double({ min: 1.1, max: 5, noNaN: true }), scale: fc.double({ min: 0.01, max: 1, noNaN: true }) }),
  fc.record({ family: fc.constant('empirical' as const), asset: fc.constant(MEASURED) }),
);
const clip = fc.option(fc.double({ min: 0.05, max: 1, noNaN: true }), { nil: null });
const eta = fc.constantFrom(0.1, 0.05, 0.02);

const exitTimeTask: fc.Arbitrary<KernelTask> = fc
  .record({
    noise,
    clip,
    eta,
    field: fc.constantFrom(...fields),
    seed: fc.nat(2 ** 31),
    arm: fc.nat(3),
    etaIndex: fc.nat(6),
    sampleStart: fc.nat(50),
  })
  .map((r) =>
    exitTask(params(r.noise, r.clip, r.eta), {
      x0: r.field.minimum, left: r.field.left, right: r.field.right, maxIterations: 5_000,
      seed: r.seed, arm: r.arm, etaIndex: r.etaIndex, sampleStart: r.sampleStart, sampleCount: 4,
    }),
  );

/** A long-run task, first piece or a later one continuing from the state the previous piece ended in. */
const longRunTask: fc.Arbitrary<KernelTask> = fc
  .record({ noise, clip, eta, seed: fc.nat(2 ** 31), path: fc.nat(20), continued: fc.boolean() })
  .map((r) => {
    const p = params(r.noise, r.clip, r.eta);
    const base = { seed: r.seed, path: r.path, iterations: 3_000, thin: 10, bins: 40 };
    const state: LongRunState | null = r.continued
      ? (runTask(longTask(p, base)) as LongRunChunkResult).state
      : null;
    return longTask(p, { ...base, state });
  });

const noise2d: fc.Arbitrary<KernelNoise2D> = fc.oneof(
  fc.record({
    family: fc.constant('pareto' as const),
    alpha: fc.double({ min: 1.1, max: 3, noNaN: true }),
    scale: fc.double({ min: 0.05, max: 1, noNaN: true }),
    direction: fc.constantFrom('isotropic' as const, 'axes' as const),
  }),
  fc.record({ family: fc.constant('gaussian' as const), sigma: fc.double({ min: 0.5, max: 5, noNaN: true }) }),
  fc.record({
    family: fc.constant('stable' as const),
    alpha: fc.double({ min: 1.1, max: 1.9, noNaN: true }),
    scale: fc.double({ min: 0.05, max: 1, noNaN: true }),
    direction: fc.constant('axes' as const),
  }),
  fc.record({
    family: fc.constant('student' as const),
    nu: fc.double({ min: 1.1, max: 5, noNaN: true }),
    scale: fc.double({ min: 0.05, max: 1, noNaN: true }),
    direction: fc.constant('axes' as const),
  }),
);

/** 2-D tasks on the two presets (each basin map is built once per thread), x0 at or near a minimum. */
const task2d: fc.Arbitrary<KernelTask2D> = fc
  .record({
    noise: noise2d,
    clip,
    landscape: fc.constantFrom({ dimension: 2, preset: 'wide-and-sharp' } as const, { dimension: 2, preset: 'muller-brown' } as const),
    x0: fc.constantFrom<[number, number]>([0.973, -0.78], [0.892, 0.793], [0.148, -0.42]),
    seed: fc.nat(2 ** 31),
    kind: fc.constantFrom('exit-time-2d' as const, 'long-run-2d' as const),
    continued: fc.boolean(),
  })
  .map((r): KernelTask2D => {
    const params = { landscape: r.landscape, mapNodes: BASIN_MAP_NODES, noise: r.noise, clip: r.clip, eta: 0.01 };
    if (r.kind === 'exit-time-2d') {
      return { kind: r.kind, params, x0: r.x0, maxIterations: 2_000, seed: r.seed, arm: 1, etaIndex: 2, sampleStart: 3, sampleCount: 3 };
    }
    const base = { kind: r.kind, params, x0: r.x0, seed: r.seed, arm: 0, path: 2, iterations: 2_000, bins: 8, thin: 50, epsilon: 0.02 };
    const state = r.continued ? (runTask2d({ ...base, state: null }) as LongRun2DChunkResult).state : null;
    return { ...base, state };
  });

describe('task codec', () => {
  it('a 2-D task decoded from JSON text gives bit-identical output, and its result round-trips', () => {
    fc.assert(
      fc.property(task2d, (task) => {
        const viaText = decodeTask2d(JSON.parse(JSON.stringify(encodeTask2d(task))) as string);
        expect(viaText).toEqual(task);
        const result = runTask2d(task)!;
        expect(stringifyExact(runTask2d(viaText))).toBe(stringifyExact(result));
        expect(decodeChunkResult2d(encodeChunkResult2d(result))).toStrictEqual(result);
      }),
      { numRuns: 40, seed: 13 },
    );
    // 2-D tasks are engine kinds, so the general decoder (the worker's) takes them; the 2-D
    // decoder still refuses a 1-D task.
    const one = fc.sample(task2d, { numRuns: 1, seed: 1 })[0];
    expect(decodeTask(encodeTask2d(one))).toStrictEqual(one);
    expect(() => decodeTask2d(encodeTask(exitTask(params({ family: 'gaussian', sigma: 1 }, null, 0.1))))).toThrow(/unknown kind/);
  });

  it('a task decoded from JSON text gives bit-identical output, for every kind and noise family', () => {
    fc.assert(
      fc.property(fc.oneof(exitTimeTask, longRunTask), (task) => {
        const viaText = decodeTask(JSON.parse(JSON.stringify(encodeTask(task))) as string);
        expect(viaText).toEqual(task);
        expect(stringifyExact(runTask(viaText))).toBe(stringifyExact(runTask(task)));
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('keeps an unbounded field: a task starting in Ω₁ exits at the same times after the round trip', () => {
    const task = exitTask(params({ family: 'pareto', alpha: 1.2, scale: 0.1, pPlus: 0.5 }, 0.5, 0.1), {
      x0: fields[0].minimum, left: -Infinity, right: fields[0].right, maxIterations: 100_000,
    });
    const direct = runTask(task);
    // Plain JSON turns left = −∞ into null, and every sample then "exits" at once.
    const broken = runTask(JSON.parse(JSON.stringify(task)) as KernelTask);
    expect(broken).not.toStrictEqual(direct);
    expect(runTask(decodeTask(encodeTask(task)))).toStrictEqual(direct);
  });

  it('chunk results round-trip exactly', () => {
    fc.assert(
      fc.property(fc.oneof(exitTimeTask, longRunTask), (task) => {
        const result = runTask(task)!;
        expect(decodeChunkResult(encodeChunkResult(result))).toStrictEqual(result);
      }),
      { numRuns: 30, seed: 12 },
    );
  });

  it('refuses work from another engine version, and text that is not a task', () => {
    const text = encodeTask(exitTask(params({ family: 'gaussian', sigma: 1 }, null, 0.1)));
    const other = text.replace(`"engine":${ENGINE_VERSION}`, `"engine":${ENGINE_VERSION + 1}`);
    expect(() => decodeTask(other)).toThrow(EngineVersionMismatch);
    expect(() => decodeTask('{"engine":1,"body":{"kind":"phase-diagram"}}')).toThrow(/unknown kind/);
    expect(() => decodeTask('[1,2]')).toThrow(/not an encoded task/);
  });
});
