import type { AppendResult, ExpectedRevision, NewEvent } from '../event-store.port';

/** One caller's append, waiting for the batch that carries it. */
export interface PendingAppend {
  readonly stream: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

export interface AppendBatcherOptions {
  /** Batches written at the same time; the next one gathers meanwhile. */
  readonly maxInFlight: number;
  /** Appends per batch at most. */
  readonly maxBatch: number;
}

/**
 * Group commit for appends: an append waits only while `maxInFlight` batches are being written, and
 * everything that arrived meanwhile goes out together in the next one (one statement, one
 * transaction, one WAL flush). An append alone is written at once, so a quiet store keeps its
 * latency; a busy one pays a commit per batch instead of per append (server actions: two appends
 * each, ~1 ms of PostgreSQL CPU per commit, were the gateway's ceiling).
 * `write` settles every append of its batch (resolve or reject each) and never rejects itself.
 */
export class AppendBatcher {
  private queue: PendingAppend[] = [];
  private inFlight = 0;

  constructor(
    private readonly write: (batch: PendingAppend[]) => Promise<void>,
    private readonly options: AppendBatcherOptions,
  ) {}

  append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ stream, events, expected, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.length <= this.options.maxBatch ? this.queue : this.queue.slice(0, this.options.maxBatch);
      this.queue = batch === this.queue ? [] : this.queue.slice(this.options.maxBatch);
      this.inFlight += 1;
      void this.write(batch)
        .catch((error: unknown) => batch.forEach((pending) => pending.reject(error)))
        .finally(() => {
          this.inFlight -= 1;
          this.drain();
        });
    }
  }
}
