import { type EventStore, openPostgresEventStore, positionToString, type RecordedEvent } from '@podgate/event-store';
import { testEvents } from '@podgate/event-store/testing';
import { migrateReadModel, rebuildProjection } from '@podgate/read-model';
import { migrate } from '@podgate/sql';
import { PGliteClient, type SqlClient } from '@podgate/sql';
import { AUDIT_LOG_MIGRATIONS } from './audit-log.migrations';
import { auditLogProjection } from './audit-log.projection';

const recorded = (overrides: Partial<RecordedEvent> = {}): RecordedEvent => ({
  id: '5f0c6a7e-3b7e-4c69-9a63-0d6f0c1e2a11',
  type: 'ServerActionRequested',
  data: { serverId: 's1', body: { type: 'SOFT', note: 'quotes " and \\ and ünïcödé' } },
  metadata: {
    correlationId: 'corr-1',
    causationId: 'cause-1',
    requestId: 'req-1',
    actor: { userId: 'user-1', projectId: 'project-1', roles: ['member', 'reader'] },
    occurredAt: '2026-01-02T03:04:05.678Z',
  },
  stream: 'server-s1',
  revision: 7n,
  position: { commit: 2n ** 60n + 1n, prepare: 2n ** 55n + 3n },
  recordedAt: new Date('2026-01-02T03:04:06.789Z'),
  ...overrides,
});

