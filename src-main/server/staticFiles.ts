import { createReadStream, promises as fs } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, isAbsolute, join, resolve, sep } from 'node:path';

/**
 * The built renderer as static files, confined to one folder. Used by the HTTP server and by
 * the Electron app:// protocol, so both doors share one path check.
 */

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function mimeTypeOf(path: string): string {
  return mimeTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Map a URL path (already without query and hash) to a file under `root`, or null when the path
 * could escape it. Rejected outright rather than normalised: any `..` segment (raw or
 * percent-encoded), a backslash (a separator on Windows), a NUL byte, a drive letter or an
 * undecodable escape. The final containment check guards whatever this list missed.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || urlPath.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..' || /^[a-zA-Z]:/.test(s))) return null;
  const rootAbs = resolve(root);
  const relative = segments.join(sep);
  if (isAbsolute(relative)) return null;
  const target = resolve(join(rootAbs, relative));
  if (target !== rootAbs && !target.startsWith(rootAbs + sep)) return null;
  return target;
}

/** A URL path that names a file (has an extension) gets a 404 when missing, not the app shell. */
function looksLikeAsset(urlPath: string): boolean {
  const last = urlPath.split('/').pop() ?? '';
  return extname(last) !== '';
}

export type StaticLookup = { kind: 'file'; path: string; size: number } | { kind: 'forbidden' } | { kind: 'missing' };

/**
 * Find what to serve for a URL path: the file itself, `index.html` for a folder, or the app
 * shell (`index.html`) for a client-side route (SPA fallback). Symlinks are followed only when
 * their real target is still inside the root.
 */
export async function lookupStatic(root: string, urlPath: string): Promise<StaticLookup> {
  const target = resolveStaticPath(root, urlPath);
  if (target === null) return { kind: 'forbidden' };
  const realRoot = await fs.realpath(root).catch(() => null);
  if (realRoot === null) return { kind: 'missing' };
  const candidates = [target, join(target, 'index.html')];
  if (!looksLikeAsset(urlPath)) candidates.push(join(resolve(root), 'index.html'));
  for (const candidate of candidates) {
    const real = await fs.realpath(candidate).catch(() => null);
    if (real === null || (real !== realRoot && !real.startsWith(realRoot + sep))) continue;
    const stat = await fs.stat(real).catch(() => null);
    if (stat?.isFile()) return { kind: 'file', path: real, size: stat.size };
  }
  return { kind: 'missing' };
}

/** Headers for a static file: exact MIME type, no sniffing; hashed assets cached for good. */
export function staticHeaders(path: string, size: number, csp: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': mimeTypeOf(path),
    'Content-Length': String(size),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (path.endsWith('.html')) {
    headers['Content-Security-Policy'] = csp;
    headers['X-Frame-Options'] = 'DENY';
  }
  return headers;
}

export async function serveStatic(root: string, urlPath: string, method: string, res: ServerResponse, csp: string): Promise<void> {
  const found = await lookupStatic(root, urlPath);
  if (found.kind !== 'file') {
    const status = found.kind === 'forbidden' ? 400 : 404;
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    res.end(found.kind === 'forbidden' ? 'Bad path\n' : 'Not found\n');
    return;
  }
  res.writeHead(200, staticHeaders(found.path, found.size, csp));
  if (method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(found.path).on('error', () => res.destroy()).pipe(res);
}
