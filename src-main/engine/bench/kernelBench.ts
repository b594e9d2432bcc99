import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { landscapePresets } from '../../../src-shared/model/landscape';
import type { Noise } from '../../../src-shared/model/noise';
import type { ExitTimeTask, LongRunTask } from '../tasks';
import { exitTimeKernel, longRunKernel } from '../wasm/kernelChoice';
import { wasmKernels } from '../wasm/wasmModule';
import { benchKernels2d, type CReference2D, type Kernel2DBenchRow } from './kernelBench2d';

/**
 * `lab bench`: CPU nanoseconds per iteration of each kernel — exit-time and long-run, Pareto
 * (α = 1.2, scale 0.1, p₊ = 1/2) or Gaussian (σ = 1) noise, clipped (b = 0.5) or not — on the
 * paper landscape at η = 0.001, in both implementations (JavaScript and WebAssembly SIMD, see
 * wasm/kernelChoice.ts) side by side in one process. Exit-time runs the production kernel from
 * x0 = −0.7 (Ω2) with samples restarted as they exit; long-run walks one path from there with
 * its tallies (200 bins, every 1000th point kept), and on WebAssembly also a group of 2 and of 4
 * paths in one chunk (`paths`; ns per path-iteration, the same total work). Each row is timed `repetitions` times,
 * interleaved with all the others so a burst of load elsewhere spreads over every row, and the
 * median reported; the speedups are medians of the per-repetition ratios JS / WebAssembly. CPU
 * time (process.cpuUsage), not wall time, because the machine may be shared: on an idle machine
 * they agree. The plain C loop of the same recursion (reference.c: glibc pow, xoshiro256**) is
 * compiled with `gcc -O3` into a temporary folder, when gcc exists, and timed once in every round
 * of repetitions beside the rows, so each ratio to it compares times taken under the same load.
 */
export type BenchImplementation = 'js' | 'wasm';

export interface KernelBenchResult {
  dimension: 1;
  kind: 'exit-time' | 'long-run';
  noise: 'pareto' | 'gaussian';
  clip: number | null;
  implementation: BenchImplementation;
  /** Long-run paths advanced side by side in one chunk (absent: one). */
  paths?: number;
  nsPerIteration: number;
  /** Every repetition's ns/iteration, for judging the noise of the median. */
  samples: number[];
}

export interface KernelSpeedup {
  kind: 'exit-time' | 'long-run';
  noise: 'pareto' | 'gaussian';
  clip: number | null;
  /** Long-run paths per chunk on WebAssembly (absent: one); JavaScript runs one path at a time. */
  paths?: number;
  /** Median over repetitions of JS time / WebAssembly time. */
  wasmOverJs: number;
}

export type CReference =
  | {
      nsPerIteration: number;
      /** Clipped Pareto exit-time / C, per implementation (median over rounds of each round's ratio; target for WebAssembly ≤ 0.5). */
      ratio: Partial<Record<BenchImplementation, number>>;
      /** Clipped Pareto long-run / C, the same way: JavaScript, WebAssembly one path, and groups of 2 and 4 paths. */
      longRunRatio: Partial<Record<LongRunVariant, number>>;
      compiler: string;
      samples: number[];
    }
  | { skipped: string };

export interface KernelBenchReport {
  /** The 1-D rows, then the 2-D rows (kernelBench2d.ts), each in both implementations. */
  results: (KernelBenchResult | Kernel2DBenchRow)[];
  speedups: KernelSpeedup[];
  /** Why there are no WebAssembly rows (no SIMD, module not built), when there are none. */
  wasmSkipped?: string;
  cReference: CReference;
  /** The other C references: the 2-D kernel's, one per clipped 2-D variant (ratio = ours / C, target ≤ 1). */
  cReferences: CReference2D[];
  iterations: number;
  repetitions: number;
  timing: 'cpu';
}

export interface KernelBenchOptions {
  repetitions?: number;
  /** Iterations per repetition (rounded up to a multiple of 2^20 for exit-time). */
  iterations?: number;
}

