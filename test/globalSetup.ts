import { execFileSync } from 'node:child_process';

/** Tests use the real bundled worker and CLI: build them when a source is newer (esbuild, well under a second). */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-node.mjs', '--if-stale'], { stdio: 'inherit' });
}