describe('audit-log projection (PGlite)', () => {
  let sql: SqlClient;
  let store: EventStore;

  beforeAll(async () => {
    sql = await PGliteClient.open();
    store = await openPostgresEventStore(sql); // one PGlite for log and read model, as embedded podgate runs
    await migrateReadModel(sql, [auditLogProjection]);
  });
  afterAll(() => store.close());
  beforeEach(() => sql.query('TRUNCATE rm_audit'));

  it('writes one row per event with every field as recorded', async () => {
    const withGlobalId = recorded({ metadata: { ...recorded().metadata, globalRequestId: 'req-global' } });
    const second = recorded({
      id: '0b5e8f43-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
      revision: 8n,
      position: { commit: 2n ** 60n + 1n, prepare: 2n ** 55n + 4n },
    });
    await sql.transaction((tx) => auditLogProjection.apply(tx, [withGlobalId, second]));

    const { rows } = await sql.query<Record<string, unknown>>(
      `SELECT commit_position::text, prepare_position::text, event_id::text, stream, resource_type, resource_id,
              revision::text, type, outcome, pod_id, project_id, actor_user_id, actor_project_id, actor_roles,
              request_id, global_request_id, correlation_id, occurred_at, recorded_at, data
         FROM rm_audit ORDER BY prepare_position`,
    );
    expect(rows).toEqual([
      {
        commit_position: '1152921504606846977',
        prepare_position: '36028797018963971',
        event_id: withGlobalId.id,
        stream: 'server-s1',
        resource_type: 'server',
        resource_id: 's1',
        revision: '7',
        type: 'ServerActionRequested',
        outcome: 'requested',
        pod_id: null,
        project_id: 'project-1',
        actor_user_id: 'user-1',
        actor_project_id: 'project-1',
        actor_roles: ['member', 'reader'],
        request_id: 'req-1',
        global_request_id: 'req-global',
        correlation_id: 'corr-1',
        occurred_at: new Date('2026-01-02T03:04:05.678Z'),
        recorded_at: new Date('2026-01-02T03:04:06.789Z'),
        data: withGlobalId.data,
      },
      expect.objectContaining({
        prepare_position: '36028797018963972',
        event_id: second.id,
        revision: '8',
        global_request_id: null,
      }),
    ]);
  });

  it('files each event under its resource, pod, tenant and outcome', async () => {
    const admin = { userId: 'admin', projectId: 'admin', roles: ['admin'] };
    const events = [
      recorded({ stream: 'pod-p1', type: 'PodRegistered', data: { podId: 'p1', name: 'Pod1' } }),
      recorded({
        stream: 'tenantBinding-3f1c-key',
        type: 'TenantBoundToPod',
        data: { projectId: 'tenant-a', azName: 'az1', affinityTag: null, podId: 'p1', bindingId: 'b1' },
        metadata: { ...recorded().metadata, actor: admin },
      }),
      recorded({ stream: 'server-9d2e-46aa', type: 'ServerActionFailed', data: { podId: 'p2', projectId: 42 } }),
      recorded({ stream: 'podUsage-p1', type: 'PodUsageReported', data: [1, 2] }),
    ].map((event, n) => ({
      ...event,
      id: `00000000-0000-4000-8000-00000000000${n}`,
      position: { commit: 9n, prepare: BigInt(n) },
    }));
    await sql.transaction((tx) => auditLogProjection.apply(tx, events));

    const { rows } = await sql.query(
      'SELECT resource_type, resource_id, pod_id, project_id, actor_project_id, outcome FROM rm_audit ORDER BY prepare_position',
    );
    expect(rows).toEqual([
      {
        resource_type: 'pod',
        resource_id: 'p1',
        pod_id: 'p1',
        project_id: 'project-1',
        actor_project_id: 'project-1',
        outcome: 'succeeded',
      },
      {
        resource_type: 'tenantBinding',
        resource_id: '3f1c-key',
        pod_id: 'p1',
        project_id: 'tenant-a',
        actor_project_id: 'admin',
        outcome: 'succeeded',
      },
      {
        resource_type: 'server',
        resource_id: '9d2e-46aa',
        pod_id: 'p2',
        project_id: 'project-1',
        actor_project_id: 'project-1',
        outcome: 'failed',
      },
      {
        resource_type: 'podUsage',
        resource_id: 'p1',
        pod_id: null,
        project_id: 'project-1',
        actor_project_id: 'project-1',
        outcome: 'succeeded',
      },
    ]);
  });

  it('migrates a version-1 rm_audit_log to rm_audit, and version 2 replays the log into it', async () => {
    const old = await PGliteClient.open();
    const oldStore = await openPostgresEventStore(old);
    try {
      await migrate(old, 'projection:audit-log', AUDIT_LOG_MIGRATIONS.slice(0, 1));
      await oldStore.append('pod-p1', testEvents(2), 'no_stream');
      // a row as version 1 wrote it
      await old.query(
        `INSERT INTO rm_audit_log VALUES (1, 1, gen_random_uuid(), 'pod-p1', 'pod', 0, 'ThingHappened', 'u', 'p', '{}', 'r', NULL, 'c', now(), now(), '{}')`,
      );

      await migrateReadModel(old, [auditLogProjection]);
      const tables = await old.query(`SELECT to_regclass('rm_audit_log') AS old, to_regclass('rm_audit') AS new`);
      expect(tables.rows).toEqual([{ old: null, new: 'rm_audit' }]);
      expect((await old.query('SELECT count(*)::int AS n FROM rm_audit')).rows).toEqual([{ n: 0 }]);
      const indexes = await old.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE tablename = 'rm_audit'`);
      expect(indexes.rows.map((r) => r.indexname).sort()).toEqual([
        'rm_audit_by_occurred_at',
        'rm_audit_by_pod',
        'rm_audit_by_project',
        'rm_audit_by_resource',
        'rm_audit_by_stream',
        'rm_audit_by_type',
        'rm_audit_pkey',
      ]);

      const result = await rebuildProjection(oldStore, old, auditLogProjection);
      expect(result).toMatchObject({ applied: 2, total: 2 });
      const { rows } = await old.query(`SELECT resource_type, resource_id, outcome FROM rm_audit`);
      expect(rows).toEqual([
        { resource_type: 'pod', resource_id: 'p1', outcome: 'succeeded' },
        { resource_type: 'pod', resource_id: 'p1', outcome: 'succeeded' },
      ]);
    } finally {
      await oldStore.close();
      await old.close();
    }
  });

  it('rebuilds from a store: one row per event, at the event position', async () => {
    await store.append('volume-v1', testEvents(3), 'no_stream');
    await store.append('server-s2', testEvents(2), 'no_stream');
    const result = await rebuildProjection(store, sql, auditLogProjection, { batchSize: 2 });
    expect(result).toMatchObject({ applied: 5, total: 5 });
    const events = await store.readAll();
    const { rows } = await sql.query<{ position: string; event_id: string }>(
      `SELECT commit_position || '/' || prepare_position AS position, event_id::text FROM rm_audit ORDER BY commit_position, prepare_position`,
    );
    expect(rows).toEqual(events.map((e) => ({ position: positionToString(e.position), event_id: e.id })));
  });
});
