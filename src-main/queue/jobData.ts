/** What a chunk job carries: the task as exact JSON, and who asked (for the worker's log). */
export interface ChunkJobData {
  /** encodeTask(task) */
  task: string;
  /** The run's UUID. */
  run: string;
  /** The chunk's checkpoint key. */
  key: string;
}

/** A worker's announcement in the registry. */
export interface WorkerAnnouncement {
  host: string;
  pid: number;
  threads: number;
  iterationsPerSecond: number;
}

/** The failure reason of a job its coordinator cancelled (it is retried, not reported, if re-added). */
export const CANCELLED_REASON = 'cancelled by its coordinator';
