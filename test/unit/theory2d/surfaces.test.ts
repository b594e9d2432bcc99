import { describe, expect, it } from 'vitest';
import { eigenvalues, mullerBrownSurface, surfaceOf, wellsSurface, WIDE_AND_SHARP, type Surface2D } from '../../../src-shared/theory2d';

/** Central differences of f and of ∇f, to check the closed forms. */
function checkDerivatives(s: Surface2D, points: [number, number][]) {
  const e = 1e-5;
  for (const [x, y] of points) {
    const [gx, gy] = s.gradient(x, y);
    const scale = 1 + Math.hypot(gx, gy);
    expect((s.value(x + e, y) - s.value(x - e, y)) / (2 * e)).toBeCloseTo(gx, 5 - Math.ceil(Math.log10(scale)));
    expect((s.value(x, y + e) - s.value(x, y - e)) / (2 * e)).toBeCloseTo(gy, 5 - Math.ceil(Math.log10(scale)));
    const h = s.hessian(x, y);
    const hScale = 1 + Math.abs(h.xx) + Math.abs(h.yy) + Math.abs(h.xy);
    const digits = 4 - Math.ceil(Math.log10(hScale));
    expect((s.gradient(x + e, y)[0] - s.gradient(x - e, y)[0]) / (2 * e)).toBeCloseTo(h.xx, digits);
    expect((s.gradient(x, y + e)[0] - s.gradient(x, y - e)[0]) / (2 * e)).toBeCloseTo(h.xy, digits);
    expect((s.gradient(x + e, y)[1] - s.gradient(x - e, y)[1]) / (2 * e)).toBeCloseTo(h.xy, digits);
    expect((s.gradient(x, y + e)[1] - s.gradient(x, y - e)[1]) / (2 * e)).toBeCloseTo(h.yy, digits);
  }
}

/** A fixed spread of points over [−L, L]² (a Halton sequence, bases 2 and 3). */
function spread(L: number, count: number): [number, number][] {
  const halton = (i: number, b: number) => {
    let f = 1;
    let r = 0;
    for (let k = i; k > 0; k = Math.floor(k / b)) {
      f /= b;
      r += f * (k % b);
    }
    return r;
  };
  return Array.from({ length: count }, (_, i) => [L * (2 * halton(i + 1, 2) - 1), L * (2 * halton(i + 1, 3) - 1)]);
}

describe('wells landscape', () => {
  it('f is (c/2)|x|² minus the Gaussian wells', () => {
    const s = wellsSurface(WIDE_AND_SHARP);
    const [x, y] = [0.3, -0.2];
    const expected =
      0.25 * (x * x + y * y) -
      WIDE_AND_SHARP.wells.reduce((acc, w) => acc + w.depth * Math.exp(-((x - w.center[0]) ** 2 + (y - w.center[1]) ** 2) / (2 * w.width ** 2)), 0);
    expect(s.value(x, y)).toBeCloseTo(expected, 14);
  });

  it('gradient and Hessian agree with finite differences', () => {
    checkDerivatives(wellsSurface(WIDE_AND_SHARP), spread(2, 40));
  });
});

describe('Müller–Brown', () => {
  // The classic surface, written out again here: V = Σ A_k exp(a(x−x0)² + b(x−x0)(y−y0) + c(y−y0)²).
  const V = (x: number, y: number) =>
    -200 * Math.exp(-((x - 1) ** 2) - 10 * y ** 2) -
    100 * Math.exp(-(x ** 2) - 10 * (y - 0.5) ** 2) -
    170 * Math.exp(-6.5 * (x + 0.5) ** 2 + 11 * (x + 0.5) * (y - 1.5) - 6.5 * (y - 1.5) ** 2) +
    15 * Math.exp(0.7 * (x + 1) ** 2 + 0.6 * (x + 1) * (y - 1) + 0.7 * (y - 1) ** 2);
  const s = mullerBrownSurface(2);
  const toBox = (X: number, Y: number): [number, number] => [((X + 0.15) / 1.35) * 2, ((Y - 0.75) / 1.35) * 2];

  it('is V/100 after mapping [−1.5, 1.2] × [−0.6, 2.1] onto the box', () => {
    for (const [X, Y] of [
      [-1.5, -0.6],
      [1.2, 2.1],
      [0, 0.5],
      [-0.7, 1.3],
    ]) {
      const [x, y] = toBox(X, Y);
      expect(s.value(x, y)).toBeCloseTo(V(X, Y) / 100, 12);
    }
  });

  it('gradient and Hessian agree with finite differences', () => {
    checkDerivatives(s, spread(2, 40));
  });

  it('the classic minima and saddles are critical points with the classic values', () => {
    const classic = [
      { at: [-0.558224, 1.441726], V: -146.699517, minimum: true },
      { at: [0.623499, 0.028038], V: -108.166724, minimum: true },
      { at: [-0.050011, 0.466694], V: -80.767818, minimum: true },
      { at: [-0.822002, 0.62431], V: -40.664843, minimum: false },
      { at: [0.212487, 0.292988], V: -72.248943, minimum: false },
    ];
    for (const c of classic) {
      const [x, y] = toBox(c.at[0], c.at[1]);
      expect(s.value(x, y)).toBeCloseTo(c.V / 100, 5);
      const [gx, gy] = s.gradient(x, y);
      expect(Math.hypot(gx, gy)).toBeLessThan(1e-4);
      const [lo, hi] = eigenvalues(s.hessian(x, y));
      expect(hi).toBeGreaterThan(0);
      expect(lo > 0).toBe(c.minimum);
    }
  });

  it('is uphill toward every edge of the box (so the projected flow never sticks there)', () => {
    for (let t = -2; t <= 2; t += 0.01) {
      expect(s.gradient(2, t)[0]).toBeGreaterThan(0);
      expect(s.gradient(-2, t)[0]).toBeLessThan(0);
      expect(s.gradient(t, 2)[1]).toBeGreaterThan(0);
      expect(s.gradient(t, -2)[1]).toBeLessThan(0);
    }
  });

  it('presets resolve to their surfaces', () => {
    expect(surfaceOf({ dimension: 2, preset: 'muller-brown' }).value(0.1, 0.2)).toBe(s.value(0.1, 0.2));
    expect(surfaceOf({ dimension: 2, preset: 'wide-and-sharp' }).value(0.1, 0.2)).toBe(wellsSurface(WIDE_AND_SHARP).value(0.1, 0.2));
  });
});

describe('eigenvalues', () => {
  it('of a symmetric 2×2 matrix, ascending', () => {
    expect(eigenvalues({ xx: 2, xy: 1, yy: 2 })).toEqual([1, 3]);
    const [a, b] = eigenvalues({ xx: 5, xy: -2, yy: 1 });
    expect(a + b).toBeCloseTo(6, 12);
    expect(a * b).toBeCloseTo(1, 12);
  });
});
