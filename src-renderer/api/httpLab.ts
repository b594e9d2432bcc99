import { deriveLabApi, isLabErrorData } from '../../src-shared/ipc';
import {
  LabError,
  labEvents,
  type LabApi,
  type LabEventName,
  type LabEventSource,
  type LabEvents,
} from '../../src-shared/api';
import { apiPrefix, eventsPath, labErrorCodeOf, tokenQueryParam } from '../../src-shared/protocol';

export interface HttpLabOptions {
  /** Origin (and optional path prefix) of the served lab; '' for same origin. */
  base?: string;
  token?: string | null;
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
}

/**
 * The HTTP door's client, derived from `labMethods`: every method is
 * POST /api/<method> with the JSON array of its arguments. Errors come back as
 * {error: LabErrorData} and are rethrown as LabError, field issues intact.
 */
export function createHttpLab(options: HttpLabOptions = {}): LabApi & LabEventSource {
  const base = options.base ?? '';
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;

  const call = async (method: string, args: unknown[]): Promise<unknown> => {
    let response: Response;
    try {
      response = await doFetch(`${base}${apiPrefix}${method}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(args),
      });
    } catch (e) {
      throw new LabError({ code: 'internal', message: `cannot reach the lab server: ${(e as Error).message}` });
    }
    const text = await response.text();
    let body: unknown = undefined;
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
    }
    if (!response.ok) {
      const error = (body as { error?: unknown } | undefined)?.error;
      if (isLabErrorData(error)) throw new LabError(error);
      throw new LabError({
        code: labErrorCodeOf(response.status),
        message: `${method}: HTTP ${response.status}${text ? ` — ${text.slice(0, 200)}` : ''}`,
      });
    }
    return body;
  };

  const api = deriveLabApi((method) => (...args: unknown[]) => call(method, args));

  // One EventSource shared by every listener, opened on first use. EventSource cannot send
  // headers, so the token rides as a query parameter on /api/events only.
  const listeners = new Map<LabEventName, Set<(payload: never) => void>>();
  const connected = new Set<() => void>();
  let source: EventSource | null = null;
  const ES = options.EventSource ?? globalThis.EventSource;
  const open = () => {
    if (source || !ES) return;
    const url = options.token ? `${base}${eventsPath}?${tokenQueryParam}=${encodeURIComponent(options.token)}` : `${base}${eventsPath}`;
    source = new ES(url);
    source.addEventListener('open', () => {
      for (const l of connected) l();
    });
    for (const name of labEvents) {
      source.addEventListener(name, (e) => {
        const payload = JSON.parse((e as MessageEvent<string>).data) as never;
        for (const l of listeners.get(name) ?? []) l(payload);
      });
    }
  };

  const on = <E extends LabEventName>(event: E, listener: (payload: LabEvents[E]) => void) => {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener as (payload: never) => void);
    open();
    return () => {
      set.delete(listener as (payload: never) => void);
    };
  };

  const onConnected = (listener: () => void) => {
    connected.add(listener);
    open();
    return () => {
      connected.delete(listener);
    };
  };

  return Object.assign(api, { on, onConnected });
}
