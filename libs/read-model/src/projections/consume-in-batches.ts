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

/**
 * Groups a subscription's events into batches: full ones during catch-up (throughput), and small
 * ones once live (latency). One batch is written at a time, so the consumer's pace backpressures the
 * subscription.
 */
export async function consumeInBatches(subscription: Subscription, options: BatchingOptions): Promise<void> {
  const iterator = subscription[Symbol.asyncIterator]();
  let buffer: RecordedEvent[] = [];
  const flush = async () => {
    if (buffer.length === 0) return;
    const batch = buffer;
    buffer = [];
    await options.onBatch(batch);
  };
  let next = iterator.next();
  try {
    await consume();
  } finally {
    // The read ahead may still be running: close, then wait for it, so nothing outlives us.
    await subscription.close();
    await next.catch(() => undefined);
  }

  async function consume(): Promise<void> {
    for (;;) {
      const result = buffer.length === 0 ? await next : await raceIdle(next, options.flushMs);
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
      if (buffer.length >= options.batchSize) await flush();
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
