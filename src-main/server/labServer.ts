import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { labEvents } from '../../src-shared/api';
import type { LabApi, LabErrorData, LabEventSource } from '../../src-shared/api';
import { invokeLab, isLabMethod, toLabErrorData } from '../../src-shared/ipc';
import { apiPrefix, contentSecurityPolicy, eventsPath, httpStatusOf, jsonContentType, tokenQueryParam } from '../../src-shared/protocol';
import { bearerMatches, isLoopbackHostHeader, tokenMatches } from './auth';
import { EventStreamHub } from './eventStream';
import { serveStatic } from './staticFiles';
import { invokeEncoded } from '../service/encodedReads';

/**
 * The browser door: POST /api/<method> with a JSON array of arguments, dispatched
 * by a loop over labMethods (never per method); GET /api/events as server-sent events; the built
 * renderer as static files. Input validation is LabService's job; this only maps errors to
 * statuses.
 */
export interface LabServerOptions {
  service: LabApi & LabEventSource;
  /** The built renderer (out/renderer); nothing outside it is ever served. */
  staticDir: string;
  /** Required bearer token, or null on loopback. */
  token: string | null;
  maxBodyBytes?: number;
  keepAliveMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface LabServer {
  server: Server;
  /** Stop accepting requests and end the event streams (the service is closed by the caller). */
  close(): Promise<void>;
}

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly data: LabErrorData,
    readonly headers: Record<string, string> = {},
  ) {
    super(data.message);
  }
}

const codeOfStatus: Record<number, LabErrorData['code']> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not-found' };

const fail = (status: number, message: string, headers?: Record<string, string>) =>
  new HttpFailure(status, { code: codeOfStatus[status] ?? (status >= 500 ? 'internal' : 'invalid'), message }, headers);

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendBytes(res, status, Buffer.from(JSON.stringify(body)), headers);
}

/** JSON already serialised: written as it is (the socket sends a large body as the client reads it, off this thread's clock). */
function sendBytes(res: ServerResponse, status: number, json: Uint8Array, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(json.byteLength),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(json);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw fail(413, `request body larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The host of an Origin header, or null when it is not a URL (then it matches no Host). */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

export function createLabServer(options: LabServerOptions): LabServer {
  const { service, staticDir, token } = options;
  const maxBody = options.maxBodyBytes ?? 4 * 1024 * 1024;
  const log = options.log ?? ((message, error) => console.error(message, error ?? ''));
  const csp = contentSecurityPolicy();
  const hub = new EventStreamHub(options.keepAliveMs);
  const offs = labEvents.map((name) => service.on(name, (payload) => hub.broadcast(name, payload)));

  /** Who may use /api at all: the token off loopback; on loopback, no cross-site caller. */
  function authorize(req: IncomingMessage, url: URL): void {
    if (token !== null) {
      const viaQuery = url.pathname === eventsPath && tokenMatches(url.searchParams.get(tokenQueryParam), token);
      if (!viaQuery && !bearerMatches(req.headers.authorization, token)) {
        throw fail(401, 'missing or wrong bearer token (open the URL with ?token= printed by the server)', {
          'WWW-Authenticate': 'Bearer realm="lab"',
        });
      }
      return;
    }
    if (!isLoopbackHostHeader(req.headers.host)) throw fail(403, 'Host header is not a loopback address');
    const origin = req.headers.origin;
    if (origin && origin !== 'null' && hostOf(origin) !== req.headers.host) throw fail(403, 'cross-origin request refused');
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    authorize(req, url);
    if (url.pathname === eventsPath) {
      if (req.method !== 'GET') throw fail(405, 'use GET for /api/events', { Allow: 'GET' });
      hub.add(res);
      return;
    }
    const name = url.pathname.slice(apiPrefix.length);
    if (!isLabMethod(name)) throw fail(404, `unknown method "${name}"`);
    if (req.method !== 'POST') throw fail(405, `use POST for /api/${name}`, { Allow: 'POST' });
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== jsonContentType) throw fail(415, `send the arguments as ${jsonContentType}`);
    const text = await readBody(req, maxBody);
    let args: unknown;
    try {
      args = text.trim() === '' ? [] : JSON.parse(text);
    } catch (error) {
      throw fail(400, `the body is not JSON: ${(error as Error).message}`);
    }
    if (!Array.isArray(args)) throw fail(400, 'the body must be a JSON array of the method arguments');
    let value: unknown;
    try {
      // A heavy read comes back already serialised, off the event loop.
      const encoded = invokeEncoded(service, name, args, 'json');
      if (encoded) return sendBytes(res, 200, await encoded);
      value = await invokeLab(service, name, args);
    } catch (error) {
      const data = toLabErrorData(error);
      if (data.code === 'internal') log(`lab.${name} failed`, error);
      sendJson(res, httpStatusOf[data.code], { error: data });
      return;
    }
    if (value === undefined) {
      res.writeHead(204, { 'Cache-Control': 'no-store' });
      res.end();
    } else {
      sendJson(res, 200, value);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Parse against a fixed base: the raw path is all we use, never the Host header.
    const url = new URL(req.url ?? '/', 'http://lab.invalid');
    const rawPath = (req.url ?? '/').split(/[?#]/)[0];
    try {
      if (url.pathname === '/api' || url.pathname.startsWith(apiPrefix)) {
        await handleApi(req, res, url);
      } else if (req.method === 'GET' || req.method === 'HEAD') {
        // The raw path, not url.pathname: the URL parser would resolve `..` and hide it.
        await serveStatic(staticDir, rawPath, req.method, res, csp);
      } else {
        throw fail(405, 'static files are GET only', { Allow: 'GET, HEAD' });
      }
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpFailure) {
        sendJson(res, error.status, { error: error.data }, error.headers);
      } else {
        log('request failed', error);
        sendJson(res, 500, { error: toLabErrorData(error) });
      }
    }
  }

  const server = createServer((req, res) => void handle(req, res));

  return {
    server,
    close: () =>
      new Promise<void>((resolvePromise) => {
        offs.forEach((off) => off());
        hub.close();
        server.close(() => resolvePromise());
        server.closeIdleConnections();
      }),
  };
}
