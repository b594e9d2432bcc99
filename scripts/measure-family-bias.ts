/**
 * Finite-η bias of Theorem 1's mean exit time for the stable, Student-t and measured (spliced)
 * noise families: unclipped SGD (l*_2 = 1) or, with --clip 0.5, clipped SGD (l*_2 = 2) on the
 * paper landscape from x0 = −0.7, exits from Ω2 = (−1.3, 0.2), by the real kernels in this process. Prints one Markdown row per (family, η):
 * samples, mean σ ± SE, the theory's 1/(q_2 λ_2(η)) from the family's own H, ratio ± SE and the
 * share of exits to Ω1 against q_21/q_2. See docs/finite-eta-bias.md.
 *
 *   node_modules/.bin/esbuild scripts/measure-family-bias.ts --bundle --platform=node --format=esm \
 *     --outfile=out/scripts/measure-family-bias.mjs
 *   node out/scripts/measure-family-bias.mjs [--family stable|student|empirical] [--scale 1] [--clip 0.5] [--eta 0.01,0.003]
 */
import { parseArgs } from 'node:util';
import { runTask } from '../src-main/engine/runTask';
import type { ExitTimeChunkResult } from '../src-main/engine/tasks';
import { landscapePresets } from '../src-shared/model/landscape';
import type { Noise } from '../src-shared/model/noise';
import { provideNoiseAsset } from '../src-shared/model/noiseAsset';
import { armTheory } from '../src-shared/theory/armTheory';
import { assetName } from '../src-main/service/noiseAssets';

const paper = landscapePresets.paper;
const { values } = parseArgs({ options: { family: { type: 'string' }, scale: { type: 'string' }, clip: { type: 'string' }, eta: { type: 'string' } } });
const scale = Number(values.scale ?? 1);
const clip = values.clip === undefined ? null : Number(values.clip);

/** Pareto(α = 1.2, scale 0.1, p₊ = ½) at 20,000 deterministic quantiles, alternating signs: the measured-noise stand-in. */
export function paretoQuantiles(n = 20_000): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const w = Math.pow(1 - (i + 0.5) / n, -1 / 1.2) - 1;
    out[i] = 0.1 * (i % 2 === 0 ? w : -w);
  }
  return out;
}

const samples = paretoQuantiles();
const asset = assetName(samples);
provideNoiseAsset(asset, samples);

const families: Record<string, Noise> = {
  stable: { family: 'stable', alpha: 1.2, scale: 0.1 },
  student: { family: 'student', nu: 1.2, scale: 0.1 },
  empirical: { family: 'empirical', asset },
};
// Clipped exits take ≈ 20–30 times longer at η = 0.01, so fewer samples buy the same CPU.
const plan: [number, number][] = (clip === null ? [[0.01, 4000], [0.003, 2000]] : [[0.01, 2000], [0.003, 500]]) as [number, number][];
const etas = values.eta?.split(',').map(Number);

console.log('| family | b | η | samples | mean σ ± SE | 1/(q₂λ₂(η)) | ratio ± SE | left share ± SE | q₂₁/q₂ | CPU s |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const [name, noise] of Object.entries(families)) {
  if (values.family && values.family !== name) continue;
  plan.forEach(([eta, n0], etaIndex) => {
    if (etas && !etas.includes(eta)) return;
    const n = Math.max(10, Math.round(n0 * scale));
    const theory = armTheory(paper, { label: name, noise, clip }, eta);
    const f = theory.fields[1];
    const predicted = f.predictedMeanExit!;
    const toLeft = f.qTo!['1'] / f.q!;
    const t0 = process.cpuUsage();
    const task = {
      kind: 'exit-time' as const,
      params: { criticalPoints: [...paper.criticalPoints], L: paper.L, gradientScale: paper.gradientScale, noise, clip, eta },
      x0: -0.7, left: -1.3, right: 0.2, maxIterations: 1e10, seed: 20261130, arm: clip === null ? 0 : 1, etaIndex, sampleStart: 0, sampleCount: n,
    };
    const r = runTask(task) as ExitTimeChunkResult;
    const cpu = (process.cpuUsage(t0).user + process.cpuUsage(t0).system) / 1e6;
    const mean = r.exitTimes.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(r.exitTimes.reduce((a, t) => a + (t - mean) ** 2, 0) / (n - 1));
    const se = sd / Math.sqrt(n);
    const left = r.exitTo.filter((j) => j === 1).length / n;
    const leftSe = Math.sqrt((left * (1 - left)) / n);
    console.log(
      `| ${name} | ${clip ?? '∞'} | ${eta} | ${n} | ${mean.toExponential(3)} ± ${se.toExponential(2)} | ${predicted.toExponential(3)} | ` +
        `${(mean / predicted).toFixed(3)} ± ${(se / predicted).toFixed(3)} | ${left.toFixed(3)} ± ${leftSe.toFixed(3)} | ${toLeft.toFixed(3)} | ${cpu.toFixed(0)} |`,
    );
  });
}
