import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASIN_MAP_NODES } from '../../../src-shared/theory2d/basinMap';
import { kernelLandscape2d } from '../kernels2d/landscape2d';
import { runTask2d } from '../kernels2d/runTask2d';
import type { KernelNoise2D, KernelParams2D, KernelTask2D } from '../kernels2d/tasks2d';
import { wasmKernels } from '../wasm/wasmModule';

/**
 * The 2-D rows of `lab bench`: CPU ns per iteration of the 2-D exit-time and long-run kernels on
 * the wide-and-sharp landscape (three wells: three exp per step) at η = 0.01 from its wide
 * minimum (exit-time samples restarted as they exit; one long path with a 100 × 100 histogram),
 * for isotropic and axes Pareto (α = 1.2, scale 0.1) and Gaussian (σ = 1) noise, clipped at
 * b = 0.5 or not. Beside each clipped row, the plain C loop of the same recursion (reference2d.c:
 * libm exp per well, noise by inversion; for long runs the same walk with a histogram and
 * per-basin count) on the same basin map. Each variant runs in both implementations (the WebAssembly step body when the module
 * loads, wasm/kernelChoice2d.ts); JS, WebAssembly and C repetitions alternate, so a burst of
 * load elsewhere hits all; medians reported.
 */
export interface Kernel2DBenchRow {
  kind: 'exit-time' | 'long-run';
  dimension: 2;
  noise: 'pareto' | 'gaussian';
  direction?: 'isotropic' | 'axes';
  clip: number | null;
  implementation: Implementation2D;
  nsPerIteration: number;
  samples: number[];
}

type Implementation2D = 'js' | 'wasm';

export type CReference2D =
  | (Omit<Kernel2DBenchRow, 'samples' | 'implementation'> & { samples: number[]; ratio: Partial<Record<Implementation2D, number>>; compiler: string })
  | (Omit<Kernel2DBenchRow, 'samples' | 'nsPerIteration' | 'implementation'> & { skipped: string });

export interface Kernel2DBenchReport {
  results: Kernel2DBenchRow[];
  /** ratio = ours / C for the same variant, per implementation: the median over repetitions of the two times in one repetition (target ≤ 1). */
  cReferences: CReference2D[];
}

const ETA = 0.01;
/** The wide basin's minimum (docs/theory-2d.md). */
const X0: [number, number] = [-0.676, -0.169];
const ALPHA = 1.2;
const SCALE = 0.1;
/** The long-run rows' histogram bins per axis, thinning and ball radius (inside the wide basin). */
const BINS = 100;
const THIN = 1000;
const EPSILON = 0.05;

interface Variant {
  kind: Kernel2DBenchRow['kind'];
  noise: Extract<KernelNoise2D, { family: 'pareto' | 'gaussian' }>;
  clip: number | null;
  /** reference2d.c's mode, when it has this variant. */
  cMode: number | null;
}

const noises: Omit<Variant, 'kind'>[] = [
  { noise: { family: 'pareto', alpha: ALPHA, scale: SCALE, direction: 'isotropic' }, clip: 0.5, cMode: 0 },
  { noise: { family: 'pareto', alpha: ALPHA, scale: SCALE, direction: 'isotropic' }, clip: null, cMode: null },
  { noise: { family: 'pareto', alpha: ALPHA, scale: SCALE, direction: 'axes' }, clip: 0.5, cMode: 1 },
  { noise: { family: 'gaussian', sigma: 1 }, clip: 0.5, cMode: 2 },
];
const variants: Variant[] = (['exit-time', 'long-run'] as const).flatMap((kind) => noises.map((v) => ({ kind, ...v })));

function describe(v: Variant): Omit<Kernel2DBenchRow, 'nsPerIteration' | 'samples' | 'implementation'> {
  return {
    kind: v.kind,
    dimension: 2,
    noise: v.noise.family,
    ...(v.noise.family === 'pareto' ? { direction: v.noise.direction } : {}),
    clip: v.clip,
  };
}

