import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { extractFile, getRawHeader } from '@electron/asar';
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Packages the app with electron-builder itself, from electron-builder.yml, the real out/ and the
 * real node_modules, and checks what lands in app.asar and app.asar.unpacked. The Electron binary
 * cannot be downloaded here, so a stand-in takes its place: a file carrying only Electron's fuse
 * wire (the sentinel, format version, length and one byte per fuse, at Electron's defaults), so
 * electron-builder's fuse step really runs and the test reads back what it wrote. The file
 * selection, the asar, the unpacking and the fuse flipping are electron-builder's own. Needs
 * `npm run build` first (CI builds before testing).
 */
const root = resolve('.');
const stage = mkdtempSync(join(tmpdir(), 'lab-package-'));
const resources = join(stage, 'dist', 'linux-unpacked', 'resources');
const asarPath = join(resources, 'app.asar');
const unpackedRoot = join(resources, 'app.asar.unpacked');
const addonRel = '.electron-native/better-sqlite3/build/Release/better_sqlite3.node';

let fuses: Awaited<ReturnType<typeof getCurrentFuseWire>>;
/** Every file path in the archive (posix, no leading slash) → whether it is unpacked. */
const archived = new Map<string, boolean>();

interface HeaderNode {
  files?: Record<string, HeaderNode>;
  unpacked?: boolean;
  link?: string;
}
function walk(node: HeaderNode, prefix: string): void {
  for (const [name, child] of Object.entries(node.files ?? {})) {
    const path = prefix ? `${prefix}/${name}` : name;
    if (child.files) walk(child, path);
    else archived.set(path, child.unpacked === true);
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(root, join(d.parentPath, d.name)).split(sep).join('/'));
}

beforeAll(async () => {
  if (!existsSync('out/main/index.js') || !existsSync('out/renderer/index.html')) throw new Error('out/ is missing: run `npm run build` first');
  // The project as electron-builder sees it: its config, package files and build output, with
  // node_modules copied in. The Electron build of the SQLite addon is only made where Electron
  // can be fetched; a stand-in file at its path is enough to check that it is packed and unpacked.
  for (const f of ['package.json', 'package-lock.json', 'electron-builder.yml']) cpSync(f, join(stage, f));
  cpSync('out', join(stage, 'out'), { recursive: true });
  cpSync('resources', join(stage, 'resources'), { recursive: true });
  // A real copy, not a symlink: through a linked node_modules, `npm list` (which electron-builder
  // asks for the production tree) called hundreds of packages extraneous on a fresh `npm ci`
  // checkout, and electron-builder then packed only the top-level dependencies.
  execFileSync('cp', ['-a', join(root, 'node_modules'), join(stage, 'node_modules')]);
  mkdirSync(join(stage, '.electron-native/better-sqlite3/build/Release'), { recursive: true });
  writeFileSync(join(stage, addonRel), existsSync(addonRel) ? readFileSync(addonRel) : 'stand-in for the Electron build of better-sqlite3');
  // Decoys that must never be packed: sources, tests, the Node bundles, source maps.
  for (const decoy of ['src-main/lab.ts', 'src-shared/api.ts', 'src-renderer/main.ts', 'test/unit/x.test.ts', 'scripts/x.mjs', 'docs/x.md']) {
    mkdirSync(join(stage, decoy, '..'), { recursive: true });
    writeFileSync(join(stage, decoy), '// decoy');
  }
  mkdirSync(join(stage, 'out/node'), { recursive: true });
  writeFileSync(join(stage, 'out/node/lab.js'), '// decoy');
  writeFileSync(join(stage, 'out/main/index.js.map'), '{}');

  const electronDist = join(stage, 'electron-stand-in');
  mkdirSync(electronDist);
  // Electron's shipped defaults, in FuseV1Options order: run-as-node on, cookie encryption off,
  // NODE_OPTIONS on, --inspect on, asar integrity off, only-from-asar off, browser snapshot off,
  // file:// privileges on.
  const wire = Buffer.concat([Buffer.from(`#!/bin/sh\n# ${SENTINEL}`), Buffer.from([Number(FuseVersion.V1), 8]), Buffer.from('10110001'), Buffer.from('\n')]);
  writeFileSync(join(electronDist, 'electron'), wire, { mode: 0o755 });
  const electronVersion = (JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }).version;
  const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;
  writeFileSync(join(stage, 'electron-builder.yml'), stringify({ ...config, electronDist, electronVersion }));

  try {
    execFileSync(process.execPath, [join(root, 'node_modules/electron-builder/cli.js'), '--linux', 'dir', '--projectDir', stage], {
      cwd: stage,
      stdio: 'pipe',
      env: { ...process.env, CI: 'true' },
    });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`electron-builder failed:\n${e.stdout?.toString() ?? ''}\n${e.stderr?.toString() ?? ''}`);
  }
  walk(getRawHeader(asarPath).header as HeaderNode, '');
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string };
  fuses = await getCurrentFuseWire(join(stage, 'dist', 'linux-unpacked', pkg.name));
}, 300_000);

afterAll(() => rmSync(stage, { recursive: true, force: true }));

const packed = (path: string) => archived.has(path);
const unpacked = (path: string) => archived.get(path) === true && existsSync(join(unpackedRoot, path));

