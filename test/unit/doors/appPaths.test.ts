import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nativeAddonPath, unpackedPath, type AppLocation } from '../../../src-main/electron/appPaths';
import { chosenDatabasePath, defaultDatabasePath, saveDatabaseChoice } from '../../../src-main/electron/databaseChoice';
import { electronNativeBinding } from '../../../src-main/electron/nativeBinding';
import { devServerUrlFrom } from '../../../src-main/electron/rendererOrigin';

describe('runtime files in the unpackaged and packaged layouts', () => {
  const linuxDev: AppLocation = { isPackaged: false, appPath: '/home/u/lab', resourcesPath: '/home/u/lab/node_modules/electron/dist/resources' };
  const linuxApp: AppLocation = { isPackaged: true, appPath: '/opt/Heavy-Tail SGD Lab/resources/app.asar', resourcesPath: '/opt/Heavy-Tail SGD Lab/resources' };
  const macApp: AppLocation = {
    isPackaged: true,
    appPath: '/Applications/Heavy-Tail SGD Lab.app/Contents/Resources/app.asar',
    resourcesPath: '/Applications/Heavy-Tail SGD Lab.app/Contents/Resources',
  };
  const winApp: AppLocation = {
    isPackaged: true,
    appPath: 'C:\\Program Files\\Heavy-Tail SGD Lab\\resources\\app.asar',
    resourcesPath: 'C:\\Program Files\\Heavy-Tail SGD Lab\\resources',
  };

  it('takes the SQLite addon from the project folder, or from app.asar.unpacked once packaged', () => {
    expect(nativeAddonPath(linuxDev, path.posix)).toBe('/home/u/lab/.electron-native/better-sqlite3/build/Release/better_sqlite3.node');
    expect(nativeAddonPath(linuxApp, path.posix)).toBe('/opt/Heavy-Tail SGD Lab/resources/app.asar.unpacked/.electron-native/better-sqlite3/build/Release/better_sqlite3.node');
    expect(nativeAddonPath(macApp, path.posix)).toBe(
      '/Applications/Heavy-Tail SGD Lab.app/Contents/Resources/app.asar.unpacked/.electron-native/better-sqlite3/build/Release/better_sqlite3.node',
    );
    expect(nativeAddonPath(winApp, path.win32)).toBe(
      'C:\\Program Files\\Heavy-Tail SGD Lab\\resources\\app.asar.unpacked\\.electron-native\\better-sqlite3\\build\\Release\\better_sqlite3.node',
    );
  });

  it('maps the bundled worker inside app.asar to its unpacked copy, and leaves every other path alone', () => {
    const devWorker = '/home/u/lab/out/main/worker-abc.js';
    expect(unpackedPath(devWorker, linuxDev, path.posix)).toBe(devWorker);
    expect(unpackedPath('/opt/Heavy-Tail SGD Lab/resources/app.asar/out/main/worker-abc.js', linuxApp, path.posix)).toBe(
      '/opt/Heavy-Tail SGD Lab/resources/app.asar.unpacked/out/main/worker-abc.js',
    );
    expect(unpackedPath('C:\\Program Files\\Heavy-Tail SGD Lab\\resources\\app.asar\\out\\main\\worker-abc.js', winApp, path.win32)).toBe(
      'C:\\Program Files\\Heavy-Tail SGD Lab\\resources\\app.asar.unpacked\\out\\main\\worker-abc.js',
    );
    // Already unpacked, the archive itself, a sibling whose name only starts with app.asar, elsewhere.
    for (const p of [
      '/opt/Heavy-Tail SGD Lab/resources/app.asar.unpacked/out/main/worker-abc.js',
      '/opt/Heavy-Tail SGD Lab/resources/app.asar',
      '/opt/Heavy-Tail SGD Lab/resources/app.asarx/w.js',
      '/tmp/w.js',
    ]) {
      expect(unpackedPath(p, linuxApp, path.posix)).toBe(p);
    }
  });

  describe('on disk', () => {
    let base: string;
    beforeEach(() => (base = mkdtempSync(join(tmpdir(), 'lab-paths-'))));
    afterEach(() => rmSync(base, { recursive: true, force: true }));

    it('finds the addon where electron-builder unpacks it, not inside the archive path', () => {
      const resources = join(base, 'resources');
      const at: AppLocation = { isPackaged: true, appPath: join(resources, 'app.asar'), resourcesPath: resources };
      // A stray copy beside the archive path must not be picked up instead of the unpacked one.
      mkdirSync(join(resources, 'app.asar', '.electron-native', 'better-sqlite3', 'build', 'Release'), { recursive: true });
      writeFileSync(join(resources, 'app.asar', '.electron-native', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), '');
      expect(electronNativeBinding(at)).toBeNull();
      const unpacked = join(resources, 'app.asar.unpacked', '.electron-native', 'better-sqlite3', 'build', 'Release');
      mkdirSync(unpacked, { recursive: true });
      writeFileSync(join(unpacked, 'better_sqlite3.node'), '');
      expect(electronNativeBinding(at)).toBe(join(unpacked, 'better_sqlite3.node'));
    });

    it('opens lab.sqlite in the user-data folder until another database is chosen, and falls back when it is gone', () => {
      const userData = join(base, 'userData');
      expect(chosenDatabasePath(userData)).toBe(join(userData, 'lab.sqlite'));
      const other = join(base, 'elsewhere.sqlite');
      writeFileSync(other, '');
      saveDatabaseChoice(userData, other);
      expect(chosenDatabasePath(userData)).toBe(other);
      rmSync(other);
      expect(chosenDatabasePath(userData)).toBe(defaultDatabasePath(userData));
      writeFileSync(other, '');
      saveDatabaseChoice(userData, defaultDatabasePath(userData));
      expect(chosenDatabasePath(userData)).toBe(defaultDatabasePath(userData));
      writeFileSync(join(userData, 'database.json'), '{not json');
      expect(chosenDatabasePath(userData)).toBe(defaultDatabasePath(userData));
    });
  });
});

describe('the dev server as the page origin', () => {
  it('is trusted only unpackaged, and only on a loopback http address', () => {
    expect(devServerUrlFrom(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' })).toBe('http://localhost:5173/');
    expect(devServerUrlFrom(false, { ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173' })).toBe('http://127.0.0.1:5173');
    expect(devServerUrlFrom(false, { ELECTRON_RENDERER_URL: 'http://[::1]:5173/' })).toBe('http://[::1]:5173/');
    expect(devServerUrlFrom(false, {})).toBeUndefined();
  });

  it('ignores the environment variable in a packaged app and any non-loopback or non-http address', () => {
    expect(devServerUrlFrom(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' })).toBeUndefined();
    for (const url of ['https://evil.example/', 'http://192.168.1.5:5173/', 'file:///tmp/index.html', 'javascript:alert(1)', 'not a url', 'http://localhost.evil.example/']) {
      expect(devServerUrlFrom(false, { ELECTRON_RENDERER_URL: url })).toBeUndefined();
    }
  });
});
