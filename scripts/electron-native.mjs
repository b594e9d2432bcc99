// postinstall: give Electron its own copy of better-sqlite3, built for Electron's ABI.
//
// Why a copy: `npm install` builds node_modules/better-sqlite3 for the Node that ran it (tests,
// the `lab` CLI and `npm run serve` need exactly that build). Electron embeds a different V8
// (another NODE_MODULE_VERSION), so rebuilding node_modules in place for Electron (what
// electron-rebuild does) would break Node, and vice versa. Instead this script copies the package
// to .electron-native/better-sqlite3 and installs an Electron build there; the Electron main
// process passes that file to better-sqlite3 as `nativeBinding`. One install, both runtimes.
//
// Order: 1. a prebuilt binary for this Electron version (prebuild-install, like better-sqlite3's
// own install step), 2. compile with node-gyp against Electron's headers (needs a C++ toolchain).
// Never fails the install: without network, or with ELECTRON_SKIP_BINARY_DOWNLOAD set (no
// Electron wanted on this machine), it prints a note and exits 0; Node keeps working either way.
// Run it again any time: `node scripts/electron-native.mjs` (add --force to rebuild). `npm run dist`
// passes --strict: an installer without this build could not open its database, so there a
// missing build is an error (exit 1), not a note.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const outRoot = join(root, '.electron-native');
const dest = join(outRoot, 'better-sqlite3');
const addon = join(dest, 'build', 'Release', 'better_sqlite3.node');
const stampFile = join(dest, '.electron-build.json');
const force = process.argv.includes('--force');
const strict = process.argv.includes('--strict');

const say = (msg) => console.log(`[electron-native] ${msg}`);
const note = (msg) => {
  if (strict) {
    say(`error: ${msg}`);
    say('Packaging needs better-sqlite3 built for Electron: unset ELECTRON_SKIP_BINARY_DOWNLOAD, get online or install a C++ toolchain, then retry.');
    process.exit(1);
  }
  say(`note: ${msg}`);
  say('The CLI, `npm run serve` and the tests do not need this; only the desktop app (`npm start`) does.');
  say('When online, run `node scripts/electron-native.mjs` to build it.');
  process.exit(0);
};

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  note('ELECTRON_SKIP_BINARY_DOWNLOAD is set, so Electron is not wanted here; skipped the Electron build of better-sqlite3.');
}

const electronPkg = readJson(join(root, 'node_modules', 'electron', 'package.json'));
const sqlitePkg = readJson(join(root, 'node_modules', 'better-sqlite3', 'package.json'));
if (!electronPkg || !sqlitePkg) note('electron or better-sqlite3 is not installed; nothing to build.');

const target = {
  electron: electronPkg.version,
  betterSqlite3: sqlitePkg.version,
  platform: process.platform,
  arch: process.env.npm_config_arch || process.arch,
};
const stamp = readJson(stampFile);
if (!force && existsSync(addon) && stamp && JSON.stringify(stamp) === JSON.stringify(target)) {
  say(`up to date: better-sqlite3 ${target.betterSqlite3} for Electron ${target.electron} (${target.platform}-${target.arch})`);
  process.exit(0);
}

// A clean copy of the package without the Node build (build/), which is not ours to touch.
rmSync(dest, { recursive: true, force: true });
mkdirSync(outRoot, { recursive: true });
const src = join(root, 'node_modules', 'better-sqlite3');
cpSync(src, dest, { recursive: true, filter: (p) => !p.startsWith(join(src, 'build')) });

const run = (label, file, args, timeoutMs) => {
  say(`${label}…`);
  try {
    execFileSync(process.execPath, [file, ...args], { cwd: dest, stdio: 'inherit', timeout: timeoutMs, env: { ...process.env, npm_config_build_from_source: '' } });
    return existsSync(addon);
  } catch {
    return false;
  }
};

const common = [`--runtime=electron`, `--target=${target.electron}`, `--arch=${target.arch}`];
let built = run(
  `fetching a prebuilt better-sqlite3 ${target.betterSqlite3} for Electron ${target.electron}`,
  require.resolve('prebuild-install/bin.js'),
  [...common, `--platform=${target.platform}`, '--verbose'],
  120_000,
);

if (!built) {
  // npm ships node-gyp; prefer a local one if present.
  const candidates = [
    () => require.resolve('node-gyp/bin/node-gyp.js'),
    () => join(dirname(process.env.npm_execpath ?? ''), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    () => join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  const gyp = candidates.map((c) => { try { return c(); } catch { return null; } }).find((p) => p && existsSync(p));
  if (gyp) {
    built = run(
      'no prebuilt binary; compiling with node-gyp against the Electron headers',
      gyp,
      ['rebuild', '--release', ...common, '--dist-url=https://electronjs.org/headers'],
      900_000,
    );
  }
}

if (!built) {
  rmSync(dest, { recursive: true, force: true });
  note(`could not fetch or compile better-sqlite3 for Electron ${target.electron} (offline, or no C++ toolchain).`);
}
writeFileSync(stampFile, JSON.stringify(target));
say(`ready: ${addon}`);
