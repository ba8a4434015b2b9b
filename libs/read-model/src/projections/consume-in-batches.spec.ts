import type { RecordedEvent, Subscription, SubscriptionMessage } from '@podgate/event-store';
import { consumeInBatches } from './consume-in-batches';

const event = (n: number) => ({ id: `e${n}`, position: { commit: 1n, prepare: BigInt(n) } }) as unknown as RecordedEvent;

/** A subscription over `count` events, then caughtUp, then (live) nothing until closed. */
function fakeSubscription(count: number): Subscription & { delivered: () => number } {
  let closed = false;
  let delivered = 0;
  let wake: () => void = () => undefined;
  return {
    delivered: () => delivered,
    close: async () => {
      closed = true;
      wake();
    },
    async *[Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
      for (let n = 1; n <= count && !closed; n++) {
        delivered = n;
        yield { kind: 'event', event: event(n) };
      }
      yield { kind: 'caughtUp' };
      await new Promise<void>((resolve) => (wake = resolve));
    },
  };
}

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe('consumeInBatches', () => {
  it('writes full batches one at a time, in order, while the next batch gathers', async () => {
    const subscription = fakeSubscription(10);
    const writes: string[][] = [];
    let writingNow = 0;
    let mostAtOnce = 0;
    let deliveredWhileFirstWrote = 0;
    await consumeInBatches(subscription, {
      batchSize: 4,
      flushMs: 1000,
      onBatch: async (events) => {
        mostAtOnce = Math.max(mostAtOnce, ++writingNow);
        await tick();
        if (writes.length === 0) deliveredWhileFirstWrote = subscription.delivered();
        writes.push(events.map((e) => e.id));
        writingNow--;
      },
      onCaughtUp: () => 'stop',
    });
    expect(writes).toEqual([
      ['e1', 'e2', 'e3', 'e4'],
      ['e5', 'e6', 'e7', 'e8'],
      ['e9', 'e10'],
    ]);
    expect(mostAtOnce).toBe(1);
    // The second batch gathered during the first write, plus the one message always asked for ahead; no further.
    expect(deliveredWhileFirstWrote).toBe(9);
  });

  it('calls onCaughtUp only after every batch before it is written', async () => {
    const order: string[] = [];
    await consumeInBatches(fakeSubscription(5), {
      batchSize: 2,
      flushMs: 1000,
      onBatch: async (events) => {
        await tick();
        order.push(`write ${events.length}`);
      },
      onCaughtUp: () => {
        order.push('caught up');
        return 'stop';
      },
    });
    expect(order).toEqual(['write 2', 'write 2', 'write 1', 'caught up']);
  });

  it('throws a failed full-batch write even when no further event arrives', async () => {
    let endLive: () => void = () => undefined;
    const subscription: Subscription = {
      close: async () => endLive(),
      async *[Symbol.asyncIterator]() {
        yield { kind: 'event', event: event(1) };
        yield { kind: 'event', event: event(2) };
        await new Promise<void>((resolve) => (endLive = resolve)); // live, and nothing more happens
      },
    };
    const failing = consumeInBatches(subscription, {
      batchSize: 2,
      flushMs: 5,
      onBatch: async () => {
        await tick();
        throw new Error('read model down');
      },
    });
    await expect(failing).rejects.toThrow('read model down');
  });

  it('writes a partial batch once no event has arrived for flushMs', async () => {
    const subscription = fakeSubscription(3);
    const writes: number[] = [];
    const consuming = consumeInBatches(subscription, {
      batchSize: 100,
      flushMs: 5,
      onBatch: async (events) => {
        writes.push(events.length);
      },
    });
    await tick(50);
    expect(writes).toEqual([3]);
    await subscription.close();
    await consuming;
  });
});
