import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LabService } from '../../src-main/lab';
import { sweepCells, expandSweep } from '../../src-shared/sweep/expandSweep';
import type { SweepResult } from '../../src-shared/sweep/sweepResult';
import { exitTimeConfig, heavy, lab, scratch, storedRuns } from './cliHarness';

/** Sweeps through LabService on a real SQLite file and the real bundled worker threads, and through the real CLI. */
const workerUrl = pathToFileURL(resolve(__dirname, '../../out/node/worker.js'));
const tmp = scratch('lab-sweep-');
afterAll(() => tmp.cleanup());

const open: LabService[] = [];
function service(name: string): LabService {
  const s = new LabService({ dbPath: tmp.path(name), workers: 2, workerUrl });
  open.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const clipSweep = {
  kind: 'sweep',
  name: 'three clips',
  base: exitTimeConfig({ arms: [heavy(0.5)], etas: [0.1, 0.05], samples: 8, seed: 11 }),
  over: [{ field: 'clip', values: [0.3, 0.6, null] }],
};

describe('a sweep', () => {
  it('gives in each cell exactly the numbers of a standalone run of the cell with the same seed', async () => {
    const lab = service('cells.db');
    const started = await lab.startRun(clipSweep);
    const done = await lab.whenSettled(started.id);
    expect(done.status, done.error ?? '').toBe('completed');
    const result = done.result as unknown as SweepResult;
    expect(result.kind).toBe('sweep');
    if (result.baseKind !== 'exit-time') throw new Error(`an exit-time base, not ${result.baseKind}`);
    expect(result.cells.map((c) => c.values)).toEqual([{ clip: 0.3 }, { clip: 0.6 }, { clip: null }]);

    const cells = sweepCells(expandSweep(clipSweep));
    for (const [c, cell] of cells.entries()) {
      const alone = await lab.whenSettled((await lab.startRun(cell.config)).id);
      expect(alone.status, alone.error ?? '').toBe('completed');
      // Identical, not close: the same tasks with the same seeds on the same kernels.
      expect(result.cells[c].arms).toEqual((alone.result as { arms: unknown[] }).arms);
      expect(result.cells[c].arms[0].points.every((p) => p.samples === 8)).toBe(true);
    }
    // The cells differ from one another (the axis really changed the runs).
    expect(result.cells[0].arms[0].points[0].mean).not.toBe(result.cells[2].arms[0].points[0].mean);
    expect(result.cells[0].arms[0].theory).toMatchObject({ field: expect.any(Number), lStar: expect.any(Number), exponent: expect.any(Number) });
  });

  it('exports a CSV with the axis field as its leading column', async () => {
    const lab = service('csv.db');
    const done = await lab.whenSettled((await lab.startRun(clipSweep)).id);
    const csv = (await lab.exportRun(done.id, 'csv')).content;
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('clip,arm,eta,sample,exit_time,censored,exit_to');
    // 3 cells × 2 η × 8 samples.
    expect(lines.length - 1).toBe(48);
    expect(lines[1].startsWith('0.3,')).toBe(true);
    expect(lines.at(-1)?.startsWith('null,')).toBe(true);
  });

  it('answers lab theory with a report per cell and the clip boundaries', async () => {
    const report = (await service('theory.db').theory(clipSweep)) as unknown as { cells: { values: unknown; report: unknown }[]; boundaries: { field: string }[] };
    expect(report.cells.map((c) => c.values)).toEqual([{ clip: 0.3 }, { clip: 0.6 }, { clip: null }]);
    expect(report.boundaries[0].field).toBe('clip');
  });

  it('invalid through the real CLI: exit 2 naming over[0].values[2], nothing stored', async () => {
    const file = tmp.writeJson('bad-sweep.json', { ...clipSweep, over: [{ field: 'clip', values: [0.3, 0.6, -1] }] });
    const db = tmp.path('bad-sweep.db');
    const r = await lab(['run', '--config', file, '--db', db]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('over[0].values[2]');
    expect(r.stdout).toBe('');
    expect(storedRuns(db)).toBe(0);
  });

  it('runs, shows and explains a sweep through the real CLI', async () => {
    const file = tmp.writeJson('sweep.json', clipSweep);
    const db = tmp.path('cli-sweep.db');
    const run = await lab(['run', '--config', file, '--db', db]);
    expect(run.code, run.stderr).toBe(0);
    const show = await lab(['show', '1', '--db', db]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('— Cell clip = unclipped');
    const json = JSON.parse((await lab(['show', '1', '--json', '--db', db])).stdout) as { result: SweepResult };
    expect(json.result.cells.map((c) => c.values)).toEqual([{ clip: 0.3 }, { clip: 0.6 }, { clip: null }]);
    const theory = await lab(['theory', '--config', file]);
    expect(theory.code, theory.stderr).toBe(0);
    expect(theory.stdout).toContain('— Cell clip = 0.6');
  });
});
