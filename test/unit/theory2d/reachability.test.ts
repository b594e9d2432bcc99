import { describe, expect, it } from 'vitest';
import { jumpCounts, landscapeTheory2d, surfaceTheory2d, type Surface2D } from '../../../src-shared/theory2d';
import { referenceFlow, type Point } from './referenceFlow';

describe('wide-and-sharp: isotropic counts', () => {
  const theory = landscapeTheory2d({ dimension: 2, preset: 'wide-and-sharp' }, 129);
  const { map, radii } = theory;

  it.each([0.3, 0.35, 0.5])('b = %s: l*_i = ⌈r_i/b⌉ in every basin (round basins, the flow only pulls inward)', (b) => {
    const lStars = radii.map((_, k) => jumpCounts(map, k + 1, { direction: 'isotropic', clip: b }).lStar);
    expect(lStars).toEqual(radii.map((r) => Math.ceil(r / b)));
  });

  it('unclipped isotropic: one jump reaches anywhere', () => {
    radii.forEach((_, k) => {
      const c = jumpCounts(map, k + 1, { direction: 'isotropic', clip: null });
      expect(c.lStar).toBe(1);
      expect(c.lTo.filter((l, j) => j !== k)).toEqual([1, 1]);
    });
  });

  it('unclipped axes: the lines through the wide minimum stay in its basin, so l* = 2 there', () => {
    const m = theory.minima.map((x) => x.point);
    const flow = referenceFlow((x, y) => theory.surface.gradient(x, y), 2, m, 0.01);
    // Independent: the full row and column through m_1, sampled every 0.02, all flow back to m_1.
    for (let t = -2; t <= 2; t += 0.02) {
      expect(flow.classify([t, m[0][1]])).toBe(1);
      expect(flow.classify([m[0][0], t])).toBe(1);
    }
    expect(jumpCounts(map, 1, { direction: 'axes', clip: null }).lStar).toBe(2);
    expect(jumpCounts(map, 2, { direction: 'axes', clip: null }).lStar).toBe(1);
    expect(jumpCounts(map, 3, { direction: 'axes', clip: null }).lStar).toBe(1);
  });
});

/**
 * A basin where the flow between jumps lowers the count for `axes` noise. Ω_1 is the bowl of
 * a quadratic that is stiff along (1, −1) (curvature 8) and soft along (1, 1) (0.5), on
 * the box [−1, 1]²; a sharp well near the top edge at (0.4, 0.9) makes a small basin Ω_2.
 * A jump to (b, 0) flows almost straight across to the soft diagonal, near (b/2, b/2), and
 * from there a vertical jump reaches (b/2, 3b/2) — where Ω_2 is. Without the flow two axis
 * jumps reach only the square [−b, b]² and the axes up to 2b, which miss Ω_2: three are needed.
 */
describe('axes noise: flow between jumps changes the count', () => {
  const b = 0.68;
  const soft = 0.5;
  const stiff = 8;
  const mu: Point = [0.4, 0.9];
  const depth = 0.5;
  const width = 0.05;
  const [axx, axy] = [(soft + stiff) / 2, (soft - stiff) / 2];
  const well = (x: number, y: number) => depth * Math.exp(-((x - mu[0]) ** 2 + (y - mu[1]) ** 2) / (2 * width * width));
  const surface: Surface2D = {
    L: 1,
    value: (x, y) => 0.5 * (axx * x * x + 2 * axy * x * y + axx * y * y) - well(x, y),
    gradient: (x, y) => {
      const e = well(x, y) / (width * width);
      return [axx * x + axy * y + e * (x - mu[0]), axy * x + axx * y + e * (y - mu[1])];
    },
    hessian: (x, y) => {
      const [dx, dy] = [x - mu[0], y - mu[1]];
      const e = well(x, y) / (width * width);
      const w2 = width * width;
      return { xx: axx + e * (1 - (dx * dx) / w2), xy: axy - (e * dx * dy) / w2, yy: axx + e * (1 - (dy * dy) / w2) };
    },
  };
  const theory = surfaceTheory2d(surface, [[0, 0], mu]);
  const minima = theory.minima.map((m) => m.point);
  const flow = referenceFlow((x, y) => surface.gradient(x, y), 1, minima, 0.01, [0.1, 0.04]);
  const box = (p: Point): Point => [Math.max(-1, Math.min(1, p[0])), Math.max(-1, Math.min(1, p[1]))];

  it('has the bowl as Ω_1 and the sharp well as Ω_2', () => {
    expect(minima).toHaveLength(2);
    expect(Math.hypot(...minima[0])).toBeLessThan(0.05);
    expect(Math.hypot(minima[1][0] - mu[0], minima[1][1] - mu[1])).toBeLessThan(0.05);
  });

  it('independently: one jump stays in Ω_1, and jump → flow → jump reaches Ω_2', () => {
    for (let s = -b; s <= b; s += b / 40) {
      expect(flow.classify(box([s, 0]))).toBe(1);
      expect(flow.classify(box([0, s]))).toBe(1);
    }
    const path = flow.path([b, 0]);
    const witness = path.find((p) => flow.classify(box([p[0], p[1] + b])) === 2);
    expect(witness).toBeDefined();
  });

  it('independently: without the flow, no two axis jumps leave Ω_1', () => {
    const steps = 24;
    for (let i = 0; i <= steps; i++) {
      for (let j = 0; j <= steps; j++) {
        // One jump along x and one along y: the square [−b, b]².
        expect(flow.classify([-b + (2 * b * i) / steps, -b + (2 * b * j) / steps])).toBe(1);
      }
      // Two jumps along the same axis: the axes up to 2b, projected onto the box.
      const t = -2 * b + (4 * b * i) / steps;
      expect(flow.classify(box([t, 0]))).toBe(1);
      expect(flow.classify(box([0, t]))).toBe(1);
    }
  });

  it('the reachability count is l*_1 = 2 with the flow, 3 with the flow links removed', () => {
    expect(jumpCounts(theory.map, 1, { direction: 'axes', clip: b }).lStar).toBe(2);
    const frozen = { ...theory.map, next: Int32Array.from(theory.map.next, (_, k) => k) };
    expect(jumpCounts(frozen, 1, { direction: 'axes', clip: b }).lStar).toBe(3);
  });

  it('isotropic noise needs two jumps here too, as ⌈r_1/b⌉ says', () => {
    expect(Math.ceil(theory.radii[0] / b)).toBe(2);
    expect(jumpCounts(theory.map, 1, { direction: 'isotropic', clip: b }).lStar).toBe(2);
  });
});
