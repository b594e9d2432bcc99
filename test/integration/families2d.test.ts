import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LabService } from '../../src-main/lab';
import type { ExitTime2DResult, LongRun2DResult } from '../../src-shared/model/results2d';
import { sfc32 } from '../unit/engine2d/referenceSimulator';
import { scratch } from './cliHarness';

/**
 * Stable, Student-t and measured noise as `axes` noise on a 2-D landscape, through LabService
 * (real SQLite file, real bundled worker threads): the runs complete with the documented
 * shapes, the same numbers on 1 and 2 workers, the theory uses each family's tail index, and an
 * isotropic arm of these families is refused at its field.
 */
const workerUrl = pathToFileURL(resolve(__dirname, '../../out/node/worker.js'));
const tmp = scratch('lab-families-2d-');
afterAll(() => tmp.cleanup());
const open: LabService[] = [];
function service(name: string, workers: number): LabService {
  const s = new LabService({ dbPath: tmp.path(name), workers, workerUrl });
  open.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** 4,000 values ±(U^(−1/1.6) − 1), a little more often positive: a tail index near 1.6. */
function measuredText(): string {
  const u = sfc32(23);
  return Array.from({ length: 4000 }, () => ((u() < 0.55 ? 1 : -1) * (Math.pow(u(), -1 / 1.6) - 1)).toPrecision(12)).join('\n');
}

function exitConfig(asset: string) {
  return {
    kind: 'exit-time',
    name: 'families in 2-D',
    landscape: { dimension: 2, preset: 'wide-and-sharp' },
    // The sharp lower-right well (basin 3).
    x0: [1.0, -0.8],
    seed: 3,
    arms: [
      { label: 'stable', noise: { family: 'stable', alpha: 1.5, scale: 1 }, clip: 0.5 },
      { label: 'student', noise: { family: 'student', nu: 1.8, scale: 1, direction: 'axes' }, clip: 0.5 },
      { label: 'measured', noise: { family: 'empirical', asset }, clip: 0.5 },
    ],
    etas: [0.1, 0.05],
    samples: 12,
    maxIterations: 1_000_000,
  };
}

describe('stable, Student-t and measured noise in 2-D through LabService', () => {
  it('exit time: completes on 1 and 2 workers with the same numbers; the theory uses each family’s α', async () => {
    const one = service('families-1.db', 1);
    const { asset: { asset } } = await one.importNoise('measured.txt', measuredText());
    const config = exitConfig(asset);
    const first = await one.whenSettled((await one.startRun(config)).id);
    expect(first.status, first.error ?? '').toBe('completed');
    const two = service('families-2.db', 2);
    await two.importNoise('measured.txt', measuredText());
    const second = await two.whenSettled((await two.startRun(config)).id);
    expect(JSON.stringify(second.result)).toBe(JSON.stringify(first.result));

    expect(first.config.kind).toBe('exit-time-2d');
    expect((first.config as { arms: { noise: { direction?: string } }[] }).arms.map((a) => a.noise.direction)).toEqual(['axes', 'axes', 'axes']);
    const result = first.result as unknown as ExitTime2DResult;
    for (const arm of result.arms) {
      expect(arm.home).toBe(3);
      for (const p of arm.points) {
        expect(p.exitTimes).toHaveLength(12);
        const exits = Object.values(p.exitTo).reduce((s, v) => s + v, 0);
        expect(exits + p.censored).toBe(12);
        expect(p.mean).toBeGreaterThan(0);
      }
    }
    const report = await one.theory(config);
    expect(report).toMatchObject({ dimension: 2 });
    if (!('dimension' in report)) throw new Error('expected the R^d report');
    const arms = report.arms;
    expect(arms.map((a) => a.applicable)).toEqual([true, true, true]);
    expect(arms[0].tail?.alpha).toBe(1.5);
    expect(arms[1].tail?.alpha).toBe(1.8);
    // The measured sample's fitted index, near the 1.6 it was drawn with.
    expect(arms[2].tail?.alpha).toBeGreaterThan(1.2);
    expect(arms[2].tail?.alpha).toBeLessThan(2.2);
    arms.forEach((a, k) => {
      const alpha = a.tail!.alpha;
      for (const f of a.fields) expect(f.exponent).toBeCloseTo(alpha + (alpha - 1) * (f.lStar - 1), 12);
      expect(result.arms[k].theory?.exponent).toBeCloseTo(a.fields[2].exponent, 12);
    });
  }, 300_000);

  it('long run with stable noise: shares over the basins, every iteration counted', async () => {
    const lab = service('families-long.db', 2);
    const run = await lab.whenSettled(
      (await lab.startRun({
        kind: 'long-run',
        landscape: { dimension: 2, preset: 'wide-and-sharp' },
        x0: [-0.8, -0.2],
        eta: 0.05,
        paths: 2,
        iterations: 100_000,
        bins: 8,
        thin: 1000,
        arms: [{ label: 'stable', noise: { family: 'stable', alpha: 1.3, scale: 0.5 }, clip: 0.5 }],
      })).id,
    );
    expect(run.status, run.error ?? '').toBe('completed');
    const arm = (run.result as unknown as LongRun2DResult).arms[0];
    expect(arm.share.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(arm.histogram.counts.flat().reduce((s, v) => s + v, 0)).toBe(200_000);
  }, 300_000);

  it('refuses an isotropic Student-t arm at its direction, saying why, and stores nothing', async () => {
    const lab = service('families-bad.db', 1);
    const bad = { ...exitConfig('sha256:' + '0'.repeat(64)), arms: [{ label: 's', noise: { family: 'student', nu: 2, direction: 'isotropic' }, clip: 0.5 }] };
    await expect(lab.startRun(bad)).rejects.toMatchObject({
      code: 'invalid',
      issues: [{ path: 'arms[0].noise.direction', message: expect.stringMatching(/only as "axes".*true multivariate law/) }],
    });
    expect((await lab.listRuns()).total).toBe(0);
  });
});
