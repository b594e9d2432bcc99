/**
 * Times the limit constants q_i, q_ij for l* = 2 … 6 (uncached: jumpChainConstants and the l* = 2
 * quadrature called directly), on the paper landscape with Pareto α = 1.2, p₊ = 1/2, and on
 * deliberately hard cases (r_i/b just above an integer, so the shortest useful jump is tiny).
 *
 *   node_modules/.bin/esbuild scripts/time-limit-constants.ts --bundle --platform=node \
 *     --format=esm --outfile=out/scripts/time-limit-constants.mjs
 *   node out/scripts/time-limit-constants.mjs
 *
 * Prints, per case, l*, q_i ± qError and the median wall time of 5 calls.
 */
import { fields, landscapePresets, type Landscape } from '../src-shared/model';
import { jumpChainConstants, lStar } from '../src-shared/theory';

const paper: Landscape = { ...landscapePresets.paper, criticalPoints: [...landscapePresets.paper.criticalPoints] };
const fs = fields(paper);
const omega2 = fs[1];
const r2 = Math.min(omega2.minimum - omega2.left, omega2.right - omega2.minimum);

const cases: { name: string; b: number }[] = [
  { name: 'b = 0.3 (figure-4 landscape, Ω2)', b: 0.3 },
  { name: 'b = 0.2', b: 0.2 },
  { name: 'b = 0.15', b: 0.15 },
  { name: 'b = 0.12', b: 0.12 },
  ...[3, 4, 5].map((l) => ({ name: `hard: r_2/b = ${l - 1} + 1e-3`, b: r2 / (l - 1 + 1e-3) })),
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

console.log('| case | l*_2 | q_2 ± qError | median ms (5 calls) |');
console.log('|---|---|---|---|');
for (const c of cases) {
  const law = { alpha: 1.2, pPlus: 0.5, clip: c.b, L: paper.L };
  const l = lStar(omega2, c.b);
  const times: number[] = [];
  let result = jumpChainConstants(paper, fs, omega2, law, l);
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    result = jumpChainConstants(paper, fs, omega2, law, l);
    times.push(performance.now() - t0);
  }
  console.log(`| ${c.name} | ${l} | ${result.q.toPrecision(6)} ± ${result.qError.toExponential(1)} | ${median(times).toFixed(1)} |`);
}
