// Bundles the Node side (the `lab` CLI, the `serve` server, the worker and reader entries) into out/node
// with esbuild. Native and worker-pool packages stay external. `--if-stale` skips the build when
// no source is newer than the outputs, so `npm run lab` starts instantly. The WebAssembly kernels
// (build-wasm.mjs) go beside the worker as out/node/kernels.wasm.
import { build } from 'esbuild';
import { buildWasm, WASM_NAME, wasmSourcesMtime } from './build-wasm.mjs';
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { newestMtime } from './lib/newestMtime.mjs';
import { dirname, join } from 'node:path';

const entries = {
  lab: 'src-main/cli/main.ts',
  serve: 'src-main/server/main.ts',
  worker: 'src-main/engine/worker.ts',
  reader: 'src-main/service/readerWorker.ts',
};
const outdir = 'out/node';

function stale() {
  const outputs = [...Object.keys(entries).map((n) => join(outdir, `${n}.js`)), join(outdir, WASM_NAME)];
  if (outputs.some((o) => !existsSync(o))) return true;
  const built = Math.min(...outputs.map((o) => statSync(o).mtimeMs));
  const sources = Math.max(newestMtime('src-main'), newestMtime('src-shared'), newestMtime('resources'), statSync('scripts/build-node.mjs').mtimeMs, wasmSourcesMtime());
  return sources > built;
}

if (process.argv.includes('--if-stale') && !stale()) process.exit(0);

const built = await build({
  entryPoints: entries,
  write: false,
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external: ['better-sqlite3', 'piscina', 'electron', 'bullmq', 'ioredis'],
  // ESM output still needs `require` for CommonJS dependencies bundled in.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});

// Write each file beside its target and rename it into place: a process that is loading
// out/node/worker.js at this moment (another test run, a running server) never sees half a file.
for (const file of built.outputFiles) {
  mkdirSync(dirname(file.path), { recursive: true });
  const tmp = `${file.path}.${process.pid}.tmp`;
  writeFileSync(tmp, file.contents);
  renameSync(tmp, file.path);
}

await buildWasm([outdir]);
