import type { LabApi, LabEventSource } from '../../src-shared/api';
import { withLabErrors } from './bridge';
import { createHttpLab } from './httpLab';
import { takeToken } from './token';

export type Lab = LabApi & LabEventSource;

/** Electron's preload exposes `window.lab`; in a browser the same API goes over HTTP. */
function connect(): Lab {
  if (window.lab) return withLabErrors(window.lab);
  const token = takeToken(window.location, window.history, window.sessionStorage);
  return createHttpLab({ token });
}

export const lab: Lab = connect();
