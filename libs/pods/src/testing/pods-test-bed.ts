import type { RequestContext } from '@podgate/kernel';
import { type EventStore, openPostgresEventStore } from '@podgate/event-store';
import { migrateReadModel, ProjectionRunner } from '@podgate/read-model';
import { PGliteClient, type SqlClient } from '@podgate/sql';
import { PodWriter } from '../commands/pod-writer';
import type { PodsWriteOptions } from '../commands/pods-write.options';
import { podsProjection } from '../projections/pods/pods.projection';

export interface PodsTestBed {
  readonly sql: SqlClient;
  readonly store: EventStore;
  readonly runner: ProjectionRunner;
  writer(options?: PodsWriteOptions): PodWriter;
  close(): Promise<void>;
}

/** One in-memory PGlite for the log and rm_pods, as embedded podgate runs, with the pods projection live. */
export async function openPodsTestBed(): Promise<PodsTestBed> {
  const sql = await PGliteClient.open();
  const store = await openPostgresEventStore(sql, { subscriptionIdleMs: 10 });
  await migrateReadModel(sql, [podsProjection]);
  const runner = new ProjectionRunner(store, sql, podsProjection, { flushMs: 1, retryMs: 20 });
  runner.start();
  return {
    sql,
    store,
    runner,
    writer: (options) => new PodWriter(store, sql, options),
    close: async () => {
      await runner.stop();
      await store.close();
      await sql.close();
    },
  };
}

export const adminContext = (requestId = 'req-00000000-0000-4000-8000-000000000001'): RequestContext => ({
  requestId,
  globalRequestId: 'req-00000000-0000-4000-8000-0000000000aa',
  caller: {
    userId: 'admin-user',
    projectId: 'admin-project',
    roles: ['admin'],
    userName: 'admin',
    projectName: 'admin',
    domainId: 'default',
  },
});