describe('the packaged app (electron-builder with electron-builder.yml)', () => {
  it('holds the main, preload and renderer bundles and a package.json whose main is in the archive', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string };
    expect(packed('package.json')).toBe(true);
    expect(packed(pkg.main)).toBe(true);
    const runtime = [...filesUnder('out/main'), ...filesUnder('out/preload'), ...filesUnder('out/renderer')].filter((f) => !f.endsWith('.map'));
    expect(runtime.length).toBeGreaterThan(5);
    expect(runtime.filter((f) => !packed(f))).toEqual([]);
  });

  it('unpacks the worker bundle, its WebAssembly kernels and the Electron build of the SQLite addon beside the archive', () => {
    const workers = filesUnder('out/main').filter((f) => /\/worker-[^/]+\.js$/.test(f));
    const wasm = 'out/main/kernels.wasm';
    expect(workers.length).toBeGreaterThan(0);
    // The one the main bundle starts (electron-vite's ?modulePath) is among them.
    const main = readFileSync('out/main/index.js', 'utf8');
    expect(workers.some((w) => main.includes(w.split('/').pop()!))).toBe(true);
    for (const f of [...workers, wasm, addonRel]) expect(unpacked(f), f).toBe(true);
    expect(readFileSync(join(unpackedRoot, wasm))).toEqual(readFileSync(wasm));
    expect(readFileSync(join(unpackedRoot, addonRel))).toEqual(readFileSync(join(stage, addonRel)));
    // Everything else stays inside the archive (integrity-checked on macOS and Windows).
    const alsoUnpacked = [...archived].filter(([f, u]) => u && !workers.includes(f) && f !== wasm && f !== addonRel && !f.endsWith('.node'));
    // electron-builder unpacks a package with a native (N-API) prebuild whole: bullmq's msgpackr-extract.
    const nativePackages = ['node_modules/@napi-rs/', 'node_modules/@msgpackr-extract/'];
    expect(alsoUnpacked.map(([f]) => f).filter((f) => !nativePackages.some((p) => f.startsWith(p)))).toEqual([]);
  });

  it('carries every package the main and reader bundles import, resolvable inside the archive', () => {
    // The reader imports better-sqlite3 and piscina, so it stays in the archive beside them
    // (Electron starts worker threads from inside app.asar; only the addon must be unpacked).
    const readers = filesUnder('out/main').filter((f) => /\/readerWorker-[^/]+\.js$/.test(f));
    expect(readers.length).toBeGreaterThan(0);
    for (const f of readers) expect([packed(f), unpacked(f)], f).toEqual([true, false]);
    const main = [readFileSync('out/main/index.js', 'utf8'), ...readers.map((f) => readFileSync(f, 'utf8'))].join('\n');
    const bare = new Set([...main.matchAll(/\bfrom\s+["']([^"'./][^"']*)["']/g)].map((m) => m[1]));
    const builtins = new Set([...builtinModules, ...builtinModules.map((b) => `node:${b}`), 'electron']);
    const packages = [...bare].filter((s) => !builtins.has(s) && !s.startsWith('node:'));
    expect(packages.sort()).toEqual(expect.arrayContaining(['better-sqlite3', 'piscina']));
    const requireFromRoot = createRequire(join(root, 'package.json'));
    for (const name of packages) {
      const entry = relative(root, requireFromRoot.resolve(name)).split(sep).join('/');
      expect(packed(entry), `${name} → ${entry}`).toBe(true);
    }
    // What better-sqlite3 needs at run time besides its addon.
    expect(packed('node_modules/better-sqlite3/lib/database.js')).toBe(true);
  });

  it('has exactly the production dependency tree of package-lock.json under node_modules, nothing from dev dependencies', () => {
    // By name and version: electron-builder may hoist a nested copy to another folder.
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { dev?: boolean; version?: string }> };
    const nameOf = (key: string) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const installed = Object.entries(lock.packages).filter(([key]) => key.startsWith('node_modules/') && existsSync(key));
    const production = new Set(installed.filter(([, meta]) => !meta.dev).map(([key, meta]) => `${nameOf(key)}@${meta.version}`));
    const devOnly = installed.filter(([, meta]) => meta.dev).map(([key, meta]) => `${nameOf(key)}@${meta.version}`).filter((p) => !production.has(p));
    const packedPackages = new Set<string>();
    for (const f of archived.keys()) {
      const m = /^((?:node_modules\/(?:@[^/]+\/)?[^/]+\/)+)package\.json$/.exec(f);
      if (!m) continue;
      const meta = JSON.parse(extractFile(asarPath, f).toString('utf8')) as { name: string; version: string };
      packedPackages.add(`${meta.name}@${meta.version}`);
    }
    expect([...packedPackages].sort()).toEqual([...production].sort());
    expect(devOnly.filter((p) => packedPackages.has(p))).toEqual([]);
    expect(devOnly.length).toBeGreaterThan(100);
  });

  it('flips the fuses in the Electron executable as electron-builder.yml says', () => {
    const on = FuseState.ENABLE;
    const off = FuseState.DISABLE;
    expect(fuses).toMatchObject({
      [FuseV1Options.RunAsNode]: off,
      [FuseV1Options.EnableCookieEncryption]: on,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: off,
      [FuseV1Options.EnableNodeCliInspectArguments]: off,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: on,
      [FuseV1Options.OnlyLoadAppFromAsar]: on,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: off,
    });
  });

  it('leaves out sources, tests, scripts, the Node bundles, source maps and the C sources of the addon', () => {
    const top = new Set([...archived.keys()].map((f) => f.split('/')[0]));
    expect([...top].sort()).toEqual(['.electron-native', 'node_modules', 'out', 'package.json']);
    const outDirs = new Set([...archived.keys()].filter((f) => f.startsWith('out/')).map((f) => f.split('/')[1]));
    expect([...outDirs].sort()).toEqual(['main', 'preload', 'renderer']);
    expect([...archived.keys()].filter((f) => f.endsWith('.map') || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect([...archived.keys()].filter((f) => /^node_modules\/better-sqlite3\/(deps|src|build)\//.test(f))).toEqual([]);
  });
});
