import { join } from 'node:path';
import type { EventStoreConfig, PodgateConfig, ReadModelConfig } from '@podgate/config';
import { checkedEventStore, createEsdbEventStore, type EventStore, openPostgresEventStore } from '@podgate/event-store';
import { migrateReadModel, type Projection, type RunnerLogger } from '@podgate/read-model';
import { lentClient, PgPoolClient, PGliteClient, type SqlClient } from '@podgate/sql';
import { lockDataDir } from './data-dir-lock';
import { eventTypeRegistry } from './event-types';
import { ProjectionSupervisor } from './projection-supervisor';
import { ALL_PROJECTIONS } from './projections';

/** The stores and projections of one podgate process, opened from its configuration. */
export interface Runtime {
  readonly config: PodgateConfig;
  /** Appends are checked against every registered event definition (event-types.ts) before anything is written. */
  readonly eventStore: EventStore;
  readonly readModel: SqlClient;
  readonly projections: ProjectionSupervisor;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  readonly logger?: RunnerLogger & { error(object: object, message: string): void };
  readonly projections?: readonly Projection[];
}

export async function openRuntime(config: PodgateConfig, options: RuntimeOptions = {}): Promise<Runtime> {
  const closers: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
  };
  try {
    const onError = (error: Error) => options.logger?.error({ err: error }, 'database connection error');
    const embedded = await openEmbedded(config, closers);
    const sqlFor = (store: EventStoreConfig | ReadModelConfig): SqlClient =>
      store.kind === 'postgres'
        ? new PgPoolClient({ connectionString: store.url, max: store.poolMax, onError })
        : lentClient(embedded!); // openEmbedded opened it: some store is embedded
    const readModel = sqlFor(config.readModel);
    closers.push(() => readModel.close());
    const adapter =
      config.eventStore.kind === 'esdb'
        ? createEsdbEventStore(config.eventStore.connectionString)
        : await openPostgresEventStore(sqlFor(config.eventStore));
    closers.push(() => adapter.close());
    const eventStore = checkedEventStore(adapter, eventTypeRegistry());

    const projections = options.projections ?? ALL_PROJECTIONS;
    await migrateReadModel(readModel, projections);
    const supervisor = new ProjectionSupervisor(eventStore, readModel, projections, options.logger);
    closers.push(() => supervisor.stop());
    return { config, eventStore, readModel, projections: supervisor, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/** One PGlite for everything embedded: it is one process's database, locked to this process. */
async function openEmbedded(config: PodgateConfig, closers: (() => Promise<void>)[]): Promise<SqlClient | undefined> {
  const dataDir =
    config.eventStore.kind === 'embedded'
      ? config.eventStore.dataDir
      : config.readModel.kind === 'embedded'
        ? config.readModel.dataDir
        : undefined;
  if (dataDir === undefined) return undefined;
  const unlock = await lockDataDir(dataDir);
  closers.push(unlock);
  const sql = await PGliteClient.open(join(dataDir, 'pglite'));
  closers.push(() => sql.close());
  return sql;
}
