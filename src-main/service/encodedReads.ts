import { labMethodArity, type LabApi, type LabMethod } from '../../src-shared/api';
import { invokeLab } from '../../src-shared/ipc';

/**
 * How a door sends values: `json` is what the HTTP door has always sent (JSON.stringify), `exact`
 * keeps what structured clone keeps over Electron IPC (±Infinity, NaN, −0; see exactJson).
 */
export type WireEncoding = 'json' | 'exact';

/**
 * The reads whose answer can be a hundred megabytes (`getRun`, `exportRun`, `getExitTimes`),
 * answered as the bytes of the serialised value, built and serialised off the calling thread. A
 * door that has these sends the bytes as they are instead of the value.
 */
export interface EncodedReads {
  getRunEncoded(id: unknown, encoding: WireEncoding): Promise<Uint8Array>;
  exportRunEncoded(id: unknown, format: unknown, encoding: WireEncoding): Promise<Uint8Array>;
  getExitTimesEncoded(id: unknown, arm: unknown, etaIndex: unknown, cell: unknown, encoding: WireEncoding): Promise<Uint8Array>;
}

type HeavyMethod = 'getRun' | 'exportRun' | 'getExitTimes';
const encodedName = { getRun: 'getRunEncoded', exportRun: 'exportRunEncoded', getExitTimes: 'getExitTimesEncoded' } as const satisfies Record<HeavyMethod, keyof EncodedReads>;

function isHeavy(method: LabMethod): method is HeavyMethod {
  return Object.hasOwn(encodedName, method);
}

/**
 * A door's call of `method`, answered as bytes when it is a heavy read and the service can;
 * otherwise null, and the door calls invokeLab as for any method. Arguments are counted by the
 * same rule as every call (invokeLab).
 */
export function invokeEncoded(service: object, method: LabMethod, args: readonly unknown[], encoding: WireEncoding): Promise<Uint8Array> | null {
  if (!isHeavy(method)) return null;
  const read = (service as Partial<EncodedReads>)[encodedName[method]] as ((...a: unknown[]) => Promise<Uint8Array>) | undefined;
  if (typeof read !== 'function') return null;
  // Optional arguments left out are passed as undefined, so the encoding is always the last parameter.
  const [, most] = labMethodArity[method];
  const encoded = { [method]: (...a: unknown[]) => read.call(service, ...Array.from({ length: most }, (_, k) => a[k]), encoding) } as unknown as LabApi;
  return invokeLab(encoded, method, args) as Promise<Uint8Array>;
}
