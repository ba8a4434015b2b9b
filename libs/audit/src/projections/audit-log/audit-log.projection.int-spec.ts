import { type EventStore, openPostgresEventStore, positionToString, type RecordedEvent } from '@podgate/event-store';
import { testEvents } from '@podgate/event-store/testing';
import { migrateReadModel, rebuildProjection } from '@podgate/read-model';
import { PGliteClient, type SqlClient } from '@podgate/sql';
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
  beforeEach(() => sql.query('TRUNCATE rm_audit_log'));

  it('writes one row per event with every field as recorded', async () => {
    const withGlobalId = recorded({ metadata: { ...recorded().metadata, globalRequestId: 'req-global' } });
    const second = recorded({
      id: '0b5e8f43-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
      revision: 8n,
      position: { commit: 2n ** 60n + 1n, prepare: 2n ** 55n + 4n },
    });
    await sql.transaction((tx) => auditLogProjection.apply(tx, [withGlobalId, second]));

    const { rows } = await sql.query<Record<string, unknown>>(
      `SELECT commit_position::text, prepare_position::text, event_id::text, stream, category, revision::text, type,
              actor_user_id, actor_project_id, actor_roles, request_id, global_request_id, correlation_id,
              occurred_at, recorded_at, data
         FROM rm_audit_log ORDER BY prepare_position`,
    );
    expect(rows).toEqual([
      {
        commit_position: '1152921504606846977',
        prepare_position: '36028797018963971',
        event_id: withGlobalId.id,
        stream: 'server-s1',
        category: 'server',
        revision: '7',
        type: 'ServerActionRequested',
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

  it('rebuilds from a store: one row per event, at the event position', async () => {
    await store.append('volume-v1', testEvents(3), 'no_stream');
    await store.append('server-s2', testEvents(2), 'no_stream');
    const result = await rebuildProjection(store, sql, auditLogProjection, { batchSize: 2 });
    expect(result).toMatchObject({ applied: 5, total: 5 });
    const events = await store.readAll();
    const { rows } = await sql.query<{ position: string; event_id: string }>(
      `SELECT commit_position || '/' || prepare_position AS position, event_id::text FROM rm_audit_log ORDER BY commit_position, prepare_position`,
    );
    expect(rows).toEqual(events.map((e) => ({ position: positionToString(e.position), event_id: e.id })));
  });
});
