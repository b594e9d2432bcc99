/**
 * Is the process that owns a queued or running run still alive? A run records its owner's
 * pid, a token for the LabService instance inside that process, and a heartbeat. The owner
 * is dead when its pid is gone, when (in this very process) its service was closed, or when
 * the heartbeat is stale (a hung process, or a pid reused by an unrelated program).
 */

/** The owner refreshes its heartbeat (and reads cancel requests) this often: a remote cancel lands well within 2 s. */
export const HEARTBEAT_INTERVAL_MS = 500;
/** Missing this many heartbeats means the owner is gone. Generous: a busy 2-core machine stalls. */
export const HEARTBEAT_STALE_MS = 30_000;

/** Tokens of LabService instances alive in this process. */
const liveTokens = new Set<string>();

export function registerOwnerToken(token: string): void {
  liveTokens.add(token);
}

export function unregisterOwnerToken(token: string): void {
  liveTokens.delete(token);
}

export function isPidAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface Owner {
  pid: number | null;
  token: string | null;
  heartbeatAt: number | null;
}

export function isOwnerAlive(owner: Owner, now = Date.now()): boolean {
  if (owner.pid === null || owner.token === null || owner.heartbeatAt === null) return false;
  if (now - owner.heartbeatAt > HEARTBEAT_STALE_MS) return false;
  if (owner.pid === process.pid) return liveTokens.has(owner.token);
  return isPidAlive(owner.pid);
}
