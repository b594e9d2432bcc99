import { LabError, labErrorCodes, labEvents, labMethodArity, labMethods } from './api';
import type { LabApi, LabErrorCode, LabErrorData, LabEventName, LabEvents, LabEventSource, LabMethod } from './api';

/**
 * The Electron door's wire format, derived from the one method/event list in api.ts, so the
 * main process (handlers), the preload (window.lab) and these tests can never disagree on a
 * channel name. Pure: no Electron import; the doors pass their ipcMain/ipcRenderer in.
 */

/** What the preload exposes as `window.lab`: every LabApi method plus event subscription. */
export type LabBridge = LabApi & LabEventSource;

/** The global the preload defines and the renderer reads. */
export const bridgeKey = 'lab';

export const invokeChannelOf = (method: LabMethod): string => `lab:call:${method}`;
export const eventChannelOf = (event: LabEventName): string => `lab:event:${event}`;

/**
 * An ipcMain.handle rejection reaches the renderer as a bare "Error invoking remote method…"
 * string, losing code and field issues; so handlers always resolve with this envelope and the
 * preload turns a failure back into a rejection.
 */
/**
 * `exact`: a heavy read's value already serialised off the main process's thread, in exact JSON
 * (see codec/exactJson.ts), which keeps every value structured clone would keep.
 */
export type IpcReply = { ok: true; value: unknown } | { ok: true; exact: Uint8Array } | { ok: false; error: LabErrorData };

export function isLabErrorData(value: unknown): value is LabErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.message === 'string' && (labErrorCodes as readonly string[]).includes(v.code as LabErrorCode);
}

/**
 * Any thrown value as the data that crosses a door. A LabError keeps its code and issues;
 * anything else is an internal error with its message (never a stack: that stays in the log).
 */
export function toLabErrorData(reason: unknown): LabErrorData {
  if (reason instanceof LabError) return reason.toJSON();
  if (isLabErrorData(reason)) {
    return { code: reason.code, message: reason.message, ...(reason.issues ? { issues: reason.issues } : {}) };
  }
  const message = reason instanceof Error ? reason.message : String(reason);
  return { code: 'internal', message: message || 'internal error' };
}

/**
 * The renderer's side of the same mapping. window.lab rejects with plain LabErrorData because
 * contextBridge copies only the message of an Error; this rebuilds the LabError (also accepts an
 * Error, so it can wrap any rejection).
 */
export function labErrorFrom(reason: unknown): LabError {
  if (reason instanceof LabError) return reason;
  return new LabError(toLabErrorData(reason));
}

/* ---- Derivation helpers shared by every door ---- */

// labMethods `satisfies (keyof LabApi)[]` proves it holds no stray names; these prove the
// converse, so a method added to LabApi but not to the list fails to compile instead of
// silently missing from a door.
type Complete<Missing> = [Missing] extends [never] ? true : { missing: Missing };
const everyMethodListed: Complete<Exclude<keyof LabApi, LabMethod>> = true;
const everyEventListed: Complete<Exclude<keyof LabEvents, (typeof labEvents)[number]>> = true;
void everyMethodListed;
void everyEventListed;

export function isLabMethod(name: string): name is LabMethod {
  return (labMethods as readonly string[]).includes(name);
}

export function isLabEvent(name: string): name is LabEventName {
  return (labEvents as readonly string[]).includes(name);
}

/**
 * Build a whole LabApi from one function per method name, looping over labMethods; the single
 * cast is sound because the loop covers exactly the keys of LabApi (checked above).
 */
export function deriveLabApi(make: (method: LabMethod) => (...args: never[]) => Promise<unknown>): LabApi {
  const api: Partial<Record<LabMethod, unknown>> = {};
  for (const method of labMethods) api[method] = make(method);
  return api as LabApi;
}

/**
 * Call one method by name with positional arguments (as they arrive over IPC or HTTP). A wrong
 * count is refused rather than silently cut or padded: `getRun [1, 2, 3]` is a mistake, not run 1.
 */
export function invokeLab(service: LabApi, method: LabMethod, args: readonly unknown[]): Promise<unknown> {
  const [min, max] = labMethodArity[method];
  if (args.length < min || args.length > max) {
    const expected = min === max ? `${min}` : `${min} to ${max}`;
    return Promise.reject(
      new LabError({ code: 'invalid', message: `${method} takes ${expected} argument${max === 1 ? '' : 's'}, got ${args.length}` }),
    );
  }
  const fn = service[method] as (...a: unknown[]) => Promise<unknown>;
  return Promise.resolve().then(() => fn.apply(service, [...args]));
}
