// Builds out/renderer from the renderer section of electron.vite.config.ts (the one source of the
// renderer's build settings) without the Electron entries. `--if-stale` skips the build when
// nothing in src-renderer, src-shared or the config changed since the last one. Used by
// `npm run serve` and the end-to-end tests.
import { existsSync, statSync } from 'node:fs';
import { newestMtime } from './lib/newestMtime.mjs';
import { resolveConfig } from 'electron-vite';
import { build } from 'vite';

const outIndex = 'out/renderer/index.html';


function stale() {
  if (!existsSync(outIndex)) return true;
  const sources = Math.max(newestMtime('src-renderer'), newestMtime('src-shared'), statSync('electron.vite.config.ts').mtimeMs);
  return sources >= statSync(outIndex).mtimeMs;
}

if (!process.argv.includes('--if-stale') || stale()) {
  process.stderr.write('building the UI (out/renderer)…\n');
  const resolved = await resolveConfig({ logLevel: 'warn' }, 'build', 'production');
  const renderer = resolved.config?.renderer;
  if (!renderer) throw new Error('electron.vite.config.ts has no renderer section');
  await build({ ...renderer, logLevel: 'warn' });
}
