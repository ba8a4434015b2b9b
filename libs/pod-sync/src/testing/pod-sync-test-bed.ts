import { type EventStore, openPostgresEventStore } from '@podgate/event-store';
import type { RequestContext } from '@podgate/kernel';
import { podsProjection } from '@podgate/pods';
import { migrateReadModel, type Projection, ProjectionRunner } from '@podgate/read-model';
import { PGliteClient, type SqlClient } from '@podgate/sql';

export interface PodSyncTestBed {
  readonly sql: SqlClient;
  readonly store: EventStore;
  /** The subject's projection runner (rm_pods has its own, also running). */
  readonly runner: ProjectionRunner;
  close(): Promise<void>;
}

/**
 * For specs: one in-memory PGlite for the log, a subject's read model and rm_pods (a reconciler
 * plans over both), projections live.
 */
export async function openPodSyncTestBed(projection: Projection): Promise<PodSyncTestBed> {
  const sql = await PGliteClient.open();
  const store = await openPostgresEventStore(sql, { subscriptionIdleMs: 10 });
  await migrateReadModel(sql, [projection, podsProjection]);
  const runner = new ProjectionRunner(store, sql, projection, { flushMs: 1, retryMs: 20 });
  const pods = new ProjectionRunner(store, sql, podsProjection, { flushMs: 1, retryMs: 20 });
  runner.start();
  pods.start();
  return {
    sql,
    store,
    runner,
    close: async () => {
      await runner.stop();
      await pods.stop();
      await store.close();
      await sql.close();
    },
  };
}

/** An admin's request, for specs. */
export const syncAdminContext = (requestId = `req-${crypto.randomUUID()}`): RequestContext => ({
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
