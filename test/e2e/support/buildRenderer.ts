import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from 'electron-vite';
import { build } from 'vite';

const outIndex = 'out/renderer/index.html';

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

/**
 * Build out/renderer from the renderer section of electron.vite.config.ts (the one source of the
 * renderer's build settings), only when src-renderer or src-shared changed since the last build.
 * The renderer alone, so the e2e tests do not depend on the Electron main entry.
 */
export async function buildRendererIfStale(): Promise<void> {
  if (existsSync(outIndex)) {
    const built = statSync(outIndex).mtimeMs;
    const sources = Math.max(newest('src-renderer'), newest('src-shared'), statSync('electron.vite.config.ts').mtimeMs);
    if (sources < built) return;
  }
  const resolved = await resolveConfig({ logLevel: 'warn' }, 'build', 'production');
  const renderer = resolved.config?.renderer;
  if (!renderer) throw new Error('electron.vite.config.ts has no renderer section');
  await build({ ...renderer, logLevel: 'warn' });
}
