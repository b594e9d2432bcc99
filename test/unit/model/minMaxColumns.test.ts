import { describe, expect, it } from 'vitest';
import { minMaxColumns } from '../../../src-shared/series/minMaxColumns';

describe('minMaxColumns (server-side trajectory reduction)', () => {
  it('returns short windows point for point, on the iteration axis', () => {
    expect(minMaxColumns([0.1, 0.2, 0.3, 0.4], 250, 0, 1e9, 10)).toEqual([[0, 0.1], [250, 0.2], [500, 0.3], [750, 0.4]]);
    expect(minMaxColumns([0.1, 0.2, 0.3, 0.4], 250, 300, 700, 10)).toEqual([[500, 0.3]]);
    expect(minMaxColumns([0.1, 0.2], 250, 600, 700, 10)).toEqual([]);
  });

  it('keeps at most two points per column, in order, and never loses a spike', () => {
    const path = Array.from({ length: 100_000 }, (_, k) => (k === 31_337 ? 5 : k === 77_000 ? -5 : Math.sin(k / 1000)));
    const out = minMaxColumns(path, 10, 0, 1e6, 300);
    expect(out.length).toBeLessThanOrEqual(600);
    expect(out.length).toBeGreaterThan(300);
    for (let k = 1; k < out.length; k++) expect(out[k][0]).toBeGreaterThan(out[k - 1][0]);
    expect(out).toContainEqual([313_370, 5]);
    expect(out).toContainEqual([770_000, -5]);
    for (const [n, x] of out) expect(path[n / 10]).toBe(x);
  });

  it('reduces only the requested range', () => {
    const path = Array.from({ length: 10_000 }, (_, k) => k);
    const out = minMaxColumns(path, 1, 2000, 2999, 50);
    expect(out[0]).toEqual([2000, 2000]);
    expect(out[out.length - 1]).toEqual([2999, 2999]);
    expect(out.length).toBe(100);
  });
});
