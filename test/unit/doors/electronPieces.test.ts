import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LabError } from '../../../src-shared/api';
import type { ListRunsQuery, RunSummary } from '../../../src-shared/api';
import { deriveLabApi } from '../../../src-shared/ipc';
import { appProtocolHandler } from '../../../src-main/electron/appProtocol';
import { interruptedRuns, quitDialog, resumeAll, resumeDialog, runsInFlight, switchDatabaseDialog } from '../../../src-main/electron/lifecycle';
import { menuTemplate } from '../../../src-main/electron/menu';
import { electronNativeBinding } from '../../../src-main/electron/nativeBinding';
import { appEntryUrl, devConnectSources, isExternalLinkAllowed, isTrustedRendererUrl, rendererEntryUrl } from '../../../src-main/electron/rendererOrigin';
import { defaultWindowState, loadWindowState, sanitizeWindowState, saveWindowState } from '../../../src-main/electron/windowState';

const base = mkdtempSync(join(tmpdir(), 'lab-electron-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const screen = [{ x: 0, y: 0, width: 1920, height: 1050 }];

describe('window state', () => {
  it('round-trips size, position and maximized through the JSON file', () => {
    const file = join(base, 'state', 'window-state.json');
    saveWindowState(file, { x: 100, y: 80, width: 1000, height: 700, maximized: true });
    expect(loadWindowState(file, screen)).toEqual({ x: 100, y: 80, width: 1000, height: 700, maximized: true });
  });

  it('falls back to defaults for a missing or damaged file', () => {
    expect(loadWindowState(join(base, 'none.json'), screen)).toEqual(defaultWindowState);
    writeFileSync(join(base, 'bad.json'), '{"width": ');
    expect(loadWindowState(join(base, 'bad.json'), screen)).toEqual(defaultWindowState);
  });

  it('drops a position that is no longer on any display and clamps the size', () => {
    expect(sanitizeWindowState({ x: 5000, y: 100, width: 800, height: 600 }, screen)).toEqual({ width: 800, height: 600, maximized: false });
    expect(sanitizeWindowState({ width: 100, height: 99999 }, screen)).toEqual({ width: 640, height: 1050, maximized: false });
    expect(sanitizeWindowState({ x: 'a', width: NaN }, screen)).toEqual({ ...defaultWindowState });
  });
});

describe('who counts as the lab page', () => {
  it('trusts only the entry origin', () => {
    expect(rendererEntryUrl(undefined)).toBe(appEntryUrl);
    expect(isTrustedRendererUrl('app://lab/index.html#/runs/3', appEntryUrl)).toBe(true);
    expect(isTrustedRendererUrl('app://evil/index.html', appEntryUrl)).toBe(false);
    expect(isTrustedRendererUrl('file:///etc/passwd', appEntryUrl)).toBe(false);
    expect(isTrustedRendererUrl('file:///a', 'file:///a')).toBe(false); // opaque origin
    expect(isTrustedRendererUrl('https://example.com/', appEntryUrl)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/runs', 'http://localhost:5173/')).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isTrustedRendererUrl(null, appEntryUrl)).toBe(false);
    expect(isTrustedRendererUrl('not a url', appEntryUrl)).toBe(false);
  });

  it('lets only https links out to the system browser', () => {
    expect(isExternalLinkAllowed('https://arxiv.org/')).toBe(true);
    for (const url of ['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share']) expect(isExternalLinkAllowed(url)).toBe(false);
  });

  it('adds the dev server websocket to the CSP only in development', () => {
    expect(devConnectSources(undefined)).toEqual([]);
    expect(devConnectSources('http://localhost:5173/')).toEqual(['ws://localhost:5173', 'http://localhost:5173']);
  });
});

describe('app:// protocol', () => {
  const renderer = join(base, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<title>shell</title>');
  writeFileSync(join(renderer, 'assets', 'a.js'), 'export {}');
  writeFileSync(join(base, 'secret.txt'), 'SECRET');
  const handle = appProtocolHandler(renderer, "default-src 'none'");

  it('serves the renderer with its MIME type and the CSP header, with SPA fallback', async () => {
    const js = await handle(new Request('app://lab/assets/a.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const page = await handle(new Request('app://lab/runs/4'));
    expect(await page.text()).toBe('<title>shell</title>');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'none'");
  });

  it('serves nothing outside the renderer folder or from another host', async () => {
    for (const url of ['app://lab/%2e%2e/secret.txt', 'app://lab/..%5csecret.txt', 'app://other/index.html']) {
      const res = await handle(new Request(url));
      expect(await res.text(), url).not.toContain('SECRET');
      expect(res.status, url).toBeGreaterThanOrEqual(400);
    }
  });
});

describe('quit and start', () => {
  const summary = (id: number, name: string) => ({ id, name }) as RunSummary;
  function fakeLab(byStatus: Record<string, number>, failOn: number[] = []) {
    const resumed: number[] = [];
    const lab = deriveLabApi((method) => async (...args: unknown[]) => {
      if (method === 'listRuns') {
        const q = args[0] as ListRunsQuery;
        const total = byStatus[q.status ?? ''] ?? 0;
        return { runs: Array.from({ length: Math.min(total, q.limit ?? total) }, (_, i) => summary(i + 1, `run ${i + 1}`)), total };
      }
      if (method === 'resumeRun') {
        if (failOn.includes(args[0] as number)) throw new LabError({ code: 'conflict', message: 'already running' });
        resumed.push(args[0] as number);
      }
      return null;
    });
    return { lab, resumed };
  }

  it('counts running and queued runs as in flight', async () => {
    expect(await runsInFlight(fakeLab({ running: 2, queued: 1, completed: 9 }).lab)).toBe(3);
    expect(await runsInFlight(fakeLab({ completed: 9 }).lab)).toBe(0);
  });

  it('asks before quitting, defaulting to keep running', () => {
    const d = quitDialog(2);
    expect(d.message).toMatch(/2 runs are still in progress/);
    expect(d.buttons[0]).toMatch(/Quit/);
    expect(d.defaultId).toBe(1);
    expect(d.cancelId).toBe(1);
    expect(quitDialog(1).message).toMatch(/^A run is/);
  });

  it('asks before switching databases with runs in flight, defaulting to cancel', () => {
    const d = switchDatabaseDialog(3);
    expect(d.message).toMatch(/3 runs are still in progress/);
    expect(d.buttons[0]).toMatch(/Open/);
    expect(d.defaultId).toBe(1);
    expect(d.cancelId).toBe(1);
    expect(switchDatabaseDialog(1).message).toMatch(/^A run is/);
  });

  it('offers to resume interrupted runs and resumes each, reporting the ones that fail', async () => {
    const { lab, resumed } = fakeLab({ interrupted: 7 }, [3]);
    const page = await interruptedRuns(lab);
    expect(page.total).toBe(7);
    const d = resumeDialog(page);
    expect(d.message).toMatch(/7 runs were interrupted/);
    expect(d.detail).toMatch(/… and 2 more/);
    const outcome = await resumeAll(lab, page.runs);
    expect(resumed).toEqual([1, 2, 4, 5, 6, 7]);
    expect(outcome.failed).toEqual([{ id: 3, message: 'already running' }]);
  });
});

describe('menu and native module', () => {
  const actions = { appName: 'Lab', openDatabase: () => {}, openDefaultDatabase: () => {}, revealDatabase: () => {}, showAbout: () => {} };

  it('has dev tools only in development, and the database items on every platform', () => {
    const labels = (isDev: boolean, isMac = false) => JSON.stringify(menuTemplate({ ...actions, isMac, isDev }));
    expect(labels(true)).toContain('toggleDevTools');
    expect(labels(false)).not.toContain('toggleDevTools');
    for (const isMac of [false, true]) {
      for (const item of ['Open Database…', 'Open Default Database', 'Reveal Database', 'About Lab']) expect(labels(false, isMac)).toContain(item);
    }
  });

  it('wires each database item to its action', () => {
    const calls: string[] = [];
    const template = menuTemplate({
      ...actions,
      isMac: false,
      isDev: false,
      openDatabase: () => calls.push('open'),
      openDefaultDatabase: () => calls.push('default'),
      revealDatabase: () => calls.push('reveal'),
    });
    const file = template.find((m) => m.label === 'File')?.submenu as { label?: string; click?: () => void }[];
    for (const label of ['Open Database…', 'Open Default Database', 'Reveal Database']) file.find((i) => i.label === label)?.click?.();
    expect(calls).toEqual(['open', 'default', 'reveal']);
  });

  it('finds the Electron build of better-sqlite3 only where the postinstall script puts it', () => {
    const at = { isPackaged: false, appPath: base, resourcesPath: join(base, 'unused') };
    expect(electronNativeBinding(at)).toBeNull();
    const dir = join(base, '.electron-native', 'better-sqlite3', 'build', 'Release');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'better_sqlite3.node'), '');
    expect(electronNativeBinding(at)).toBe(join(dir, 'better_sqlite3.node'));
  });
});
