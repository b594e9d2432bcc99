import { readFile } from 'node:fs/promises';
import { lookupStatic, staticHeaders } from '../server/staticFiles';
import { appHost } from './rendererOrigin';

/**
 * app://lab/… serves out/renderer with the same confinement as the HTTP server (one path check
 * for both doors) and sends the CSP as a real response header.
 */
export function appProtocolHandler(rendererDir: string, csp: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== appHost || request.method !== 'GET') return new Response('Not found', { status: 404 });
    // The raw path as sent, before URL normalisation could hide a `..`.
    const rawPath = request.url.slice(request.url.indexOf(appHost) + appHost.length).split(/[?#]/)[0] || '/';
    const found = await lookupStatic(rendererDir, rawPath);
    if (found.kind !== 'file') return new Response(found.kind === 'forbidden' ? 'Bad path' : 'Not found', { status: found.kind === 'forbidden' ? 400 : 404 });
    return new Response(await readFile(found.path), { status: 200, headers: staticHeaders(found.path, found.size, csp) });
  };
}
