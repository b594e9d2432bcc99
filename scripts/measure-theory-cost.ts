/**
 * The cost of the largest 1-D landscape the schema accepts (configLimits.criticalPoints points,
 * configLimits.arms arms): the theory report with an η, per arm, for unclipped arms (l* = 1,
 * closed form) and clipped arms chosen so every field has l* = 2 (a one-dimensional integral
 * per field and target, the expensive case). Prints milliseconds and the JSON size.
 *
 *   node_modules/.bin/esbuild scripts/measure-theory-cost.ts --bundle --platform=node \
 *     --format=esm --outfile=out/scripts/measure-theory-cost.mjs
 *   node out/scripts/measure-theory-cost.mjs
 */
import { expandConfig } from '../src-shared/model/expandConfig';
import { configLimits } from '../src-shared/model/configSchema';
import { theoryReport } from '../src-shared/theory';

const n = configLimits.criticalPoints;
// Minima 0.2 apart, saddles just off the middle: radii 0.07 and 0.13 alternate around each minimum.
const criticalPoints = Array.from({ length: n }, (_, k) => -5 + (10 * k) / (n - 1) + (k % 2 ? 0.03 : 0));
const arm = (k: number, clip: number | null) => ({ label: `arm ${k}`, noise: { family: 'pareto', alpha: 1.2 + 0.01 * k, scale: 0.1 }, clip });

function measure(what: string, clip: number | null): void {
  const config = expandConfig({
    kind: 'exit-time',
    landscape: { criticalPoints, L: 6 },
    x0: 0.05,
    arms: Array.from({ length: configLimits.arms }, (_, k) => arm(k, clip)),
    etas: [0.001],
    samples: 1,
  });
  theoryReport({ ...config, arms: config.arms.slice(0, 1) }, 0.001); // warm up
  const started = process.hrtime.bigint();
  const report = theoryReport(config, 0.001);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const lStars = new Set(report.arms.flatMap((a) => a.fields.map((f) => f.lStar)));
  console.log(
    `${what}: ${n} critical points, ${config.arms.length} arms, l* ∈ {${[...lStars].join(', ')}}: ` +
      `${ms.toFixed(0)} ms (${(ms / config.arms.length).toFixed(1)} ms per arm), ${(JSON.stringify(report).length / 1e6).toFixed(2)} MB of JSON`,
  );
}

measure('unclipped', null);
// b = 0.1: r = 0.07 or 0.13 → l* = 1 or 2; b = 0.069: l* = 2 for every field whose radius is 0.07…0.13.
measure('clipped b = 0.069', 0.069);
measure('clipped b = 0.1', 0.1);
