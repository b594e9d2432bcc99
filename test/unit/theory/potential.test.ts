import { describe, expect, it } from 'vitest';
import { landscapePresets } from '../../../src-shared/model';
import { gradient, gradientCoefficients, potential, samplePotential } from '../../../src-shared/theory';

const paper = { ...landscapePresets.paper, criticalPoints: [...landscapePresets.paper.criticalPoints] };

describe("f' and f", () => {
  it("f' vanishes exactly at every critical point and has the right sign between them", () => {
    const c = paper.criticalPoints;
    for (const ck of c) expect(gradient(paper, ck) === 0).toBe(true);
    // Between consecutive critical points f' has one sign; descending into a minimum from the
    // right means f' > 0 on (m_i, s_i) and f' < 0 on (s_{i−1}, m_i).
    for (let k = 0; k + 1 < c.length; k++) {
      const mid = 0.5 * (c[k] + c[k + 1]);
      expect(Math.sign(gradient(paper, mid))).toBe(k % 2 === 0 ? 1 : -1);
    }
  });

  it("the expanded coefficients reproduce the product form κ Π (x − c_k)", () => {
    const a = gradientCoefficients(paper);
    expect(a).toHaveLength(paper.criticalPoints.length + 1);
    expect(a[a.length - 1]).toBe(paper.gradientScale);
    for (let x = -1.6; x <= 1.6; x += 0.05) {
      const horner = a.reduceRight((acc, ak) => acc * x + ak, 0);
      expect(horner).toBeCloseTo(gradient(paper, x), 12);
    }
  });

  it("f is an antiderivative of f' (central differences)", () => {
    const f = potential(paper);
    const h = 1e-5;
    for (let x = -1.6; x <= 1.6; x += 0.037) {
      const fd = (f(x + h) - f(x - h)) / (2 * h);
      // Central-difference error ~ h² f'''/6 plus rounding ~ 1e-16/h: well below 1e-7 here.
      expect(Math.abs(fd - gradient(paper, x))).toBeLessThan(1e-7);
    }
  });

  it('f is 0 at its deepest minimum and positive elsewhere on the minima', () => {
    const f = potential(paper);
    const minima = paper.criticalPoints.filter((_, k) => k % 2 === 0);
    const values = minima.map(f);
    expect(Math.min(...values)).toBe(0);
    // Saddles lie above their neighbouring minima.
    const s = paper.criticalPoints.filter((_, k) => k % 2 === 1);
    s.forEach((sk, k) => {
      expect(f(sk)).toBeGreaterThan(values[k]);
      expect(f(sk)).toBeGreaterThan(values[k + 1]);
    });
  });

  it('samples f and f′ on an even grid of [−L, L]', () => {
    const s = samplePotential(paper, 33);
    expect(s.x).toHaveLength(33);
    expect(s.x[0]).toBe(-1.6);
    expect(s.x[32]).toBeCloseTo(1.6, 14);
    const f = potential(paper);
    s.x.forEach((x, k) => {
      expect(s.f[k]).toBe(f(x));
      expect(s.gradient[k]).toBe(gradient(paper, x));
    });
  });
});
