import { describe, expect, it } from 'vitest';
import { expandSweep, sweepCells } from '../../../src-shared/sweep';
import { sweepCsv } from '../../../src-main/export/sweepCsv';
import { runCsv } from '../../../src-main/export/runCsv';
import type { RunRecord } from '../../../src-shared/api';
import type { KernelChunkResult } from '../../../src-main/engine/tasks';

const base = {
  kind: 'exit-time',
  landscape: { preset: 'paper' },
  x0: -0.7,
  arms: [{ label: 'heavy', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.5 }],
  etas: [0.1, 0.01],
  samples: 2,
  maxIterations: 1000,
};

describe('a sweep\'s CSV', () => {
  it('leads with the axis fields, then each cell\'s rows exactly as its standalone CSV has them', () => {
    const sweep = expandSweep({ kind: 'sweep', base, over: [{ field: 'clip', values: [null, 0.3] }, { field: 'alpha', values: [1.5] }] });
    const cells = sweepCells(sweep).map((cell, k) => ({
      values: cell.values,
      config: cell.config,
      result: null,
      chunks: new Map<string, KernelChunkResult>([
        ['a0/e0/s0-1', { kind: 'exit-time', exitTimes: [10 + k, 1000], exitTo: [1, 0], iterations: 1010 + k }],
        ['a0/e1/s0-1', { kind: 'exit-time', exitTimes: [300, 400 + k], exitTo: [3, 3], iterations: 700 + k }],
      ]),
    }));
    const csv = sweepCsv(sweep, cells);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('clip,alpha,arm,eta,sample,exit_time,censored,exit_to');
    expect(lines).toHaveLength(1 + 2 * 4);
    expect(lines[1]).toBe('null,1.5,heavy,0.1,1,10,0,1');
    expect(lines[2]).toBe('null,1.5,heavy,0.1,2,1000,1,');
    expect(lines[5]).toBe('0.3,1.5,heavy,0.1,1,11,0,1');
    // Without its leading columns, a cell's block is its standalone run's CSV body.
    const alone = runCsv({ config: cells[1].config } as RunRecord, () => cells[1].chunks).trimEnd().split('\r\n');
    expect(lines.slice(5).map((l) => l.split(',').slice(2).join(','))).toEqual(alone.slice(1));
  });
});
