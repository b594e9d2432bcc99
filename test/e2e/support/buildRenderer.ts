import { execFileSync } from 'node:child_process';

/** out/renderer, rebuilt only when the renderer's sources changed (scripts/build-renderer.mjs). */
export async function buildRendererIfStale(): Promise<void> {
  execFileSync(process.execPath, ['scripts/build-renderer.mjs', '--if-stale'], { stdio: 'inherit' });
}
