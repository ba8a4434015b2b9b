import { EventStoreUnavailableError, StreamNotFoundError } from '../event-store.errors';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { comparePositions, type GlobalPosition } from '../position';
import { BACKWARDS, END, EsdbClient, FORWARDS, START, type EsdbPosition } from './esdb-client';
import { collectRead, withDeadline } from './esdb-deadlines';
import { translateEsdbError } from './esdb-error-translation';
import {
  fromEsdbPosition,
  isVisible,
  toEsdbEvent,
  toEsdbExpectedRevision,
  toEsdbPosition,
  toRecordedEvent,
  toServerFilter,
} from './esdb-event-mapping';
import { EsdbSubscription } from './esdb-subscription';

export interface EsdbEventStoreOptions {
  /** Longest wait for an answer: a whole append, or the gap between two events of a read. */
  readonly deadlineMs?: number;
  /** Longest wait for ping(). */
  readonly pingDeadlineMs?: number;
  /** Events fetched per round trip when readAll filters on the client. */
  readonly readAllPageSize?: number;
}

const DEFAULTS = { deadlineMs: 5_000, pingDeadlineMs: 2_000, readAllPageSize: 500 } as const;

/** A user stream nobody writes: reading it proves the server answers, without needing $all rights. */
const PING_STREAM = 'podgatePing-liveness';

/**
 * The EventStoreDB adapter. SECURITY: the connection string may carry credentials; it is never put
 * in an error message or a log line.
 */
export function createEsdbEventStore(connectionString: string, options: EsdbEventStoreOptions = {}): EventStore {
  const settings = { ...DEFAULTS, ...options };
  let client: EsdbClient;
  try {
    client = EsdbClient.connectionString(withDefaultDeadline(connectionString, settings.deadlineMs));
  } catch (error) {
    throw new TypeError('invalid EventStoreDB connection string', { cause: error });
  }
  return new EsdbEventStore(client, settings);
}

/**
 * The client's own calls, such as the server-features probe it makes before the first append, wait
 * 10 s by default; ours is shorter so a dead address answers EventStoreUnavailableError quickly. An
 * explicit `defaultDeadline` in the connection string wins.
 */
function withDefaultDeadline(connectionString: string, deadlineMs: number): string {
  if (/[?&]default[-_]?deadline=/i.test(connectionString)) return connectionString;
  return `${connectionString}${connectionString.includes('?') ? '&' : '?'}defaultDeadline=${deadlineMs}`;
}

class EsdbEventStore implements EventStore {
  readonly adapter = 'esdb' as const;
  private readonly subscriptions = new Set<EsdbSubscription>();

  constructor(
    private readonly client: EsdbClient,
    private readonly settings: Required<EsdbEventStoreOptions>,
  ) {}

  async append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    // An empty append writes nothing and has no position to report.
    if (events.length === 0) throw new TypeError(`append to ${stream} needs at least one event`);
    try {
      const appended = this.client.appendToStream(stream, events.map(toEsdbEvent), {
        expectedRevision: toEsdbExpectedRevision(expected),
        deadline: this.settings.deadlineMs,
      });
      const result = await withDeadline(appended, this.settings.deadlineMs);
      // Servers before 22.x answer a retried (idempotent) append without a position.
      const position = result.position
        ? fromEsdbPosition(result.position)
        : await this.positionOf(stream, result.nextExpectedRevision);
      return { nextRevision: result.nextExpectedRevision, position };
    } catch (error) {
      throw translateEsdbError(error, { stream, expected });
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    try {
      const read = this.client.readStream(stream, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.from ?? (backwards ? END : START),
        maxCount: options.maxCount,
      });
      const resolved = await collectRead(read, this.settings.deadlineMs);
      return resolved.map((item) => {
        const event = toRecordedEvent(item);
        if (!event)
          throw new TypeError(`stream ${stream} holds an event podgate did not write: ${item.event?.id ?? 'a broken link'}`);
        return event;
      });
    } catch (error) {
      throw translateEsdbError(error, { stream });
    }
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    await this.scanAll(options, (event) => events.push(event));
    return events;
  }

  async countAll(options: ReadAllOptions & { readonly maxCount: number }): Promise<number> {
    let count = 0;
    await this.scanAll(options, () => count++);
    return count;
  }

  /**
   * Calls `visit` for each event readAll returns, at most maxCount times. The 6.x client cannot
   * filter a one-shot read of $all on the server, so this pages through $all and filters here: the
   * cost grows with the log after `fromPosition`, not with the number of matches.
   */
  private async scanAll(options: ReadAllOptions, visit: (event: RecordedEvent) => void): Promise<void> {
    const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
    const pageSize = Math.max(2, this.settings.readAllPageSize);
    let visited = 0;
    // Our fromPosition is exclusive (a checkpoint); the server's is inclusive, and so is each page's
    // start, which is the last event of the page before: skip everything at or before `after`.
    let after: GlobalPosition | undefined = options.fromPosition;
    try {
      while (visited < maxCount) {
        const from: EsdbPosition | typeof START = after ? toEsdbPosition(after) : START;
        const page = await collectRead(this.client.readAll({ fromPosition: from, maxCount: pageSize }), this.settings.deadlineMs);
        const pageStart = after;
        for (const item of page) {
          const position = item.event?.position;
          if (!position) continue;
          if (after && comparePositions(fromEsdbPosition(position), after) <= 0) continue;
          after = fromEsdbPosition(position);
          const event = toRecordedEvent(item);
          if (!event || !isVisible(event, options.filter)) continue;
          visit(event);
          if (++visited >= maxCount) break;
        }
        if (page.length < pageSize || after === pageStart) break;
      }
    } catch (error) {
      throw translateEsdbError(error);
    }
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    try {
      const source = this.client.subscribeToAll({
        fromPosition: options.fromPosition ? toEsdbPosition(options.fromPosition) : START,
        filter: toServerFilter(options.filter),
      });
      const subscription: EsdbSubscription = new EsdbSubscription(source, {
        after: options.fromPosition,
        filter: options.filter,
        confirmWithinMs: this.settings.deadlineMs,
        onClosed: () => this.subscriptions.delete(subscription),
      });
      this.subscriptions.add(subscription);
      return subscription;
    } catch (error) {
      throw translateEsdbError(error);
    }
  }

  async ping(): Promise<void> {
    try {
      await collectRead(this.client.readStream(PING_STREAM, { maxCount: 1 }), this.settings.pingDeadlineMs);
    } catch (error) {
      const translated = translateEsdbError(error, { stream: PING_STREAM });
      if (translated instanceof StreamNotFoundError) return;
      throw translated instanceof EventStoreUnavailableError
        ? translated
        : new EventStoreUnavailableError('ping failed', { cause: translated });
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  private async positionOf(stream: string, revision: bigint): Promise<GlobalPosition> {
    const [event] = await this.readStream(stream, { from: revision, maxCount: 1 });
    if (!event) throw new EventStoreUnavailableError(`append to ${stream} reported revision ${revision}, which cannot be read`);
    return event.position;
  }
}
