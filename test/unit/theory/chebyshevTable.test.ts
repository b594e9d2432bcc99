import { describe, expect, it } from 'vitest';
import { evaluate, tabulate } from '../../../src-shared/theory/chebyshevTable';

describe('piecewise Chebyshev tables', () => {
  it('reproduce a smooth function to the tolerance', () => {
    const t = tabulate(Math.exp, -1, 2, [], { relTol: 1e-12 });
    for (let x = -1; x <= 2; x += 0.013) expect(Math.abs(evaluate(t, x) - Math.exp(x))).toBeLessThan(1e-10);
  });

  it('split at a given jump and take each side from its own panel', () => {
    // The value exactly at the jump belongs to the right side; the panels never sample it.
    const step = (x: number) => (x < 0.3 ? Math.sin(x) : 2 + x * x);
    const t = tabulate(step, 0, 1, [0.3], { relTol: 1e-12 });
    expect(t.breaks).toContain(0.3);
    expect(Math.abs(evaluate(t, 0.3 - 1e-9) - Math.sin(0.3))).toBeLessThan(1e-8);
    expect(Math.abs(evaluate(t, 0.3 + 1e-9) - 2.09)).toBeLessThan(1e-8);
  });

  it('bisect towards a kink that was not announced', () => {
    const kink = (x: number) => Math.abs(x - 0.37);
    const t = tabulate(kink, 0, 1, [], { relTol: 1e-8 });
    expect(t.breaks.length).toBeGreaterThan(10);
    for (let x = 0; x <= 1; x += 0.0101) expect(Math.abs(evaluate(t, x) - kink(x))).toBeLessThan(1e-6);
  });
});
