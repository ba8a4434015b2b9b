import type { EventMetadata } from '@podgate/kernel';
import type { GlobalPosition } from './position';

/** Optimistic concurrency: what the writer believes about the stream before appending. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** Event data is plain JSON; permanent `type` names are never class names. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface NewEvent<TData extends JsonValue = JsonValue> {
  /** Caller-given UUID; re-appending the same ids with the same expectation is a no-op. */
  readonly id: string;
  readonly type: string;
  readonly data: TData;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent<TData extends JsonValue = JsonValue> extends NewEvent<TData> {
  readonly stream: string;
  /** 0-based position of the event in its stream. */
  readonly revision: bigint;
  readonly position: GlobalPosition;
  /** When the store wrote it (the store's clock). */
  readonly recordedAt: Date;
}

export interface AppendResult {
  /** Revision of the last event written: the expected revision for the next append. */
  readonly nextRevision: bigint;
  /** Global position of the last event written. */
  readonly position: GlobalPosition;
}

export interface ReadStreamOptions {
  /** First revision to read (inclusive). Default: the start, or the end when reading backwards. */
  readonly from?: bigint;
  readonly direction?: 'forwards' | 'backwards';
  readonly maxCount?: number;
}

/** Both lists are alternatives (OR); given both, an event must match both (AND). */
export interface EventFilter {
  readonly categories?: readonly string[];
  readonly eventTypes?: readonly string[];
}

export interface ReadAllOptions {
  /** Exclusive: the position of the last event already seen (a checkpoint). Omit for the start. */
  readonly fromPosition?: GlobalPosition;
  readonly filter?: EventFilter;
  readonly maxCount?: number;
}

export type SubscriptionMessage =
  | { readonly kind: 'event'; readonly event: RecordedEvent }
  /** Every event that existed when the subscription started has been delivered; live from now. */
  | { readonly kind: 'caughtUp' };

/**
 * A catch-up subscription to the global log. Pull-based: the next event is read only when the
 * consumer asks for it, which is the backpressure. Resume by subscribing from the last position
 * the consumer checkpointed.
 */
export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  close(): Promise<void>;
}

export interface SubscribeOptions {
  readonly fromPosition?: GlobalPosition;
  readonly filter?: EventFilter;
}

export type EventStoreAdapterName = 'pglite' | 'postgres' | 'esdb';

/**
 * The port every adapter implements and the contract suite checks (`testing/`). Adapters translate
 * driver errors into StreamVersionConflictError, StreamNotFoundError and EventStoreUnavailableError;
 * nothing else escapes.
 */
export interface EventStore {
  readonly adapter: EventStoreAdapterName;
  append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Throws StreamNotFoundError when the stream has no events. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** User events only, in global order; never system events of the underlying store. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeOptions): Subscription;
  /** How many events readAll would return, counting at most `maxCount` (lag reporting). */
  countAll(options: ReadAllOptions & { readonly maxCount: number }): Promise<number>;
  /** Resolves when the store answers; throws EventStoreUnavailableError otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Nest injection token for the configured EventStore. */
export const EVENT_STORE = Symbol('EVENT_STORE');
