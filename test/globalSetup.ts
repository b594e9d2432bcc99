import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Tests use the real bundled worker and CLI: build them when a source is newer (esbuild, well under
 * a second). The packaging test packs the real app bundles, so a fresh checkout builds them once
 * (electron-vite, about a minute); `npm run build` keeps them current after that.
 */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-node.mjs', '--if-stale'], { stdio: 'inherit' });
  if (!existsSync('out/main/index.js') || !existsSync('out/main/kernels.wasm') || !existsSync('out/preload') || !existsSync('out/renderer/index.html')) {
    execFileSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], { stdio: 'inherit' });
  }
}
