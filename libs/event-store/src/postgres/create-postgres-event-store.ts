import { migrate, PgPoolClient, PGliteClient, type SqlClient } from '@podgate/sql';
import { EventStoreUnavailableError } from '../event-store.errors';
import { EVENT_STORE_MIGRATIONS } from './event-store.schema';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';

/** Applies the event-log schema to `sql` (idempotent) and returns the store on it. */
export async function openPostgresEventStore(sql: SqlClient, options?: PostgresEventStoreOptions): Promise<PostgresEventStore> {
  try {
    await migrate(sql, 'event-store', EVENT_STORE_MIGRATIONS);
  } catch (error) {
    await sql.close().catch(() => undefined);
    throw new EventStoreUnavailableError(`cannot prepare the event log: ${(error as Error).message}`, { cause: error });
  }
  return new PostgresEventStore(sql, options);
}

export const connectPostgresEventStore = (connectionString: string, options?: PostgresEventStoreOptions & { poolMax?: number }) =>
  openPostgresEventStore(new PgPoolClient({ connectionString, max: options?.poolMax }), options);

/** The embedded default: PGlite in `dataDir`, or in memory when none is given (tests). */
export const openEmbeddedEventStore = async (dataDir?: string, options?: PostgresEventStoreOptions) =>
  openPostgresEventStore(await PGliteClient.open(dataDir), options);
