import { describe, expect, it } from 'vitest';
import { cellPassOrder, cellsByPass } from '../../../src-shared/sweep';

describe('scheduling a sweep\'s chunks across its cells', () => {
  it('gives every cell its first chunk before any cell its second, keeping each cell\'s order', () => {
    const order = cellPassOrder([['a0', 'a1', 'a2'], ['b0'], ['c0', 'c1']]);
    expect(order.map((c) => c.chunk)).toEqual(['a0', 'b0', 'c0', 'a1', 'c1', 'a2']);
    expect(order.map((c) => [c.cell, c.index])).toEqual([[0, 0], [1, 0], [2, 0], [0, 1], [2, 1], [0, 2]]);
  });

  it('skips empty cells and hands out every chunk exactly once', () => {
    const cells = Array.from({ length: 7 }, (_, c) => Array.from({ length: (c * 5) % 4 }, (__, k) => `${c}.${k}`));
    const order = cellPassOrder(cells);
    expect(order.map((c) => c.chunk).sort()).toEqual(cells.flat().sort());
    // In the first pass (as many entries as non-empty cells), each non-empty cell appears once.
    const nonEmpty = cells.filter((c) => c.length > 0).length;
    expect(new Set(order.slice(0, nonEmpty).map((c) => c.cell)).size).toBe(nonEmpty);
  });

  it('orders the cells to ask next by how many chunks they handed out, then by grid order', () => {
    expect(cellsByPass([2, 1, 1, 0, 2])).toEqual([3, 1, 2, 0, 4]);
    expect(cellsByPass([])).toEqual([]);
  });
});
