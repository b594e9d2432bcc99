import { describe, expect, it } from 'vitest';
import { findMinima, findSaddles, mullerBrownSurface, wellsSurface, WIDE_AND_SHARP, type Surface2D } from '../../../src-shared/theory2d';

/**
 * Independent check: the local minima of f on a fine grid (lower than all 8 neighbours),
 * each within two grid spacings of a minimum found by Newton, and the other way round.
 */
function bruteForceMinima(s: Surface2D, n = 801): [number, number][] {
  const h = (2 * s.L) / (n - 1);
  const v = (i: number, j: number) => s.value(-s.L + i * h, -s.L + j * h);
  const out: [number, number][] = [];
  for (let j = 1; j < n - 1; j++) {
    for (let i = 1; i < n - 1; i++) {
      const c = v(i, j);
      let lowest = true;
      for (const [di, dj] of [
        [-1, -1],
        [0, -1],
        [1, -1],
        [-1, 0],
        [1, 0],
        [-1, 1],
        [0, 1],
        [1, 1],
      ]) {
        if (v(i + di, j + dj) <= c) lowest = false;
      }
      if (lowest) out.push([-s.L + i * h, -s.L + j * h]);
    }
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

describe('minima', () => {
  it('wide-and-sharp: three minima, one per well, matching a brute-force grid search', () => {
    const s = wellsSurface(WIDE_AND_SHARP);
    const minima = findMinima(
      s,
      WIDE_AND_SHARP.wells.map((w) => w.center),
    );
    const brute = bruteForceMinima(s);
    expect(minima).toHaveLength(3);
    expect(brute).toHaveLength(3);
    const h = (2 * s.L) / 800;
    minima.forEach((m, k) => {
      expect(Math.hypot(m.point[0] - brute[k][0], m.point[1] - brute[k][1])).toBeLessThan(2 * h);
      const [gx, gy] = s.gradient(m.point[0], m.point[1]);
      expect(Math.hypot(gx, gy)).toBeLessThan(1e-10);
      expect(m.eigenvalues[0]).toBeGreaterThan(0);
    });
    // The wide well is about 20 times flatter than the sharp ones.
    expect(minima[1].eigenvalues[0] / minima[0].eigenvalues[1]).toBeGreaterThan(15);
  });

  it('Müller–Brown: the three classic minima, numbered in order of x', () => {
    const s = mullerBrownSurface(2);
    const minima = findMinima(s);
    const toBox = (X: number, Y: number) => [((X + 0.15) / 1.35) * 2, ((Y - 0.75) / 1.35) * 2];
    const classic = [toBox(-0.558224, 1.441726), toBox(-0.050011, 0.466694), toBox(0.623499, 0.028038)];
    expect(minima).toHaveLength(3);
    minima.forEach((m, k) => {
      expect(m.point[0]).toBeCloseTo(classic[k][0], 4);
      expect(m.point[1]).toBeCloseTo(classic[k][1], 4);
    });
  });

  it('are numbered in order of x, then y, and found once each', () => {
    const s = wellsSurface({
      dimension: 2,
      L: 2,
      confinement: 0.3,
      wells: [
        { center: [0, 1], depth: 1, width: 0.3 },
        { center: [0, -1], depth: 1, width: 0.3 },
        { center: [-1, 0], depth: 1, width: 0.3 },
      ],
    });
    const minima = findMinima(s, [
      [0, 1],
      [0, 1.01],
      [0, -1],
      [-1, 0],
    ]);
    expect(minima.map((m) => m.point.map((v) => Math.round(v) + 0))).toEqual([
      [-1, 0],
      [0, -1],
      [0, 1],
    ]);
  });
});

describe('saddles', () => {
  it('Müller–Brown: the two classic index-1 saddles', () => {
    const s = mullerBrownSurface(2);
    const saddles = findSaddles(s, findMinima(s));
    const toBox = (X: number, Y: number) => [((X + 0.15) / 1.35) * 2, ((Y - 0.75) / 1.35) * 2];
    const classic = [toBox(-0.822002, 0.62431), toBox(0.212487, 0.292988)];
    expect(saddles).toHaveLength(2);
    saddles.forEach((sd, k) => {
      expect(sd.point[0]).toBeCloseTo(classic[k][0], 4);
      expect(sd.point[1]).toBeCloseTo(classic[k][1], 4);
      expect(sd.eigenvalues[0]).toBeLessThan(0);
      expect(sd.eigenvalues[1]).toBeGreaterThan(0);
    });
  });

  it('wide-and-sharp: one saddle between the wide well and each sharp one', () => {
    const s = wellsSurface(WIDE_AND_SHARP);
    const saddles = findSaddles(s, findMinima(s));
    expect(saddles).toHaveLength(2);
    for (const sd of saddles) {
      const [gx, gy] = s.gradient(sd.point[0], sd.point[1]);
      expect(Math.hypot(gx, gy)).toBeLessThan(1e-10);
      expect(sd.point[0]).toBeGreaterThan(0.3);
      expect(sd.point[0]).toBeLessThan(0.9);
    }
  });
});
