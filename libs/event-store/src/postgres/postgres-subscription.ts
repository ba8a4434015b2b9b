import type { EventStore, RecordedEvent, SubscribeOptions, Subscription, SubscriptionMessage } from '../event-store.port';
import type { GlobalPosition } from '../position';

export interface PollingOptions {
  readonly batchSize: number;
  /** Longest wait between reads when no NOTIFY arrives (a NOTIFY can precede visibility: see schema). */
  readonly idleMs: number;
  /**
   * Once live, reads start at least this far apart, however often appends wake the subscription:
   * events appended meanwhile come in one read (and one projection batch). A first append after a
   * quiet spell is read at once.
   */
  readonly minReadIntervalMs?: number;
  /** Registers a wake-up callback for appends; resolves to its removal. */
  readonly onAppended: (wake: () => void) => Promise<() => Promise<void>>;
}

/**
 * A catch-up subscription over readAll: reads a batch after the last delivered position, yields it
 * one event at a time (the consumer's pace is the backpressure), and when a read comes back short it
 * says caughtUp once and then sleeps until an append is notified or idleMs passes.
 */
export class PollingSubscription implements Subscription {
  private closed = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly store: Pick<EventStore, 'readAll'>,
    private readonly subscribe: SubscribeOptions,
    private readonly options: PollingOptions,
  ) {}

  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    let position: GlobalPosition | undefined = this.subscribe.fromPosition;
    let caughtUp = false;
    let pending: boolean; // an append was notified during the last read: read again before sleeping
    const stopListening = await this.options.onAppended(() => {
      pending = true;
      this.wake?.();
    });
    try {
      let lastReadAt = Number.NEGATIVE_INFINITY;
      let full = false;
      while (!this.closed) {
        // Woken per append, each of a process's subscriptions read per append: under load, reads
        // (and the projections' transactions behind them) outnumbered the appends several times.
        const wait = caughtUp && !full ? lastReadAt + (this.options.minReadIntervalMs ?? 0) - Date.now() : 0;
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        if (this.closed) return;
        pending = false;
        lastReadAt = Date.now();
        const batch = await this.readAfter(position);
        if (batch === undefined) return;
        for (const event of batch) {
          if (this.closed) return;
          yield { kind: 'event', event };
          position = event.position;
        }
        full = batch.length >= this.options.batchSize;
        if (full) continue;
        if (!caughtUp) {
          caughtUp = true;
          yield { kind: 'caughtUp' };
        }
        if (!pending && !this.closed) await this.sleep();
      }
    } finally {
      await stopListening();
    }
  }

  /** A read that fails because we were closed meanwhile ends the subscription quietly. */
  private async readAfter(position: GlobalPosition | undefined): Promise<RecordedEvent[] | undefined> {
    try {
      return await this.store.readAll({
        fromPosition: position,
        filter: this.subscribe.filter,
        maxCount: this.options.batchSize,
      });
    } catch (error) {
      if (this.closed) return undefined;
      throw error;
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.options.idleMs);
      const wake = () => done();
      this.wake = wake;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }
}
