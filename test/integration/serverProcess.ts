import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { request } from 'node:http';
import { resolve } from 'node:path';

/** A real `node out/node/serve.js` child (built by test/globalSetup.ts) and raw HTTP helpers. */
export interface ServeProcess {
  child: ChildProcessWithoutNullStreams;
  port: number;
  /** The URL the server printed ("Open …"). */
  url: string;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

export async function startServe(args: string[]): Promise<ServeProcess> {
  const child = spawn(process.execPath, [resolve('out/node/serve.js'), '--port', '0', ...args], { stdio: 'pipe' });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not print its URL:\n${out}`)), 20_000);
    const check = () => {
      const m = /^Open (http:\/\/\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    };
    child.stdout.on('data', check);
    child.once('exit', () => reject(new Error(`serve exited early:\n${out}`)));
  });
  const port = Number(new URL(url).port);
  return {
    child,
    port,
    url,
    output: () => out,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Loopback only: every test connects to 127.0.0.1, whatever address the server listens on. */
export function http(port: number, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolveRes, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolveRes({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

export function callApi(port: number, method: string, args: unknown[], headers: Record<string, string> = {}): Promise<RawResponse> {
  return http(port, `/api/${method}`, { method: 'POST', body: JSON.stringify(args), headers: { 'content-type': 'application/json', ...headers } });
}

export interface SseEvent {
  event: string;
  data: unknown;
}

/** Subscribe to /api/events; `waitFor` resolves on the first event matching a predicate. */
export function subscribe(port: number, path = '/api/events') {
  const events: SseEvent[] = [];
  const waiters: { test: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }[] = [];
  let status = 0;
  let close = () => {};
  const opened = new Promise<number>((resolveOpen, reject) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      status = res.statusCode ?? 0;
      resolveOpen(status);
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (!name || data === undefined) continue; // comments (keep-alive), retry hints
          const event = { event: name, data: JSON.parse(data) as unknown };
          events.push(event);
          for (const w of [...waiters]) {
            if (w.test(event)) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve(event);
            }
          }
        }
      });
    });
    req.on('error', reject);
    req.end();
    close = () => req.destroy();
  });
  return {
    events,
    opened,
    get status() {
      return status;
    },
    close: () => close(),
    waitFor(test: (e: SseEvent) => boolean, timeoutMs = 60_000): Promise<SseEvent> {
      const seen = events.find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolveEvent, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching event within ${timeoutMs} ms; saw ${JSON.stringify(events).slice(0, 2000)}`)), timeoutMs);
        waiters.push({ test, resolve: (e) => (clearTimeout(timer), resolveEvent(e)) });
      });
    },
  };
}
