import { isDatabaseUnavailable, type SqlClient } from '@podgate/sql';
import type {
  AppendResult,
  EventFilter,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { EventStoreUnavailableError, StreamNotFoundError, StreamVersionConflictError } from '../event-store.errors';
import { categoryOf } from '../stream-name';
import { APPENDED_CHANNEL, WRONG_EXPECTED_VERSION_SQLSTATE } from './append-function.sql';
import { AppendBatcher, type PendingAppend } from './append-batcher';
import { EVENT_COLUMNS, type EventRow, toRecordedEvent } from './event-rows';
import { AppendedListeners } from './appended-listeners';
import { type AppendedNotifier, createAppendedNotifier } from './appended-notifier';
import { PollingSubscription } from './postgres-subscription';

export interface PostgresEventStoreOptions {
  readonly subscriptionBatchSize?: number;
  readonly subscriptionIdleMs?: number;
  /** Live subscriptions read at most this often (default 25 ms, at most subscriptionIdleMs); see PollingOptions. */
  readonly subscriptionMinReadIntervalMs?: number;
  /** Append batches written at once (group commit, see append-batcher.ts); default 1. */
  readonly appendBatchesInFlight?: number;
  /** Appends per batch at most; default 128. */
  readonly maxAppendsPerBatch?: number;
}

interface AppendRow {
  next_revision: string;
  commit_position: string;
  prepare_position: string;
}

interface BatchAppendRow extends AppendRow {
  conflict_revision: string | null;
  conflict_message: string | null;
}

/** The event store on PostgreSQL: a server through `pg`, or PGlite in this process. Same SQL for both. */
export class PostgresEventStore implements EventStore {
  readonly adapter;
  private readonly listeners: AppendedListeners;
  private readonly notifier: AppendedNotifier;
  private readonly batcher: AppendBatcher;

  constructor(
    private readonly sql: SqlClient,
    private readonly options: PostgresEventStoreOptions = {},
  ) {
    this.adapter = sql.kind;
    this.listeners = new AppendedListeners(sql, APPENDED_CHANNEL);
    this.notifier = createAppendedNotifier(sql, this.listeners, APPENDED_CHANNEL);
    this.batcher = new AppendBatcher((batch) => this.writeBatch(batch), {
      maxInFlight: options.appendBatchesInFlight ?? 1,
      maxBatch: options.maxAppendsPerBatch ?? 128,
    });
  }

  /** Resolves once the events are committed: alone, or in one transaction with concurrent appends. */
  append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    // An empty append stays on its own: es_append's answer for it reads this session's sequence.
    return events.length === 0 ? this.appendAlone(stream, events, expected) : this.batcher.append(stream, events, expected);
  }

  private appendAlone(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return this.translate(
      stream,
      async () => {
        const { rows } = await this.sql.query<AppendRow>(
          'SELECT next_revision::text, commit_position, prepare_position::text FROM es_append($1, $2, $3, $4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[])',
          [
            stream,
            categoryOf(stream),
            expectationText(expected),
            events.map((e) => e.id),
            events.map((e) => e.type),
            events.map((e) => JSON.stringify(e.data)),
            events.map((e) => JSON.stringify(e.metadata)),
          ],
        );
        this.notifier.notify();
        return appendResultOf(rows[0]);
      },
      expected,
    );
  }

  /** Settles every append of the batch; see AppendBatcher. */
  private async writeBatch(batch: PendingAppend[]): Promise<void> {
    if (batch.length === 1) {
      const [only] = batch;
      return this.appendAlone(only.stream, only.events, only.expected).then(only.resolve, only.reject);
    }
    // By stream (stable, so one stream's appends keep their order): every batch locks streams in
    // the same order, so two batches in flight cannot deadlock.
    const ordered = [...batch].sort((a, b) => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0));
    const events = ordered.flatMap((pending) => pending.events);
    let rows: BatchAppendRow[];
    try {
      ({ rows } = await this.sql.query<BatchAppendRow>(
        `SELECT next_revision::text, commit_position, prepare_position::text, conflict_revision::text, conflict_message
           FROM es_append_batch($1, $2, $3, $4::int[], $5::uuid[], $6::text[], $7::jsonb[], $8::jsonb[])`,
        [
          ordered.map((p) => p.stream),
          ordered.map((p) => categoryOf(p.stream)),
          ordered.map((p) => expectationText(p.expected)),
          ordered.map((p) => p.events.length),
          events.map((e) => e.id),
          events.map((e) => e.type),
          events.map((e) => JSON.stringify(e.data)),
          events.map((e) => JSON.stringify(e.metadata)),
        ],
      ));
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        const unavailable = new EventStoreUnavailableError((error as Error).message, { cause: error });
        return ordered.forEach((pending) => pending.reject(unavailable));
      }
      // Nothing was committed (one statement): each append alone, so only a bad one (say, an id
      // that is no UUID) fails, with its own error. One after another, in the batch's order, so
      // appends to one stream keep their order and a bad batch does not open 128 transactions at once.
      for (const p of ordered) await this.appendAlone(p.stream, p.events, p.expected).then(p.resolve, p.reject);
      return;
    }
    this.notifier.notify();
    ordered.forEach((pending, i) => {
      const row = rows[i];
      if (row.conflict_message === null) return pending.resolve(appendResultOf(row));
      const actual = BigInt(row.conflict_revision ?? '-1');
      pending.reject(
        new StreamVersionConflictError(pending.stream, pending.expected, actual < 0n ? 'no_stream' : actual, {
          cause: new Error(row.conflict_message),
        }),
      );
    });
  }

  readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.translate(stream, async () => {
      const backwards = options.direction === 'backwards';
      const params: unknown[] = [stream];
      let where = 'stream_id = $1';
      if (options.from !== undefined) {
        params.push(options.from.toString());
        where += ` AND stream_revision ${backwards ? '<=' : '>='} $2`;
      }
      params.push(options.maxCount ?? null);
      // The column, not EVENT_COLUMNS' text alias of the same name: ordered as text, 10 sorts before 2.
      const { rows } = await this.sql.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM es_events WHERE ${where}
          ORDER BY es_events.stream_revision ${backwards ? 'DESC' : 'ASC'} LIMIT $${params.length}`,
        params,
      );
      if (rows.length === 0 && !(await this.streamExists(stream))) throw new StreamNotFoundError(stream);
      return rows.map(toRecordedEvent);
    });
  }

  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.translate('$all', async () => {
      const { where, params } = allQuery(options);
      params.push(options.maxCount ?? null);
      const { rows } = await this.sql.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM es_events WHERE ${where}
          ORDER BY transaction_id, global_position LIMIT $${params.length}`,
        params,
      );
      return rows.map(toRecordedEvent);
    });
  }

  countAll(options: ReadAllOptions & { readonly maxCount: number }): Promise<number> {
    return this.translate('$all', async () => {
      const { where, params } = allQuery(options);
      params.push(options.maxCount);
      const { rows } = await this.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM es_events WHERE ${where} LIMIT $${params.length}) behind`,
        params,
      );
      return Number(rows[0].n);
    });
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    const idleMs = this.options.subscriptionIdleMs ?? 250;
    return new PollingSubscription(this, options, {
      batchSize: this.options.subscriptionBatchSize ?? 500,
      idleMs,
      minReadIntervalMs: Math.min(this.options.subscriptionMinReadIntervalMs ?? 25, idleMs),
      onAppended: (wake) => this.listeners.add(wake),
    });
  }

  ping(): Promise<void> {
    return this.translate('$all', async () => {
      await this.sql.query('SELECT 1');
    });
  }

  async close(): Promise<void> {
    await this.notifier.settled();
    await this.listeners.close();
    await this.sql.close();
  }

  private async streamExists(stream: string): Promise<boolean> {
    const { rows } = await this.sql.query<{ revision: string }>('SELECT revision::text FROM es_streams WHERE stream_id = $1', [
      stream,
    ]);
    return rows.length > 0 && BigInt(rows[0].revision) >= 0n;
  }

  /** Driver errors never leave the adapter: they become the port's own errors. */
  private async translate<T>(stream: string, work: () => Promise<T>, expected?: ExpectedRevision): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === WRONG_EXPECTED_VERSION_SQLSTATE) {
        const actual = BigInt((error as { detail?: string }).detail ?? '-1');
        throw new StreamVersionConflictError(stream, expected ?? 'any', actual < 0n ? 'no_stream' : actual, { cause: error });
      }
      if (isDatabaseUnavailable(error)) throw new EventStoreUnavailableError((error as Error).message, { cause: error });
      throw error;
    }
  }
}

const expectationText = (expected: ExpectedRevision): string => (typeof expected === 'bigint' ? expected.toString() : expected);

const appendResultOf = (row: AppendRow): AppendResult => ({
  nextRevision: BigInt(row.next_revision),
  position: { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) },
});

/** The global-order scan: after a position, only what no running transaction can precede (see the schema). */
function allQuery(options: ReadAllOptions): { where: string; params: unknown[] } {
  const from = options.fromPosition ?? { commit: 0n, prepare: 0n };
  const params: unknown[] = [from.commit.toString(), from.prepare.toString()];
  const where = [
    '(transaction_id, global_position) > ($1::xid8, $2::bigint)',
    'transaction_id < pg_snapshot_xmin(pg_current_snapshot())',
    ...filterClauses(options.filter, params),
  ];
  return { where: where.join(' AND '), params };
}

function filterClauses(filter: EventFilter | undefined, params: unknown[]): string[] {
  const clauses: string[] = [];
  if (filter?.categories?.length) {
    params.push(filter.categories);
    clauses.push(`category = ANY ($${params.length}::text[])`);
  }
  if (filter?.eventTypes?.length) {
    params.push(filter.eventTypes);
    clauses.push(`type = ANY ($${params.length}::text[])`);
  }
  return clauses;
}
