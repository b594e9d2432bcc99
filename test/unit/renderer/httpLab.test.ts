import { describe, expect, it } from 'vitest';
import { LabError, labMethods } from '../../../src-shared/api';
import { createHttpLab } from '../../../src-renderer/api/httpLab';
import { takeToken } from '../../../src-renderer/api/token';
import { withLabErrors } from '../../../src-renderer/api/bridge';

type Call = { url: string; init: RequestInit };

function fakeFetch(respond: (call: Call) => Response): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const f = (async (url: string, init: RequestInit) => {
    const call = { url, init };
    calls.push(call);
    return respond(call);
  }) as unknown as typeof fetch;
  return { fetch: f, calls };
}

describe('the HTTP LabApi client', () => {
  it('has every LabApi method, each a POST of the JSON argument array', async () => {
    const { fetch, calls } = fakeFetch(() => new Response(JSON.stringify({ runs: [], total: 0 }), { status: 200 }));
    const lab = createHttpLab({ fetch, token: 't0k', base: 'http://h' });
    for (const m of labMethods) expect(typeof lab[m]).toBe('function');
    await lab.listRuns({ text: 'x', limit: 5 });
    expect(calls[0].url).toBe('http://h/api/listRuns');
    expect(calls[0].init.method).toBe('POST');
    expect(JSON.parse(calls[0].init.body as string)).toEqual([{ text: 'x', limit: 5 }]);
    expect((calls[0].init.headers as Record<string, string>).Authorization).toBe('Bearer t0k');
  });

  it('rethrows the service error as LabError with its field issues', async () => {
    const error = { code: 'invalid', message: 'bad config', issues: [{ path: 'etas[0]', message: 'must be > 0' }] };
    const { fetch } = fakeFetch(() => new Response(JSON.stringify({ error }), { status: 400 }));
    const lab = createHttpLab({ fetch });
    const thrown = await lab.startRun({}).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(LabError);
    expect((thrown as LabError).code).toBe('invalid');
    expect((thrown as LabError).issues).toEqual(error.issues);
  });

  it('returns undefined for an empty 204 answer', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    await expect(createHttpLab({ fetch }).deleteRun(3)).resolves.toBeUndefined();
  });

  it('opens one event stream, with the token as a query parameter', () => {
    const opened: string[] = [];
    class FakeSource {
      listeners: Record<string, ((e: MessageEvent) => void)[]> = {};
      constructor(url: string) {
        opened.push(url);
        sources.push(this);
      }
      addEventListener(name: string, l: (e: MessageEvent) => void) {
        (this.listeners[name] ??= []).push(l);
      }
    }
    const sources: FakeSource[] = [];
    const lab = createHttpLab({ fetch: fakeFetch(() => new Response('{}')).fetch, token: 'a b', EventSource: FakeSource as unknown as typeof EventSource });
    const got: number[] = [];
    const off = lab.on('runProgress', (p) => got.push(p.done));
    lab.on('runChanged', () => undefined);
    expect(opened).toEqual(['/api/events?token=a%20b']);
    sources[0].listeners.runProgress[0]({ data: JSON.stringify({ id: 1, done: 7 }) } as MessageEvent);
    off();
    sources[0].listeners.runProgress[0]({ data: JSON.stringify({ id: 1, done: 8 }) } as MessageEvent);
    expect(got).toEqual([7]);
    // Each (re)connection tells onConnected's listeners, which refetch what they show.
    let connected = 0;
    const offConnected = lab.onConnected!(() => connected++);
    expect(opened).toHaveLength(1);
    sources[0].listeners.open[0]({} as MessageEvent);
    sources[0].listeners.open[0]({} as MessageEvent);
    offConnected();
    sources[0].listeners.open[0]({} as MessageEvent);
    expect(connected).toBe(2);
  });
});

describe('the page token', () => {
  it('is kept for the session and stripped from the address', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as unknown as Storage;
    let replaced = '';
    const history = { state: null, replaceState: (_s: unknown, _t: string, url: string) => (replaced = url) } as unknown as History;
    const location = { href: 'http://h:1/?token=abc&x=1#/runs' } as Location;
    expect(takeToken(location, history, storage)).toBe('abc');
    expect(replaced).toBe('/?x=1#/runs');
    expect(takeToken({ href: 'http://h:1/#/runs' } as Location, history, storage)).toBe('abc');
  });
});

describe('the Electron bridge wrapper', () => {
  it('turns the plain error data window.lab rejects with back into LabError', async () => {
    const issues = [{ path: 'samples', message: 'must be at least 1' }];
    const bridge = createHttpLab({ fetch: fakeFetch(() => new Response('{}')).fetch });
    bridge.startRun = () => Promise.reject({ code: 'invalid', message: 'bad', issues });
    const thrown = await withLabErrors(bridge).startRun({}).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(LabError);
    expect((thrown as LabError).issues).toEqual(issues);
  });
});
