import { labEvents, labMethods } from '../../src-shared/api';
import type { LabApi, LabEventName, LabEventSource, LabEvents } from '../../src-shared/api';
import { eventChannelOf, invokeChannelOf, invokeLab, toLabErrorData } from '../../src-shared/ipc';
import type { IpcReply } from '../../src-shared/ipc';
import { invokeEncoded } from '../service/encodedReads';

/**
 * The main-process half of the Electron door: one ipcMain handler per LabApi method and one
 * forwarded channel per event, both generated from the lists in api.ts. Takes ipcMain-like
 * objects so it runs (and is tested) without Electron.
 */
export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<IpcReply>): void;
  removeHandler(channel: string): void;
}

export interface LabHandlerOptions<E> {
  /** Only our window's own frame may call the lab (Electron security checklist: validate senders). */
  isTrustedSender: (event: E) => boolean;
  /** Where internal (non-LabError) failures are logged with their stack. */
  log?: (message: string, error: unknown) => void;
}

export const untrustedSenderError = { code: 'forbidden', message: 'IPC refused: the sender is not the lab window' } as const;

export function registerLabHandlers<E>(ipc: IpcMainLike<E>, service: LabApi, options: LabHandlerOptions<E>): () => void {
  const channels = labMethods.map((method) => {
    const channel = invokeChannelOf(method);
    ipc.handle(channel, async (event, ...args): Promise<IpcReply> => {
      if (!options.isTrustedSender(event)) return { ok: false, error: { ...untrustedSenderError } };
      try {
        // A heavy read comes back already serialised, off this thread.
        const encoded = invokeEncoded(service, method, args, 'exact');
        if (encoded) return { ok: true, exact: await encoded };
        return { ok: true, value: await invokeLab(service, method, args) };
      } catch (error) {
        const data = toLabErrorData(error);
        if (data.code === 'internal') options.log?.(`lab.${method} failed`, error);
        return { ok: false, error: data };
      }
    });
    return channel;
  });
  return () => channels.forEach((c) => ipc.removeHandler(c));
}

/** Subscribe to every lab event and hand it to `send` on its derived channel. */
export function forwardLabEvents(service: LabEventSource, send: (channel: string, payload: unknown) => void): () => void {
  const forward = <N extends LabEventName>(name: N) =>
    service.on(name, (payload: LabEvents[N]) => send(eventChannelOf(name), payload));
  const offs = labEvents.map((name) => forward(name));
  return () => offs.forEach((off) => off());
}
