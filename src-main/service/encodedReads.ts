import type { ExportFormat, LabApi, LabMethod } from '../../src-shared/api';
import { invokeLab } from '../../src-shared/ipc';

/**
 * How a door sends values: `json` is what the HTTP door has always sent (JSON.stringify), `exact`
 * keeps what structured clone keeps over Electron IPC (±Infinity, NaN, −0; see exactJson).
 */
export type WireEncoding = 'json' | 'exact';

/**
 * The reads whose answer can be a hundred megabytes (`getRun`, `exportRun`), answered as the
 * bytes of the serialised value, built and serialised off the calling thread. A door that has
 * these sends the bytes as they are instead of the value.
 */
export interface EncodedReads {
  getRunEncoded(id: unknown, encoding: WireEncoding): Promise<Uint8Array>;
  exportRunEncoded(id: unknown, format: unknown, encoding: WireEncoding): Promise<Uint8Array>;
}

function hasEncodedReads(service: object): service is EncodedReads {
  const s = service as Partial<EncodedReads>;
  return typeof s.getRunEncoded === 'function' && typeof s.exportRunEncoded === 'function';
}

/**
 * A door's call of `method`, answered as bytes when it is a heavy read and the service can;
 * otherwise null, and the door calls invokeLab as for any method. Arguments are counted by the
 * same rule as every call (invokeLab).
 */
export function invokeEncoded(service: object, method: LabMethod, args: readonly unknown[], encoding: WireEncoding): Promise<Uint8Array> | null {
  if (!hasEncodedReads(service) || (method !== 'getRun' && method !== 'exportRun')) return null;
  const encoded: Pick<LabApi, 'getRun' | 'exportRun'> = {
    getRun: (id: number) => service.getRunEncoded(id, encoding) as never,
    exportRun: (id: number, format: ExportFormat) => service.exportRunEncoded(id, format, encoding) as never,
  };
  return invokeLab(encoded as LabApi, method, args) as Promise<Uint8Array>;
}
