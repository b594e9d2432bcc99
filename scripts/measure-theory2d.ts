/**
 * Measures the cost of the 2-D theory (src-shared/theory2d) on the two presets at the
 * default basin-map resolution, stage by stage, in CPU milliseconds of this process (on a
 * shared, busy machine wall time overstates it). Also prints each arm's r_i, l*_i and
 * ⌈r_i/b⌉ for the clips in `--clips`, isotropic and axes. Results go to docs/theory-2d.md.
 *
 *   node_modules/.bin/esbuild scripts/measure-theory2d.ts --bundle --platform=node \
 *     --format=esm --outfile=out/scripts/measure-theory2d.mjs
 *   node out/scripts/measure-theory2d.mjs [--clips 0.3,0.5] [--nodes 257]
 */
import {
  armTheory2d,
  basinMap,
  basinRadii,
  BASIN_MAP_NODES,
  findMinima,
  findSaddles,
  landscapeTheory2d,
  LANDSCAPE_2D_PRESETS,
  surfaceOf,
  WIDE_AND_SHARP,
  type Arm2D,
} from '../src-shared/theory2d';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

const clips = option('clips', '0.3,0.5').split(',').map(Number);
const nodes = Number(option('nodes', String(BASIN_MAP_NODES)));

function cpuMs<T>(run: () => T): [T, number] {
  const start = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(start);
  return [value, (used.user + used.system) / 1000];
}

for (const preset of LANDSCAPE_2D_PRESETS) {
  const config = { dimension: 2, preset } as const;
  const surface = surfaceOf(config);
  const seeds = preset === 'wide-and-sharp' ? WIDE_AND_SHARP.wells.map((w) => w.center) : [];
  const [minima, tMinima] = cpuMs(() => findMinima(surface, seeds));
  const [, tSaddles] = cpuMs(() => findSaddles(surface, minima));
  const [map, tMap] = cpuMs(() => basinMap(surface, minima.map((m) => m.point), nodes));
  const [, tRadii] = cpuMs(() => basinRadii(surface, map));
  const [theory, tAll] = cpuMs(() => landscapeTheory2d(config, nodes));
  console.log(`\n${preset}: ${nodes} × ${nodes} map, h = ${map.h.toPrecision(3)}`);
  console.log(`  CPU ms: minima ${tMinima.toFixed(0)}, saddles ${tSaddles.toFixed(0)}, basin map ${tMap.toFixed(0)}, radii ${tRadii.toFixed(0)}; landscape total ${tAll.toFixed(0)}`);
  console.log(`  r_i = ${theory.radii.map((r) => r.toFixed(4)).join(', ')}`);
  for (const clip of [...clips, null]) {
    for (const direction of ['isotropic', 'axes'] as const) {
      const arm: Arm2D = { label: `${direction} b=${clip}`, noise: { family: 'pareto', alpha: 1.2, direction }, clip };
      const [t, tArm] = cpuMs(() => armTheory2d(theory, arm));
      const row = t.fields.map((f) => `${f.lStar}${f.jumpsByRadius === null ? '' : ` (⌈r/b⌉ ${f.jumpsByRadius})`}`).join(', ');
      console.log(`  ${arm.label.padEnd(18)} l* = ${row}; M^large = {${t.largeMinima?.join(', ') ?? 'not defined: reducible'}}; ${tArm.toFixed(0)} ms${t.assumptions.messages.length ? `; ${t.assumptions.messages.join(' ')}` : ''}`);
    }
  }
}
