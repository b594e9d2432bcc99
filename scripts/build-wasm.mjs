// Compiles the AssemblyScript kernels (assembly/) into kernels.wasm with 128-bit SIMD and copies
// it into each output folder given (out/node for the CLI/server worker, out/main for the app's
// worker). Compiled once into out/wasm and reused while no source under assembly/ is newer.
import asc from 'assemblyscript/asc';
import { copyFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMtime } from './lib/newestMtime.mjs';

export const WASM_NAME = 'kernels.wasm';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'out', 'wasm', WASM_NAME);

/** Newest input of the module (its sources and this script). */
export function wasmSourcesMtime() {
  return Math.max(newestMtime(join(root, 'assembly')), statSync(fileURLToPath(import.meta.url)).mtimeMs);
}

/** Compiles when stale; returns the path of the compiled module. */
export async function compileWasm() {
  if (existsSync(compiled) && statSync(compiled).mtimeMs >= wasmSourcesMtime()) return compiled;
  mkdirSync(dirname(compiled), { recursive: true });
  const tmp = `${compiled}.${process.pid}.tmp`;
  const { error, stderr } = await asc.main([
    join(root, 'assembly', 'index.ts'),
    '--outFile', tmp,
    '--optimizeLevel', '3',
    '--shrinkLevel', '0',
    '--converge',
    '--enable', 'simd',
    '--runtime', 'stub',
    '--noAssert',
  ]);
  if (error) throw new Error(`AssemblyScript build failed: ${error.message}\n${stderr.toString()}`);
  renameSync(tmp, compiled);
  return compiled;
}

/** Compiles when stale and puts kernels.wasm into each folder (renamed into place, never half-written). */
export async function buildWasm(outDirs) {
  const source = await compileWasm();
  for (const dir of outDirs) {
    mkdirSync(dir, { recursive: true });
    const target = join(dir, WASM_NAME);
    const tmp = `${target}.${process.pid}.tmp`;
    copyFileSync(source, tmp);
    renameSync(tmp, target);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildWasm(process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['out/node']);
}