export async function benchKernels2d(iterations: number, repetitions: number): Promise<Kernel2DBenchReport> {
  const c = compileReference();
  const implementations: Implementation2D[] = 'exports' in wasmKernels() ? ['js', 'wasm'] : ['js'];
  const ours = implementations.map(() => variants.map(() => [] as number[]));
  const theirs = variants.map(() => [] as number[]);
  const failures = variants.map(() => null as string | null);
  try {
    for (const v of variants) for (const impl of implementations) runVariant(v, 1 << 18, impl); // warm-up: builds the basin map, lets V8 compile
    for (let r = 0; r < repetitions; r++) {
      variants.forEach((v, k) => {
        implementations.forEach((impl, i) => ours[i][k].push(runVariant(v, iterations, impl)));
        if ('exe' in c && v.cMode !== null && failures[k] === null) {
          try {
            theirs[k].push(runReference(c.exe, c.mapFile, v, iterations));
          } catch (e) {
            failures[k] = `C reference failed: ${(e as Error).message}`;
          }
        }
      });
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    if ('dir' in c) rmSync(c.dir, { recursive: true, force: true });
  }
  const results = implementations.flatMap((implementation, i) =>
    variants.map((v, k) => ({ ...describe(v), implementation, nsPerIteration: median(ours[i][k]), samples: ours[i][k] })),
  );
  const cReferences = variants.flatMap((v, k): CReference2D[] => {
    if (v.cMode === null) return [];
    const skipped = 'skipped' in c ? c.skipped : failures[k];
    if (skipped !== null) return [{ ...describe(v), skipped }];
    const ns = median(theirs[k]);
    // Paired by repetition: ours and C ran back to back, so a burst of load elsewhere hits both.
    const ratio = Object.fromEntries(implementations.map((impl, i) => [impl, median(theirs[k].map((c, r) => ours[i][k][r] / c))]));
    return [{ ...describe(v), nsPerIteration: ns, ratio, compiler: (c as { compiler: string }).compiler, samples: theirs[k] }];
  });
  return { results, cReferences };
}

function params(v: Variant): KernelParams2D {
  return { landscape: { dimension: 2, preset: 'wide-and-sharp' }, mapNodes: BASIN_MAP_NODES, noise: v.noise, clip: v.clip, eta: ETA };
}

/**
 * CPU ns per iteration of about `iterations` iterations of the production 2-D kernel: an
 * exit-time chunk stopped by its tick, or a long-run chunk of exactly that many steps.
 */
function runVariant(v: Variant, iterations: number, implementation: Implementation2D): number {
  const task: KernelTask2D =
    v.kind === 'exit-time'
      ? { kind: 'exit-time-2d', params: params(v), x0: X0, maxIterations: 1e12, seed: 1, arm: 0, etaIndex: 0, sampleStart: 0, sampleCount: 100_000 }
      : { kind: 'long-run-2d', params: params(v), x0: X0, seed: 1, arm: 0, path: 0, iterations, bins: BINS, thin: THIN, epsilon: EPSILON, state: null };
  let done = 0;
  const t0 = process.cpuUsage();
  if (task.kind === 'long-run-2d') {
    runTask2d(task, undefined, implementation);
    done = iterations;
  } else {
    runTask2d(
      task,
      (n) => {
        done = n;
        return n < iterations;
      },
      implementation,
    );
  }
  const used = process.cpuUsage(t0);
  return ((used.user + used.system) * 1000) / done;
}

type Compiled = { exe: string; mapFile: string; dir: string; compiler: string } | { skipped: string };

function compileReference(): Compiled {
  const source = findSource('reference2d.c');
  if (source === null) return { skipped: 'reference2d.c not found next to the bench or under src-main/engine/bench' };
  let compiler: string;
  try {
    compiler = execFileSync('gcc', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  } catch {
    return { skipped: 'gcc not found: the C reference needs `gcc` on the PATH' };
  }
  const dir = mkdtempSync(join(tmpdir(), 'lab-bench2d-'));
  try {
    const exe = join(dir, 'reference2d');
    execFileSync('gcc', ['-O3', '-o', exe, source, '-lm']);
    const mapFile = join(dir, 'map.bin');
    writeFileSync(mapFile, mapBytes());
    return { exe, mapFile, dir, compiler: `${compiler} -O3` };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    return { skipped: `C reference failed to build: ${(e as Error).message}` };
  }
}

/** The map file of reference2d.c: n, then L, η, α, x0, y0, then the labels (little-endian). */
function mapBytes(): Buffer {
  const land = kernelLandscape2d({ dimension: 2, preset: 'wide-and-sharp' }, BASIN_MAP_NODES);
  const bytes = Buffer.alloc(4 + 5 * 8 + 4 * land.labels.length);
  bytes.writeInt32LE(land.n, 0);
  [land.L, ETA, ALPHA, X0[0], X0[1]].forEach((v, k) => bytes.writeDoubleLE(v, 4 + 8 * k));
  Buffer.from(Int32Array.from(land.labels).buffer).copy(bytes, 4 + 5 * 8);
  return bytes;
}

/** One repetition of the C loop: CPU ns per iteration. */
function runReference(exe: string, mapFile: string, v: Variant, iterations: number): number {
  const scale = v.noise.family === 'gaussian' ? v.noise.sigma : v.noise.scale;
  const args = [mapFile, String(iterations), '1', String(v.cMode), String(v.clip ?? 0), String(scale), v.kind === 'long-run' ? '1' : '0', String(BINS)];
  const out = execFileSync(exe, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return Number(out.trim().split('\n')[0]);
}

function findSource(name: string): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, name), join(process.cwd(), 'src-main', 'engine', 'bench', name), join(here, '..', '..', 'src-main', 'engine', 'bench', name)];
  return candidates.find((p) => existsSync(p)) ?? null;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}
