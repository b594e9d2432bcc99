import path from 'node:path';

/**
 * Where the files the main process loads at run time are, in both layouts:
 * - unpackaged (`npm start`, `electron .`): the project folder is the app path;
 * - packaged: `<resources>/app.asar` is the app path, and what electron-builder.yml lists under
 *   `asarUnpack` sits beside it in `<resources>/app.asar.unpacked` with the same relative path.
 * A native addon cannot be dlopen()ed from inside an archive, and the worker bundle is started by
 * file path, so both must be taken from the unpacked copy. Pure: the caller passes Electron's
 * values, and tests pass either platform's `path`.
 */
export interface AppLocation {
  /** app.isPackaged */
  isPackaged: boolean;
  /** app.getAppPath() */
  appPath: string;
  /** process.resourcesPath */
  resourcesPath: string;
}

type PathFlavour = Pick<typeof path, 'join' | 'relative' | 'isAbsolute' | 'sep'>;

/** The Electron-ABI SQLite addon, relative to the app root (scripts/electron-native.mjs makes it). */
export const nativeAddonParts = ['.electron-native', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'] as const;

export function nativeAddonPath(at: AppLocation, p: PathFlavour = path): string {
  return at.isPackaged ? p.join(at.resourcesPath, 'app.asar.unpacked', ...nativeAddonParts) : p.join(at.appPath, ...nativeAddonParts);
}

/**
 * A file inside app.asar mapped to its unpacked copy; any other path (unpackaged app, or a file
 * already outside the archive) is returned as it is.
 */
export function unpackedPath(file: string, at: AppLocation, p: PathFlavour = path): string {
  if (!at.isPackaged) return file;
  const rel = p.relative(p.join(at.resourcesPath, 'app.asar'), file);
  if (rel === '' || rel.startsWith('..') || p.isAbsolute(rel)) return file;
  return p.join(at.resourcesPath, 'app.asar.unpacked', rel);
}
