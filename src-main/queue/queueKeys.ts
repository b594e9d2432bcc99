import { ENGINE_VERSION } from '../engine/taskCodec';
import type { KernelTask } from '../engine/tasks';

/**
 * Names in Redis. One BullMQ queue per engine version: BullMQ cannot hand a job back, so a worker
 * of another version must never see it; the worker registry and cancel marks follow the queue.
 */
export const QUEUE_NAME = `lab-chunks-v${ENGINE_VERSION}`;
const LAB_PREFIX = `lab:v${ENGINE_VERSION}`;

/** A live `lab worker` announces itself here (a key that expires unless refreshed). */
export const workerKey = (id: string): string => `${LAB_PREFIX}:worker:${id}`;
export const WORKER_KEY_PATTERN = `${LAB_PREFIX}:worker:*`;

/** Set by a coordinator that no longer wants a job; the worker running it stops at its next tick. */
export const cancelKey = (jobId: string): string => `${LAB_PREFIX}:cancel:${jobId}`;

/**
 * Measured noise a job's task names, as float64 little-endian bytes, published by the coordinator
 * beside the jobs and fetched by each worker once. The name is the content's hash, so the key is
 * the same for every coordinator and never needs updating.
 */
export const assetKey = (name: string): string => `${LAB_PREFIX}:asset:${name}`;
/** How long a published asset outlives the last coordinator that published it. */
export const ASSET_TTL_SECONDS = 7 * 24 * 3600;

/**
 * A job id that says which work it is: the run's UUID, the chunk's checkpoint key and, for a
 * long-run piece, the iterations it covers (and where each path of its group starts). BullMQ ignores an `add` whose id exists, so the id
 * names the work exactly: the same id is always the same pure computation, and a different
 * computation always gets a different id. BullMQ forbids ':' in custom ids; the parts have none.
 */
export function chunkJobId(run: string, key: string, task: KernelTask): string {
  const chunk = key.replaceAll('/', '.');
  if (task.kind === 'exit-time') return `${run}.${chunk}.m${task.maxIterations}`;
  const from = task.state?.n ?? 0;
  // A group's other paths are part of the computation (and of the result): e.g. ".p4n3500".
  const group = (task.group ?? []).map((g) => `.p${g.path}n${g.state?.n ?? 0}`).join('');
  return `${run}.${chunk}.n${from}-${from + task.iterations}${group}`;
}