const heavy: Noise = { family: 'pareto', alpha: 1.2, scale: 0.1, pPlus: 0.5 };
const light: Noise = { family: 'gaussian', sigma: 1 };
const ETA = 0.001;

interface Row {
  kind: 'exit-time' | 'long-run';
  noise: Noise;
  clip: number | null;
  implementation: BenchImplementation;
  paths?: number;
}

export type LongRunVariant = 'js' | 'wasm' | 'wasm2Paths' | 'wasm4Paths';

export async function benchKernels(options: KernelBenchOptions = {}): Promise<KernelBenchReport> {
  const repetitions = options.repetitions ?? 5;
  const iterations = options.iterations ?? 1 << 23;
  const wasm = wasmKernels();
  const implementations: BenchImplementation[] = 'exports' in wasm ? ['js', 'wasm'] : ['js'];
  const rows: Row[] = [];
  for (const kind of ['exit-time', 'long-run'] as const) {
    for (const [noise, clip] of [[heavy, 0.5], [heavy, null], [light, 0.5], [light, null]] as const) {
      for (const implementation of implementations) rows.push({ kind, noise, clip, implementation });
      if (kind === 'long-run' && implementations.includes('wasm')) {
        for (const paths of [2, 4]) rows.push({ kind, noise, clip, implementation: 'wasm', paths });
      }
    }
  }
  const samples = rows.map(() => [] as number[]);
  const c = compileReference();
  const cSamples: number[] = [];
  for (const row of rows) runRow(row, 1 << 20); // warm-up: let V8 compile every variant
  try {
    for (let r = 0; r < repetitions; r++) {
      rows.forEach((row, k) => samples[k].push(runRow(row, iterations)));
      // The C loop in the same round as the rows, so the ratios compare times taken under the same load.
      if ('exe' in c) cSamples.push(runReference(c.exe, iterations));
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    if (c.dir !== undefined) rmSync(c.dir, { recursive: true, force: true });
  }
  const results: KernelBenchResult[] = rows.map((row, k) => ({
    dimension: 1 as const,
    kind: row.kind,
    noise: row.noise.family as 'pareto' | 'gaussian',
    clip: row.clip,
    implementation: row.implementation,
    ...(row.paths && { paths: row.paths }),
    nsPerIteration: median(samples[k]),
    samples: samples[k],
  }));
  const speedups: KernelSpeedup[] = [];
  results.forEach((js, k) => {
    if (js.implementation !== 'js') return;
    for (const w of results.slice(k + 1)) {
      if (w.implementation !== 'wasm' || w.kind !== js.kind || w.noise !== js.noise || w.clip !== js.clip) break;
      speedups.push({ kind: js.kind, noise: js.noise, clip: js.clip, ...(w.paths && { paths: w.paths }), wasmOverJs: median(js.samples.map((t, r) => t / w.samples[r])) });
    }
  });
  const clippedPareto = (kind: Row['kind'], implementation: BenchImplementation, paths?: number) =>
    results.find((r) => r.kind === kind && r.noise === 'pareto' && r.clip !== null && r.implementation === implementation && r.paths === paths)?.samples;
  // A 2-D step costs several 1-D steps: a quarter of the iterations gives repetitions of similar length.
  const plane = await benchKernels2d(Math.max(1 << 18, iterations >> 2), repetitions);
  return {
    results: [...results, ...plane.results],
    speedups,
    ...('missing' in wasm ? { wasmSkipped: wasm.missing } : {}),
    cReference: cReference(c, cSamples, { js: clippedPareto('exit-time', 'js'), wasm: clippedPareto('exit-time', 'wasm') }, {
      js: clippedPareto('long-run', 'js'),
      wasm: clippedPareto('long-run', 'wasm'),
      wasm2Paths: clippedPareto('long-run', 'wasm', 2),
      wasm4Paths: clippedPareto('long-run', 'wasm', 4),
    }),
    cReferences: plane.cReferences,
    iterations,
    repetitions,
    timing: 'cpu',
  };
}

/** CPU ns per iteration of one run of about `iterations` iterations. */
function runRow(row: Row, iterations: number): number {
  const paper = landscapePresets.paper;
  const params = { criticalPoints: [...paper.criticalPoints], L: paper.L, gradientScale: paper.gradientScale, noise: row.noise, clip: row.clip, eta: ETA };
  if (row.kind === 'long-run') {
    const paths = row.paths ?? 1;
    const each = Math.ceil(iterations / paths);
    const task: LongRunTask = { kind: 'long-run', params, x0: -0.7, seed: 1, arm: 0, path: 0, iterations: each, bins: 200, thin: 1000, epsilon: 0.05, state: null };
    if (paths > 1) task.group = Array.from({ length: paths - 1 }, (_, i) => ({ path: i + 1, state: null }));
    const t0 = process.cpuUsage();
    longRunKernel(task, undefined, row.implementation);
    const used = process.cpuUsage(t0);
    return ((used.user + used.system) * 1000) / (each * paths);
  }
  const task: ExitTimeTask = {
    kind: 'exit-time',
    params,
    x0: -0.7,
    left: -1.3,
    right: 0.2,
    maxIterations: 1e12,
    seed: 1,
    arm: 0,
    etaIndex: 0,
    sampleStart: 0,
    sampleCount: 10_000,
  };
  let done = 0;
  const t0 = process.cpuUsage();
  // The tick stops the run once enough iterations are done; the kernel then returns null.
  exitTimeKernel(
    task,
    (n) => {
      done = n;
      return n < iterations;
    },
    row.implementation,
  );
  const used = process.cpuUsage(t0);
  return ((used.user + used.system) * 1000) / done;
}

/** reference.c compiled into a temporary folder, or why it could not be. */
function compileReference(): { exe: string; dir: string; compiler: string } | { skipped: string; dir?: string } {
  const source = findReferenceSource();
  if (source === null) return { skipped: 'reference.c not found next to the bench or under src-main/engine/bench' };
  let compiler: string;
  try {
    compiler = execFileSync('gcc', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  } catch {
    return { skipped: 'gcc not found: the C reference needs `gcc` on the PATH' };
  }
  const dir = mkdtempSync(join(tmpdir(), 'lab-bench-'));
  try {
    const exe = join(dir, 'reference');
    execFileSync('gcc', ['-O3', '-o', exe, source, '-lm']);
    return { exe, dir, compiler: `${compiler} -O3` };
  } catch (e) {
    return { skipped: `C reference failed: ${(e as Error).message}`, dir };
  }
}

/** CPU ns per iteration of one repetition of the C loop. */
function runReference(exe: string, iterations: number): number {
  const out = execFileSync(exe, [String(iterations), '1'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return Number(out.trim());
}

/** Ours / C per variant: the median over repetitions of each round's ratio (rows and C timed in the same round). */
function cReference(
  c: ReturnType<typeof compileReference>,
  samples: number[],
  ours: Partial<Record<BenchImplementation, number[]>>,
  longRun: Partial<Record<LongRunVariant, number[]>>,
): CReference {
  if ('skipped' in c) return { skipped: c.skipped };
  const over = (t: number[]) => median(t.map((x, r) => x / samples[r]));
  const ratio: Partial<Record<BenchImplementation, number>> = {};
  for (const [implementation, t] of Object.entries(ours)) if (t !== undefined) ratio[implementation as BenchImplementation] = over(t);
  const longRunRatio: Partial<Record<LongRunVariant, number>> = {};
  for (const [variant, t] of Object.entries(longRun)) if (t !== undefined) longRunRatio[variant as LongRunVariant] = over(t);
  return { nsPerIteration: median(samples), ratio, longRunRatio, compiler: c.compiler, samples };
}

function findReferenceSource(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    join(here, 'reference.c'),
    join(process.cwd(), 'src-main', 'engine', 'bench', 'reference.c'),
    join(here, '..', '..', 'src-main', 'engine', 'bench', 'reference.c'),
  ];
  return candidates.find((p) => existsSync(p)) ?? null;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}
