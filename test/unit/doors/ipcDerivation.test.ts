import { describe, expect, it } from 'vitest';
import { LabError, labEvents, labMethodArity, labMethods } from '../../../src-shared/api';
import type { LabApi, LabEventName } from '../../../src-shared/api';
import { deriveLabApi, eventChannelOf, invokeChannelOf, labErrorFrom } from '../../../src-shared/ipc';
import type { IpcReply } from '../../../src-shared/ipc';
import { forwardLabEvents, registerLabHandlers } from '../../../src-main/electron/ipcHandlers';
import type { IpcMainLike } from '../../../src-main/electron/ipcHandlers';
import { createLabBridge } from '../../../src-main/electron/labBridge';
import { stringifyExact } from '../../../src-shared/codec/exactJson';
import { eventSource } from './fakeEventSource';

interface FakeEvent {
  trusted: boolean;
}

/** An ipcMain stand-in: handlers by channel, as Electron keeps them. */
class FakeIpcMain implements IpcMainLike<FakeEvent> {
  readonly handlers = new Map<string, (event: FakeEvent, ...args: unknown[]) => Promise<IpcReply>>();
  handle(channel: string, listener: (event: FakeEvent, ...args: unknown[]) => Promise<IpcReply>): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}

/** An ipcRenderer stand-in wired to the fake main: invoke crosses as a trusted (or not) frame. */
function fakeIpcRenderer(main: FakeIpcMain, trusted = true) {
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  return {
    listeners,
    invoke(channel: string, ...args: unknown[]) {
      const handler = main.handlers.get(channel);
      if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
      // Structured clone, as IPC does: nothing but data crosses.
      return handler({ trusted }, ...structuredClone(args));
    },
    on(channel: string, listener: (event: unknown, payload: unknown) => void) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener(channel: string, listener: (event: unknown, payload: unknown) => void) {
      listeners.get(channel)?.delete(listener);
    },
    emit(channel: string, payload: unknown) {
      for (const l of listeners.get(channel) ?? []) l({}, structuredClone(payload));
    },
  };
}

/** A service that records each call and answers with its method name and arguments. */
function recordingService() {
  const calls: { method: string; args: unknown[] }[] = [];
  const service = deriveLabApi((method) => async (...args: unknown[]) => {
    calls.push({ method, args });
    if (method === 'startRun' && (args[0] as { bad?: boolean })?.bad) {
      throw new LabError({ code: 'invalid', message: 'arms[0].noise.alpha: must be > 1', issues: [{ path: 'arms[0].noise.alpha', message: 'must be > 1' }] });
    }
    if (method === 'getRun' && args[0] === 999) throw new LabError({ code: 'not-found', message: 'no run 999' });
    if (method === 'deleteRun' && args[0] === -1) throw new TypeError('database is locked');
    return { method, args };
  });
  return { service, calls };
}

