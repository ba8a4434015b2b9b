import { type EventStore, openPostgresEventStore } from '@podgate/event-store';
import type { RequestContext } from '@podgate/kernel';
import { podsProjection } from '@podgate/pods';
import { migrateReadModel, ProjectionRunner } from '@podgate/read-model';
import { PGliteClient, type SqlClient } from '@podgate/sql';
import { FlavorWriter } from '../commands/flavor-writer';
import type { FlavorsWriteOptions } from '../commands/flavors-write.options';
import { flavorsProjection } from '../projections/flavors/flavors.projection';

export interface FlavorsTestBed {
  readonly sql: SqlClient;
  readonly store: EventStore;
  /** The flavors projection's runner (rm_pods has its own, also running). */
  readonly runner: ProjectionRunner;
  writer(options?: FlavorsWriteOptions): FlavorWriter;
  close(): Promise<void>;
}

/** One in-memory PGlite for the log, rm_flavors and rm_pods (the reconciler plans over both), projections live. */
export async function openFlavorsTestBed(): Promise<FlavorsTestBed> {
  const sql = await PGliteClient.open();
  const store = await openPostgresEventStore(sql, { subscriptionIdleMs: 10 });
  await migrateReadModel(sql, [flavorsProjection, podsProjection]);
  const runner = new ProjectionRunner(store, sql, flavorsProjection, { flushMs: 1, retryMs: 20 });
  const pods = new ProjectionRunner(store, sql, podsProjection, { flushMs: 1, retryMs: 20 });
  runner.start();
  pods.start();
  return {
    sql,
    store,
    runner,
    writer: (options) => new FlavorWriter(store, sql, options),
    close: async () => {
      await runner.stop();
      await pods.stop();
      await store.close();
      await sql.close();
    },
  };
}

export const flavorAdminContext = (requestId = `req-${crypto.randomUUID()}`): RequestContext => ({
  requestId,
  caller: {
    userId: 'admin-user',
    projectId: 'admin',
    roles: ['admin'],
    userName: 'admin',
    projectName: 'admin',
    domainId: 'default',
  },
});
