import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { HeavyReadRequest } from './readerWorker';

/** Two readers: a second heavy read need not wait for the first; more would only share the same cores. */
const READER_THREADS = 2;
/** An idle reader exits after this long; the next heavy read starts one again (~50 ms). */
const IDLE_MS = 60_000;

/** The threads that rebuild and serialise whole runs (see readerWorker.ts). */
export class ReaderPool {
  private readonly piscina: Piscina<HeavyReadRequest, Uint8Array>;

  constructor(readerUrl: URL | string) {
    this.piscina = new Piscina({
      filename: readerUrl instanceof URL || readerUrl.startsWith('file:') ? fileURLToPath(readerUrl) : readerUrl,
      minThreads: 0,
      maxThreads: READER_THREADS,
      idleTimeout: IDLE_MS,
    });
    this.piscina.on('error', () => {});
  }

  read(request: HeavyReadRequest): Promise<Uint8Array> {
    return this.piscina.run(request);
  }

  destroy(): Promise<void> {
    return this.piscina.destroy();
  }
}
