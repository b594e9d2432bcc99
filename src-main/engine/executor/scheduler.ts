import type { ChunkRunner, ChunkRunOptions, RunnerStatus } from '../chunkRunner';
import type { KernelChunkResult, KernelTask } from '../tasks';

/** One chunk handed to the runner, with where its outcome goes. */
export interface Dispatch {
  task: KernelTask;
  options: ChunkRunOptions;
  onDone(result: KernelChunkResult | null): void;
  onError(error: unknown): void;
}

/** A run as the scheduler sees it: a queue of chunks that may be empty for now. */
export interface SchedulerClient {
  take(): Dispatch | null;
}

/**
 * Shares the runner between the runs executing at once: never more chunks in flight than its
 * capacity (so no run's chunks pile up in a queue ahead of another's), and each free slot goes to the next run in turn that has a chunk ready. The runs form a rotation: a run
 * that was just served goes to the back, a newly arrived run joins at the front.
 */
export class FairScheduler {
  private readonly rotation: SchedulerClient[] = [];
  private inFlight = 0;

  constructor(private readonly runner: ChunkRunner) {}

  /** The runner's report on its workers, if it makes one. */
  runnerStatus(): RunnerStatus {
    return this.runner.status?.() ?? {};
  }

  add(client: SchedulerClient): void {
    this.rotation.unshift(client);
    this.pump();
  }

  remove(client: SchedulerClient): void {
    const k = this.rotation.indexOf(client);
    if (k >= 0) this.rotation.splice(k, 1);
  }

  /** Fill free workers; called whenever a run arrives, a chunk ends or a run has new chunks. */
  pump(): void {
    while (this.inFlight < this.runner.capacity) {
      const dispatch = this.takeInTurn();
      if (!dispatch) return;
      this.inFlight++;
      this.runner.run(dispatch.task, dispatch.options).then(
        (result) => this.settle(() => dispatch.onDone(result)),
        (error: unknown) => this.settle(() => dispatch.onError(error)),
      );
    }
  }

  private settle(deliver: () => void): void {
    this.inFlight--;
    try {
      deliver();
    } finally {
      this.pump();
    }
  }

  private takeInTurn(): Dispatch | null {
    // A snapshot: a run may leave the rotation while being asked (it fails as it plans a chunk).
    for (const client of [...this.rotation]) {
      const dispatch = client.take();
      if (!dispatch) continue;
      const k = this.rotation.indexOf(client);
      if (k >= 0) this.rotation.push(...this.rotation.splice(k, 1));
      return dispatch;
    }
    return null;
  }
}
