import { parseExact, stringifyExact } from '../../src-shared/codec/exactJson';
import type { KernelChunkResult, KernelTask } from './tasks';
import { hasEngineKind } from './kinds/engineKinds';
import type { KernelChunkResult2D, KernelTask2D } from './kernels2d/tasks2d';

/**
 * The engine's version: bump it whenever a kernel or sampler draws different numbers for the same
 * task, so chunks computed by different engines are never mixed in one result.
 */
export const ENGINE_VERSION = 1;

/** A task or chunk result as it travels between processes: exact JSON plus the engine that made it. */
interface Envelope<T> {
  engine: number;
  body: T;
}

export class EngineVersionMismatch extends Error {
  constructor(readonly found: number) {
    super(`made by engine version ${found}, but this engine is version ${ENGINE_VERSION}`);
    this.name = 'EngineVersionMismatch';
  }
}

function encode<T>(body: T): string {
  return stringifyExact({ engine: ENGINE_VERSION, body } satisfies Envelope<T>);
}

function decode(text: string, what: string, known: (kind: string) => boolean = hasEngineKind): unknown {
  const envelope = parseExact(text) as Partial<Envelope<{ kind?: unknown }>> | null;
  if (envelope === null || typeof envelope !== 'object' || typeof envelope.engine !== 'number') {
    throw new TypeError(`not an encoded ${what}`);
  }
  if (envelope.engine !== ENGINE_VERSION) throw new EngineVersionMismatch(envelope.engine);
  const body = envelope.body;
  if (body === null || typeof body !== 'object' || !known(String(body.kind))) {
    throw new TypeError(`an encoded ${what} of unknown kind`);
  }
  return body;
}

/** A chunk task as text that any process (a worker thread, a queue worker) decodes to the same task. */
export function encodeTask(task: KernelTask): string {
  return encode(task);
}

export function decodeTask(text: string): KernelTask {
  return decode(text, 'task') as KernelTask;
}

export function encodeChunkResult(result: KernelChunkResult): string {
  return encode(result);
}

export function decodeChunkResult(text: string): KernelChunkResult {
  return decode(text, 'chunk result') as KernelChunkResult;
}

/**
 * The same for the 2-D kernels' tasks and results (x0 and the state's X are [x, y] pairs), typed
 * and limited to the 2-D kinds; the general decoders above take them too (they are engine kinds).
 */
const kinds2d = new Set<string>(['exit-time-2d', 'long-run-2d']);
const isKind2d = (kind: string): boolean => kinds2d.has(kind);

export function encodeTask2d(task: KernelTask2D): string {
  return encode(task);
}

export function decodeTask2d(text: string): KernelTask2D {
  return decode(text, '2-D task', isKind2d) as KernelTask2D;
}

export function encodeChunkResult2d(result: KernelChunkResult2D): string {
  return encode(result);
}

export function decodeChunkResult2d(text: string): KernelChunkResult2D {
  return decode(text, '2-D chunk result', isKind2d) as KernelChunkResult2D;
}
