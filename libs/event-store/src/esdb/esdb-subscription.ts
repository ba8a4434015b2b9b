import { EventStoreUnavailableError } from '../event-store.errors';
import type { EventFilter, Subscription, SubscriptionMessage } from '../event-store.port';
import { comparePositions, type GlobalPosition } from '../position';
import type { AllStreamResolvedEvent, AllStreamSubscription } from './esdb-client';
import { translateEsdbError } from './esdb-error-translation';
import { isVisible, toRecordedEvent } from './esdb-event-mapping';

/** Stands in the client's stream for the moment the server said "caught up". */
const CAUGHT_UP = Symbol('caughtUp');

export interface EsdbSubscriptionOptions {
  /** Exclusive checkpoint: nothing at or before it is delivered, whatever the server sends. */
  readonly after?: GlobalPosition;
  /** Re-checked here for what the server filter could not express (see toServerFilter). */
  readonly filter?: EventFilter;
  /** The server confirms a subscription first thing; silence for this long means it is not answering. */
  readonly confirmWithinMs?: number;
  readonly onClosed?: () => void;
}

/**
 * The port's Subscription over the client's catch-up subscription to $all.
 *
 * Pull-based: an event is taken from the client's stream only when the consumer asks for the next
 * one. The client's stream then fills to its high-water mark, stops reading the gRPC call, and
 * HTTP/2 flow control holds the server back: that chain is the backpressure.
 *
 * Caught-up: the 6.x client does not put the server's `caught_up` message in the stream; it emits a
 * 'caughtUp' event on the stream object, synchronously while handling that message, after it has
 * pushed every event that came before. Pushing a marker into the stream at that moment therefore
 * places it exactly after the last historical event, even when the consumer is still behind.
 * (EventStoreDB sends `caught_up` from 23.10 on; older servers never do.)
 */
export class EsdbSubscription implements Subscription {
  private closed = false;
  private ended = false;
  private failure: unknown;
  private caughtUpDelivered = false;
  private wake: (() => void) | undefined;
  private after: GlobalPosition | undefined;
  private readonly confirmationTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly source: AllStreamSubscription,
    private readonly options: EsdbSubscriptionOptions = {},
  ) {
    this.after = options.after;
    source.on('caughtUp', () => source.push(CAUGHT_UP));
    source.on('readable', () => this.notify());
    source.on('end', () => {
      this.ended = true;
      this.notify();
    });
    source.on('error', (error: Error) => {
      this.failure ??= error;
      this.notify();
    });
    if (options.confirmWithinMs !== undefined) {
      const ms = options.confirmWithinMs;
      this.confirmationTimer = setTimeout(() => {
        this.failure ??= new EventStoreUnavailableError(`no subscription confirmation within ${ms} ms`);
        this.notify();
      }, ms).unref();
      source.once('confirmation', () => clearTimeout(this.confirmationTimer));
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    try {
      for (;;) {
        const chunk = await this.next();
        if (chunk === undefined) return;
        if (chunk === CAUGHT_UP) {
          if (!this.caughtUpDelivered) yield { kind: 'caughtUp' };
          this.caughtUpDelivered = true;
          continue;
        }
        const event = toRecordedEvent(chunk);
        if (!event) continue;
        if (this.after && comparePositions(event.position, this.after) <= 0) continue;
        this.after = event.position;
        if (isVisible(event, this.options.filter)) yield { kind: 'event', event };
      }
    } finally {
      // A consumer that stops iterating (break, throw) is done with the subscription.
      await this.close();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.confirmationTimer);
    this.notify();
    this.options.onClosed?.();
    await this.source.unsubscribe().catch(() => undefined);
    this.source.destroy();
  }

  /** The next chunk of the client's stream, waiting for one; undefined once closed. */
  private async next(): Promise<AllStreamResolvedEvent | typeof CAUGHT_UP | undefined> {
    for (;;) {
      if (this.closed) return undefined;
      if (this.failure !== undefined) throw translateEsdbError(this.failure);
      const chunk: unknown = this.source.read();
      if (chunk !== null) return chunk === CAUGHT_UP ? CAUGHT_UP : (chunk as AllStreamResolvedEvent);
      // A catch-up subscription has no natural end; the server ending it is an outage.
      if (this.ended) throw new EventStoreUnavailableError('the server ended the subscription');
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
