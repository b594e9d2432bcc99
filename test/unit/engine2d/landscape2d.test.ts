import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fastExp } from '../../../src-main/engine/kernels2d/fastExp';
import { basinAt, kernelLandscape2d, TERM_WORDS } from '../../../src-main/engine/kernels2d/landscape2d';
import { BASIN_MAP_NODES, basinOf } from '../../../src-shared/theory2d/basinMap';
import type { Landscape2DConfig } from '../../../src-shared/theory2d/landscape';
import { landscapeTheory2d } from '../../../src-shared/theory2d/landscapeTheory';

const configs: [string, Landscape2DConfig][] = [
  ['wide-and-sharp', { dimension: 2, preset: 'wide-and-sharp' }],
  ['muller-brown', { dimension: 2, preset: 'muller-brown' }],
];

/** Distance in units in the last place of b. */
function ulps(a: number, b: number): number {
  const bits = new Float64Array([b]);
  const next = new BigInt64Array(bits.buffer);
  next[0] += 1n;
  return Math.abs(a - b) / (bits[0] - b);
}

describe('the 2-D kernels’ landscape', () => {
  it.each(configs)('%s: the same minima and basin map as the theory, and basinAt = basinOf', (_, config) => {
    const land = kernelLandscape2d(config, BASIN_MAP_NODES);
    const theory = landscapeTheory2d(config);
    expect(land.n).toBe(BASIN_MAP_NODES);
    expect(Int32Array.from(land.labels)).toStrictEqual(theory.map.labels);
    expect(Array.from(land.minima)).toStrictEqual(theory.minima.flatMap((m) => m.point));
    fc.assert(
      fc.property(fc.double({ min: -land.L, max: land.L, noNaN: true }), fc.double({ min: -land.L, max: land.L, noNaN: true }), (x, y) => {
        expect(basinAt(land, x, y)).toBe(basinOf(theory.map, [x, y]));
      }),
      { numRuns: 2000, seed: 4 },
    );
  });

  it.each(configs)('%s: the Gaussian terms give the theory’s gradient', (_, config) => {
    const land = kernelLandscape2d(config, BASIN_MAP_NODES);
    const surface = landscapeTheory2d(config).surface;
    const gradient = (x: number, y: number): [number, number] => {
      let gx = land.confinement * x;
      let gy = land.confinement * y;
      for (let k = 0; k < land.termCount; k++) {
        const [mx, my, a2, b, c2, A] = land.terms.subarray(TERM_WORDS * k, TERM_WORDS * (k + 1));
        const px = a2 * (x - mx) + b * (y - my);
        const py = b * (x - mx) + c2 * (y - my);
        const e = A * Math.exp(0.5 * (px * (x - mx) + py * (y - my)));
        gx += e * px;
        gy += e * py;
      }
      return [gx, gy];
    };
    fc.assert(
      fc.property(fc.double({ min: -land.L, max: land.L, noNaN: true }), fc.double({ min: -land.L, max: land.L, noNaN: true }), (x, y) => {
        const [ax, ay] = gradient(x, y);
        const [bx, by] = surface.gradient(x, y);
        const size = Math.hypot(bx, by) + 1e-3;
        expect(Math.hypot(ax - bx, ay - by) / size).toBeLessThan(1e-12);
      }),
      { numRuns: 2000, seed: 5 },
    );
  });

  it('fastExp is within 2 ulps of Math.exp wherever e^x is a normal double, and exact at the edges', () => {
    // A fine deterministic sweep of the range, plus points near where the table index wraps.
    let worst = 0;
    for (let k = 0; k <= 400_000; k++) {
      const x = -708 + (1417 * k) / 400_000 + 1e-7 * (k % 13);
      worst = Math.max(worst, ulps(fastExp(x), Math.exp(x)));
    }
    for (let k = -300; k <= 300; k++) {
      const x = (k * Math.LN2) / 256;
      worst = Math.max(worst, ulps(fastExp(x), Math.exp(x)), ulps(fastExp(x + 1e-12), Math.exp(x + 1e-12)));
    }
    expect(worst).toBeLessThanOrEqual(2);
    expect(fastExp(0)).toBe(1);
    expect(fastExp(-800)).toBe(0);
    expect(fastExp(800)).toBe(Infinity);
    expect(fastExp(-Infinity)).toBe(0);
  });
});
