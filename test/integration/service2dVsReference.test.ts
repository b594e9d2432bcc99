import { afterAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LabService } from '../../src-main/lab';
import type { ExitTime2DResult, LongRun2DResult } from '../../src-shared/model/results2d';
import { landscapeTheory2d } from '../../src-shared/theory2d/landscapeTheory';
import { basinShares, exitTimes, meanAndStderr, type Model2D, type PlainNoise2D } from '../unit/engine2d/referenceSimulator';
import { scratch } from './cliHarness';

/**
 * 2-D runs through LabService (real SQLite file, real bundled worker threads, the service's own
 * chunking and aggregation) against the independent simulator of referenceSimulator.ts (its own
 * generator, noise by inversion and trigonometry, theory2d's gradient; only the basin map is
 * shared, as the definition of "which basin"). Fixed seeds on both sides. Each check is a
 * z-score against the combined standard error:
 * - mean exit time: the service's stderr (sd/√n over its samples) and the simulator's, combined;
 * - destination shares: the pooled binomial √(p(1 − p)(1/n₁ + 1/n₂));
 * - long-run share per basin: the service reports the share over all its paths, so its standard
 *   error is the per-path spread measured on the simulator's independent paths (the same law
 *   under the hypothesis being tested), sd·√(1/P₁ + 1/P₂).
 * |z| < 4 fails a correct pipeline with probability below 10⁻⁴ per check; a wrong scale, clip,
 * direction, chunk stitching or aggregation moves these by far more.
 */
const workerUrl = pathToFileURL(resolve(__dirname, '../../out/node/worker.js'));
const tmp = scratch('lab-2d-stats-');
afterAll(() => tmp.cleanup());

const landscape = { dimension: 2, preset: 'wide-and-sharp' } as const;
const theory = landscapeTheory2d(landscape);
const ETA = 0.01;

function model(noise: PlainNoise2D, clip: number | null): Model2D {
  return { surface: theory.surface, map: theory.map, noise, clip, eta: ETA };
}

const z = (a: { mean: number; stderr: number }, b: { mean: number; stderr: number }) => (a.mean - b.mean) / Math.hypot(a.stderr, b.stderr);

describe('2-D runs through LabService agree with an independent simulator', () => {
  it('exit time: mean σ and destination shares per arm', async () => {
    const SAMPLES = 300;
    const x0: [number, number] = [0.973, -0.78];
    const arms: { label: string; noise: PlainNoise2D; clip: number | null }[] = [
      { label: 'isotropic', noise: { family: 'pareto', alpha: 1.5, scale: 0.5, direction: 'isotropic' }, clip: 0.5 },
      { label: 'axes', noise: { family: 'pareto', alpha: 1.5, scale: 0.5, direction: 'axes' }, clip: 0.5 },
      { label: 'gaussian', noise: { family: 'gaussian', sigma: 4 }, clip: 0.5 },
    ];
    const lab = new LabService({ dbPath: tmp.path('exit.db'), workers: 2, workerUrl, chunkIterations: 200_000 });
    try {
      const run = await lab.whenSettled(
        (await lab.startRun({ kind: 'exit-time', landscape, x0, seed: 8, arms, etas: [ETA], samples: SAMPLES, maxIterations: 100_000_000 })).id,
      );
      expect(run.status, run.error ?? '').toBe('completed');
      const result = run.result as unknown as ExitTime2DResult;
      arms.forEach((arm, k) => {
        const point = result.arms[k].points[0];
        expect(point.censored).toBe(0);
        const ref = exitTimes(model(arm.noise, arm.clip), x0, SAMPLES, 101 + k);
        expect(Math.abs(z(point, meanAndStderr(ref.times))), arm.label).toBeLessThan(4);
        for (let basin = 1; basin <= theory.minima.length; basin++) {
          const p1 = (point.exitTo[String(basin)] ?? 0) / SAMPLES;
          const p2 = ref.to.filter((b) => b === basin).length / SAMPLES;
          const pooled = (p1 + p2) / 2;
          if (pooled === 0 || pooled === 1) continue;
          expect(Math.abs(p1 - p2) / Math.sqrt((pooled * (1 - pooled) * 2) / SAMPLES), `${arm.label} → ${basin}`).toBeLessThan(4);
        }
      });
    } finally {
      await lab.close();
    }
  }, 900_000);

  it('long run: share of time per basin, paths cut into pieces', async () => {
    const noise: PlainNoise2D = { family: 'pareto', alpha: 1.5, scale: 0.2, direction: 'isotropic' };
    const x0: [number, number] = [-0.676, -0.169];
    const PATHS = 12;
    const T = 60_000;
    // Pieces of 25,000 iterations: each path is stitched from three chunks.
    const lab = new LabService({ dbPath: tmp.path('long.db'), workers: 2, workerUrl, chunkIterations: 25_000 });
    try {
      const run = await lab.whenSettled(
        (await lab.startRun({
          kind: 'long-run', landscape, x0, seed: 4, eta: ETA, paths: PATHS, iterations: T, bins: 20, thin: 1000,
          arms: [{ label: 'unclipped', noise, clip: null }],
        })).id,
      );
      expect(run.status, run.error ?? '').toBe('completed');
      const share = (run.result as unknown as LongRun2DResult).arms[0].share;
      const ref = basinShares(model(noise, null), x0, PATHS, T, 6);
      for (let basin = 0; basin < theory.minima.length; basin++) {
        const r = meanAndStderr(ref.map((row) => row[basin]));
        const sd = r.stderr * Math.sqrt(PATHS);
        expect(sd).toBeGreaterThan(0);
        expect(Math.abs(share[basin] - r.mean) / (sd * Math.sqrt(2 / PATHS)), `basin ${basin + 1}`).toBeLessThan(4);
      }
    } finally {
      await lab.close();
    }
  }, 900_000);
});
