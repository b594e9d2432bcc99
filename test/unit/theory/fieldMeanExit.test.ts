import { describe, expect, it } from 'vitest';
import { armTheory, fieldMeanExit } from '../../../src-shared/theory/armTheory';
import { expandConfig } from '../../../src-shared/model/expandConfig';
import type { ExitTimeConfig } from '../../../src-shared/model/config';

const config = (arms: Record<string, unknown>[]) =>
  expandConfig({ kind: 'exit-time', landscape: { preset: 'paper' }, x0: -0.7, arms: arms.map((a, k) => ({ ...a, label: `arm ${k}` })), etas: [0.01], samples: 1 }) as ExitTimeConfig;
const pareto = (clip: number | null, alpha = 1.2) => ({ noise: { family: 'pareto', alpha, scale: 0.1 }, clip });

describe('fieldMeanExit', () => {
  it("is exactly armTheory's predictedMeanExit of that field, clipped or not, l* = 1 to 3", () => {
    const c = config([pareto(0.5), pareto(null), pareto(0.25, 1.6), pareto(0.9, 1.4)]);
    for (const arm of c.arms) {
      const whole = armTheory(c.landscape, arm, 0.01);
      expect(whole.applicable).toBe(true);
      for (const f of whole.fields) {
        expect(f.predictedMeanExit).toBeGreaterThan(0);
        expect(fieldMeanExit(c.landscape, arm, 0.01, f.index)).toBe(f.predictedMeanExit);
      }
    }
  });

  it('is undefined where the theory does not apply (light tails, a clip on r/k)', () => {
    const c = config([{ noise: { family: 'gaussian', sigma: 1 }, clip: null }, pareto(0.32)]);
    expect(armTheory(c.landscape, c.arms[0], 0.01).applicable).toBe(false);
    expect(fieldMeanExit(c.landscape, c.arms[0], 0.01, 2)).toBeUndefined();
    expect(armTheory(c.landscape, c.arms[1], 0.01).applicable).toBe(false);
    expect(fieldMeanExit(c.landscape, c.arms[1], 0.01, 2)).toBeUndefined();
  });
});
