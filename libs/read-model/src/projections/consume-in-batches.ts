import type { RecordedEvent, Subscription, SubscriptionMessage } from '@podgate/event-store';

export interface BatchingOptions {
  readonly batchSize: number;
  /** A partial batch is written once no further event has arrived for this long. */
  readonly flushMs: number;
  readonly onBatch: (events: RecordedEvent[]) => Promise<void>;
  /** Called at caught-up, after the batch before it was written; return 'stop' to end (rebuilds). */
  readonly onCaughtUp?: () => 'stop' | void;
}

const IDLE = Symbol('idle');
const WRITTEN = Symbol('written');

/**
 * Groups a subscription's events into batches: full ones during catch-up (throughput), and small
 * ones once live (latency). One batch is written at a time, in order. While a full batch is being
 * written the next one is read and gathered, so a catch-up overlaps reading with writing; at most
 * that one batch is held ahead, so the consumer's pace still backpressures the subscription. A
 * partial batch (idle, caught up, the end) is written and waited for before anything else happens.
 */
export async function consumeInBatches(subscription: Subscription, options: BatchingOptions): Promise<void> {
  const iterator = subscription[Symbol.asyncIterator]();
  let buffer: RecordedEvent[] = [];
  /** The full batch being written while the next one gathers; it resolves to WRITTEN, or rejects. */
  let writing: Promise<typeof WRITTEN> | undefined;
  const startWrite = async () => {
    await writing;
    writing = undefined;
    if (buffer.length === 0) return;
    const batch = buffer;
    buffer = [];
    writing = options.onBatch(batch).then(() => WRITTEN);
    writing.catch(() => undefined); // thrown where it is next awaited, never unhandled
  };
  const flush = async () => {
    await startWrite();
    await writing;
    writing = undefined;
  };
  let next = iterator.next();
  try {
    await consume();
  } finally {
    // The read ahead and a write may still be running: close, then wait for both, so nothing outlives us.
    await subscription.close();
    await next.catch(() => undefined);
    await writing?.catch(() => undefined);
  }

  async function consume(): Promise<void> {
    for (;;) {
      // While a batch is being written, idleness cannot flush anything: wait for an event or the write.
      const result = writing
        ? await Promise.race([next, writing])
        : buffer.length === 0
          ? await next
          : await raceIdle(next, options.flushMs);
      if (result === WRITTEN) {
        writing = undefined;
        continue;
      }
      if (result === IDLE) {
        await flush();
        continue;
      }
      if (result.done) break;
      next = iterator.next();
      const message: SubscriptionMessage = result.value;
      if (message.kind === 'caughtUp') {
        await flush();
        if (options.onCaughtUp?.() === 'stop') break;
        continue;
      }
      buffer.push(message.event);
      if (buffer.length >= options.batchSize) await startWrite();
    }
    await flush();
  }
}

async function raceIdle<T>(promise: Promise<T>, ms: number): Promise<T | typeof IDLE> {
  let timer: NodeJS.Timeout | undefined;
  const idle = new Promise<typeof IDLE>((resolve) => (timer = setTimeout(() => resolve(IDLE), ms)));
  try {
    return await Promise.race([promise, idle]);
  } finally {
    clearTimeout(timer);
  }
}
