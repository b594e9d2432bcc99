import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lookupStatic, mimeTypeOf, resolveStaticPath } from '../../../src-main/server/staticFiles';

const base = mkdtempSync(join(tmpdir(), 'lab-static-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>lab</title>');
writeFileSync(join(root, 'assets', 'app-1a2b.js'), 'console.log(1)');
writeFileSync(join(base, 'secret.txt'), 'outside the renderer');
symlinkSync(join(base, 'secret.txt'), join(root, 'leak.txt'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('static files stay inside the renderer folder', () => {
  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/%5c..%5csecret.txt',
    '/\\..\\secret.txt',
    '/C:/Windows/win.ini',
    '/%00index.html',
    '/%E0%A4%A', // undecodable escape
  ])('refuses %s', (path) => {
    expect(resolveStaticPath(root, path)).toBeNull();
  });

  it('maps ordinary paths below the root', () => {
    expect(resolveStaticPath(root, '/assets/app-1a2b.js')).toBe(join(root, 'assets', 'app-1a2b.js'));
    expect(resolveStaticPath(root, '/./assets//app-1a2b.js')).toBe(join(root, 'assets', 'app-1a2b.js'));
    expect(resolveStaticPath(root, '/')).toBe(root);
  });

  it('serves index.html for client-side routes but 404s for missing assets', async () => {
    expect(await lookupStatic(root, '/runs/12')).toMatchObject({ kind: 'file', path: join(root, 'index.html') });
    expect(await lookupStatic(root, '/')).toMatchObject({ kind: 'file', path: join(root, 'index.html') });
    expect(await lookupStatic(root, '/assets/missing.js')).toEqual({ kind: 'missing' });
    expect(await lookupStatic(root, '/%2e%2e/secret.txt')).toEqual({ kind: 'forbidden' });
  });

  it('does not follow a symlink that points outside the root', async () => {
    expect(await lookupStatic(root, '/leak.txt')).toEqual({ kind: 'missing' });
  });

  it('names MIME types exactly', () => {
    expect(mimeTypeOf('a/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeOf('a/app.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('a/app.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeOf('a/font.woff2')).toBe('font/woff2');
    expect(mimeTypeOf('a/blob')).toBe('application/octet-stream');
  });
});
