/**
 * Cost of the noise samplers and tails of docs/noise-families.md: nanoseconds per draw of each
 * sampler (Pareto ziggurat for comparison), microseconds per H(x) evaluation, and the time to
 * build a spliced law from 10^5 samples. Single-threaded, in-process; on a shared machine the
 * absolute numbers move with the load, the ratios much less.
 *
 *   node_modules/.bin/esbuild scripts/measure-noise-families.ts --bundle --platform=node \
 *     --format=esm --outfile=out/scripts/measure-noise-families.mjs
 *   node out/scripts/measure-noise-families.mjs
 */
import { exitTimeStream } from '../src-main/engine/random/streamKey';
import type { NoiseSampler } from '../src-main/engine/samplers/noiseSampler';
import { ParetoNoiseSampler } from '../src-main/engine/samplers/paretoNoise';
import { SplicedNoiseSampler } from '../src-main/engine/samplers/splicedNoise';
import { StableNoiseSampler } from '../src-main/engine/samplers/stableNoise';
import { StudentNoiseSampler } from '../src-main/engine/samplers/studentNoise';
import { buildSplicedLaw } from '../src-shared/stats/splicedLaw';
import { splicedTail } from '../src-shared/theory/tails/splicedTail';
import { stableTail } from '../src-shared/theory/tails/stableTail';
import { studentTail } from '../src-shared/theory/tails/studentTail';

const DRAWS = 2_000_000;

const measured = new Float64Array(100_000);
new StudentNoiseSampler({ family: 'student', nu: 2, scale: 1 }, 1).fill(exitTimeStream(1, 0, 0, 0), measured, 0, measured.length);
let t0 = performance.now();
const law = buildSplicedLaw(measured);
console.log(`buildSplicedLaw, 10^5 samples: ${(performance.now() - t0).toFixed(0)} ms (fitted ξ = ${law.gpd.xi.toFixed(3)})`);

const samplers: [string, NoiseSampler][] = [
  ['pareto α = 1.5 (ziggurat)', new ParetoNoiseSampler({ family: 'pareto', alpha: 1.5, scale: 1, pPlus: 0.5 }, 1)],
  ['stable α = 1.5 (CMS)', new StableNoiseSampler({ family: 'stable', alpha: 1.5, scale: 1 }, 1)],
  ['student ν = 1.5 (Bailey)', new StudentNoiseSampler({ family: 'student', nu: 1.5, scale: 1 }, 1)],
  ['spliced empirical', new SplicedNoiseSampler(law, 1)],
];
const out = new Float64Array(DRAWS);
for (const [name, sampler] of samplers) {
  let best = Infinity;
  // The best of three fills: the first warms the JIT, the minimum is the least disturbed by load.
  for (let r = 0; r < 3; r++) {
    t0 = performance.now();
    sampler.fill(exitTimeStream(2, 0, 0, r), out, 0, DRAWS);
    best = Math.min(best, performance.now() - t0);
  }
  console.log(`${name}: ${((best * 1e6) / DRAWS).toFixed(1)} ns per draw`);
}

const xs = [0.1, 1, 10, 100, 1e4, 1e8];
const tails: [string, (x: number) => number, number][] = [
  ['stableTail α = 1.5', (x) => stableTail({ family: 'stable', alpha: 1.5, scale: 1 }, x), 20],
  ['studentTail ν = 1.5', (x) => studentTail({ family: 'student', nu: 1.5, scale: 1 }, x), 2000],
  ['splicedTail', (x) => splicedTail(law, x), 20000],
];
for (const [name, h, rounds] of tails) {
  for (let r = 0; r < Math.min(rounds, 200); r++) for (const x of xs) h(x); // warm the JIT
  t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const x of xs) h(x);
  console.log(`${name}: ${(((performance.now() - t0) * 1000) / (rounds * xs.length)).toFixed(1)} µs per value`);
}
