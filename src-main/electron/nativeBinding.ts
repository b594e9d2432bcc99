import { existsSync } from 'node:fs';
import { nativeAddonPath, type AppLocation } from './appPaths';

/**
 * The Electron-ABI build of better-sqlite3 made by scripts/electron-native.mjs. node_modules keeps
 * the Node build (tests, CLI, server); Electron must load this one or fail with
 * NODE_MODULE_VERSION mismatch. Returns null when it has not been built.
 */
export function electronNativeBinding(at: AppLocation): string | null {
  const file = nativeAddonPath(at);
  return existsSync(file) ? file : null;
}

export const nativeBindingHelp =
  'better-sqlite3 has not been built for Electron. Run `node scripts/electron-native.mjs` ' +
  '(it needs network access for a prebuilt binary, or a C++ toolchain) and start the app again.';
