import type { LabApi, LabEventSource } from '../../src-shared/api';
import { deriveLabApi, labErrorFrom } from '../../src-shared/ipc';

type Lab = LabApi & LabEventSource;

/**
 * window.lab rejects with plain LabErrorData (contextBridge strips Error objects to their
 * message); rebuild LabError so field issues reach the form as they do over HTTP.
 */
export function withLabErrors(bridge: Lab): Lab {
  const api = deriveLabApi((method) => async (...args: unknown[]) => {
    try {
      return await (bridge[method] as (...a: unknown[]) => Promise<unknown>)(...args);
    } catch (e) {
      throw labErrorFrom(e);
    }
  });
  return { ...api, on: (event, listener) => bridge.on(event, listener) };
}