describe('the Electron door is derived from the one LabApi list', () => {
  it('registers exactly one IPC handler per LabApi method, on the channel the preload invokes', () => {
    const main = new FakeIpcMain();
    registerLabHandlers(main, recordingService().service, { isTrustedSender: (e) => e.trusted });
    expect([...main.handlers.keys()].sort()).toEqual(labMethods.map(invokeChannelOf).sort());
    // Every method and every event gets its own channel: no two collide.
    const channels = [...labMethods.map(invokeChannelOf), ...labEvents.map(eventChannelOf)];
    expect(new Set(channels).size).toBe(labMethods.length + labEvents.length);
  });

  it('gives window.lab every LabApi method plus on(), and nothing else', () => {
    const bridge = createLabBridge(fakeIpcRenderer(new FakeIpcMain()));
    expect(Object.keys(bridge).sort()).toEqual([...labMethods, 'on'].sort());
    for (const key of Object.keys(bridge)) expect(typeof (bridge as unknown as Record<string, unknown>)[key]).toBe('function');
  });

  it('carries every method call and its arguments from window.lab to the service and back', async () => {
    const main = new FakeIpcMain();
    const { service, calls } = recordingService();
    registerLabHandlers(main, service, { isTrustedSender: (e) => e.trusted });
    const bridge: LabApi = createLabBridge(fakeIpcRenderer(main));
    for (const method of labMethods) {
      const args = [method.length, { tag: method }, 3].slice(0, labMethodArity[method][1]);
      const reply = await (bridge[method] as (...a: unknown[]) => Promise<unknown>)(...args);
      expect(reply).toEqual({ method, args });
    }
    expect(calls.map((c) => c.method)).toEqual([...labMethods]);
  });

  it('carries a heavy read as exact JSON bytes from the service to window.lab, keeping what structured clone keeps', async () => {
    const main = new FakeIpcMain();
    const { service, calls } = recordingService();
    const record = { id: 4, result: { values: [1.5, -0, NaN, Infinity, -Infinity], edges: null } };
    const requested: unknown[][] = [];
    const heavyService = Object.assign(service, {
      getRunEncoded: async (id: unknown, encoding: unknown) => (requested.push(['getRun', id, encoding]), new TextEncoder().encode(stringifyExact(record))),
      exportRunEncoded: async (id: unknown, format: unknown, encoding: unknown) =>
        (requested.push(['exportRun', id, format, encoding]), new TextEncoder().encode(stringifyExact({ filename: 'a.csv', content: 'x' }))),
    });
    registerLabHandlers(main, heavyService, { isTrustedSender: (e) => e.trusted });
    const reply = await main.handlers.get(invokeChannelOf('getRun'))!({ trusted: true }, 4);
    expect(reply.ok && 'exact' in reply && reply.exact).toBeInstanceOf(Uint8Array);
    const bridge = createLabBridge(fakeIpcRenderer(main));
    const value = (await bridge.getRun(4)) as unknown as typeof record;
    expect(value).toEqual(record);
    expect(Object.is(value.result.values[1], -0)).toBe(true);
    expect(await bridge.exportRun(4, 'csv')).toEqual({ filename: 'a.csv', content: 'x' });
    expect(requested).toEqual([
      ['getRun', 4, 'exact'],
      ['getRun', 4, 'exact'],
      ['exportRun', 4, 'csv', 'exact'],
    ]);
    // Nothing heavy went through the value path, and the other methods still do.
    expect(calls).toEqual([]);
    expect(await bridge.appInfo()).toEqual({ method: 'appInfo', args: [] });
  });

  it('refuses a wrong argument count without calling the service', async () => {
    const main = new FakeIpcMain();
    const { service, calls } = recordingService();
    registerLabHandlers(main, service, { isTrustedSender: (e) => e.trusted });
    const bridge = createLabBridge(fakeIpcRenderer(main)) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    const error = labErrorFrom(await bridge.getRun(1, 2, 3).catch((e: unknown) => e));
    expect(error).toMatchObject({ code: 'invalid', message: 'getRun takes 1 argument, got 3' });
    expect(calls).toEqual([]);
  });

  it('keeps a LabError structured (code, message, field path) across the door', async () => {
    const main = new FakeIpcMain();
    registerLabHandlers(main, recordingService().service, { isTrustedSender: (e) => e.trusted });
    const bridge = createLabBridge(fakeIpcRenderer(main));
    const invalid = await bridge.startRun({ bad: true }).catch((e: unknown) => e);
    expect(invalid).not.toBeInstanceOf(Error); // plain data: contextBridge would strip an Error's fields
    const rebuilt = labErrorFrom(invalid);
    expect(rebuilt).toBeInstanceOf(LabError);
    expect(rebuilt.code).toBe('invalid');
    expect(rebuilt.issues).toEqual([{ path: 'arms[0].noise.alpha', message: 'must be > 1' }]);
    expect(labErrorFrom(await bridge.getRun(999).catch((e: unknown) => e)).code).toBe('not-found');
  });

  it('turns an unexpected failure into an internal error with its message, and logs it', async () => {
    const main = new FakeIpcMain();
    const logged: string[] = [];
    registerLabHandlers(main, recordingService().service, { isTrustedSender: (e) => e.trusted, log: (m) => logged.push(m) });
    const error = labErrorFrom(await createLabBridge(fakeIpcRenderer(main)).deleteRun(-1).catch((e: unknown) => e));
    expect(error.code).toBe('internal');
    expect(error.message).toBe('database is locked');
    expect(logged).toEqual(['lab.deleteRun failed']);
  });

  it('refuses calls from a frame that is not the lab window, without touching the service', async () => {
    const main = new FakeIpcMain();
    const { service, calls } = recordingService();
    registerLabHandlers(main, service, { isTrustedSender: (e) => e.trusted });
    const intruder = createLabBridge(fakeIpcRenderer(main, false));
    await expect(intruder.listRuns()).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('not the lab window') });
    expect(calls).toEqual([]);
  });

  it('unregisters every handler it registered', () => {
    const main = new FakeIpcMain();
    const off = registerLabHandlers(main, recordingService().service, { isTrustedSender: () => true });
    off();
    expect(main.handlers.size).toBe(0);
  });

  it('forwards every lab event on its own channel to window.lab.on listeners, until unsubscribed', () => {
    const { source, emit, listeners } = eventSource();
    const renderer = fakeIpcRenderer(new FakeIpcMain());
    const stopForwarding = forwardLabEvents(source, (channel, payload) => renderer.emit(channel, payload));
    const bridge = createLabBridge(renderer);
    const seen: unknown[] = [];
    const offProgress = bridge.on('runProgress', (p) => seen.push(['progress', p.id, p.done]));
    bridge.on('runChanged', (p) => seen.push(['changed', p.id, p.status]));
    emit('runProgress', { id: 3, done: 10, total: 100, estimated: false, iterationsPerSecond: 5, etaSeconds: 18 });
    emit('runChanged', { id: 3, status: 'completed' });
    offProgress();
    emit('runProgress', { id: 3, done: 20, total: 100, estimated: false, iterationsPerSecond: 5, etaSeconds: 16 });
    expect(seen).toEqual([
      ['progress', 3, 10],
      ['changed', 3, 'completed'],
    ]);
    expect([...renderer.listeners.keys()].sort()).toEqual(labEvents.map(eventChannelOf).sort());
    stopForwarding();
    expect([...listeners.values()].every((s) => s.size === 0)).toBe(true);
  });

  it('rejects a subscription to an event that is not in the list', () => {
    const bridge = createLabBridge(fakeIpcRenderer(new FakeIpcMain()));
    expect(() => bridge.on('bogus' as LabEventName, () => {})).toThrow(/unknown event/);
  });
});
