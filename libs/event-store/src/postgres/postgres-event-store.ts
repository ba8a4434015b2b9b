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
import { EVENT_COLUMNS, type EventRow, toRecordedEvent } from './event-rows';
import { AppendedListeners } from './appended-listeners';
import { type AppendedNotifier, createAppendedNotifier } from './appended-notifier';
import { PollingSubscription } from './postgres-subscription';

export interface PostgresEventStoreOptions {
  readonly subscriptionBatchSize?: number;
  readonly subscriptionIdleMs?: number;
}

/** The event store on PostgreSQL: a server through `pg`, or PGlite in this process. Same SQL for both. */
export class PostgresEventStore implements EventStore {
  readonly adapter;
  private readonly listeners: AppendedListeners;
  private readonly notifier: AppendedNotifier;

  constructor(
    private readonly sql: SqlClient,
    private readonly options: PostgresEventStoreOptions = {},
  ) {
    this.adapter = sql.kind;
    this.listeners = new AppendedListeners(sql, APPENDED_CHANNEL);
    this.notifier = createAppendedNotifier(sql, this.listeners, APPENDED_CHANNEL);
  }

  append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return this.translate(
      stream,
      async () => {
        const { rows } = await this.sql.query<{ next_revision: string; commit_position: string; prepare_position: string }>(
          'SELECT next_revision::text, commit_position, prepare_position::text FROM es_append($1, $2, $3, $4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[])',
          [
            stream,
            categoryOf(stream),
            typeof expected === 'bigint' ? expected.toString() : expected,
            events.map((e) => e.id),
            events.map((e) => e.type),
            events.map((e) => JSON.stringify(e.data)),
            events.map((e) => JSON.stringify(e.metadata)),
          ],
        );
        const [row] = rows;
        this.notifier.notify();
        return {
          nextRevision: BigInt(row.next_revision),
          position: { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) },
        };
      },
      expected,
    );
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
    return new PollingSubscription(this, options, {
      batchSize: this.options.subscriptionBatchSize ?? 500,
      idleMs: this.options.subscriptionIdleMs ?? 250,
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
