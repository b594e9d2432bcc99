import { LabError, labEvents } from '../../src-shared/api';
import type { LabEventName, LabEvents } from '../../src-shared/api';
import { deriveLabApi, eventChannelOf, invokeChannelOf, isLabEvent } from '../../src-shared/ipc';
import type { IpcReply, LabBridge } from '../../src-shared/ipc';
import { parseExact } from '../../src-shared/codec/exactJson';

/**
 * The preload half of the Electron door: `window.lab`, built from the same lists as the
 * handlers. Takes an ipcRenderer-like object so it is tested without Electron.
 */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

export function createLabBridge(ipc: IpcRendererLike): LabBridge {
  const api = deriveLabApi((method) => async (...args: unknown[]) => {
    const reply = (await ipc.invoke(invokeChannelOf(method), ...args)) as IpcReply;
    if (reply.ok) return 'exact' in reply ? parseExact(new TextDecoder().decode(reply.exact)) : reply.value;
    // A plain object, not a LabError: contextBridge would strip an Error down to its message.
    // The renderer rebuilds it with labErrorFrom().
    throw reply.error;
  });
  const on = <E extends LabEventName>(event: E, listener: (payload: LabEvents[E]) => void): (() => void) => {
    if (!isLabEvent(event)) throw new LabError({ code: 'invalid', message: `unknown event "${String(event)}"; known: ${labEvents.join(', ')}` });
    const channel = eventChannelOf(event);
    const wrapped = (_event: unknown, payload: unknown) => listener(payload as LabEvents[E]);
    ipc.on(channel, wrapped);
    return () => void ipc.removeListener(channel, wrapped);
  };
  // contextBridge copies own enumerable properties only: a flat object of functions.
  return { ...api, on } satisfies LabBridge;
}
