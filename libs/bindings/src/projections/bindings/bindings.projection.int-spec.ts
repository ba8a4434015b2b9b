import { type EventStore, openPostgresEventStore, type RecordedEvent } from '@podgate/event-store';
import { migrateReadModel, rebuildProjection } from '@podgate/read-model';
import { PGliteClient, type SqlClient } from '@podgate/sql';
import type { BindingEvent } from '../../domain/binding.events';
import { bindingKeyId, bindingStream } from '../../domain/binding.stream';
import { bindingsProjection } from './bindings.projection';

const key = { projectId: 'tenant-a', azName: 'az1', affinityTag: null };
const keyId = bindingKeyId(key);
const POD1 = '11111111-1111-4111-8111-111111111111';
const POD2 = '22222222-2222-4222-8222-222222222222';
const B1 = 'b1b1b1b1-0000-4000-8000-000000000001';
const B2 = 'b2b2b2b2-0000-4000-8000-000000000002';

const bound = (bindingId: string, podId: string, boundAt: string): BindingEvent => ({
  type: 'TenantBoundToPod',
  data: { ...key, bindingId, podId, reason: bindingId === B1 ? 'first-request' : 'rebalanced', boundAt },
});
const ended = (bindingId: string, podId: string, endedAt: string): BindingEvent => ({
  type: 'TenantBindingEnded',
  data: { ...key, bindingId, podId, reason: 'rebalanced', endedAt },
});

/** Recorded as the store would hand it over; metadata times differ from the data's on purpose. */
const recorded = (event: BindingEvent, revision: number, userId: string): RecordedEvent => ({
  id: crypto.randomUUID(),
  type: event.type,
  data: { ...event.data },
  metadata: {
    correlationId: 'c',
    causationId: `req-${revision}`,
    requestId: `req-${revision}`,
    actor: { userId, projectId: 'p', roles: [] },
    occurredAt: '2030-01-01T00:00:00.000Z',
  },
  stream: bindingStream(keyId),
  revision: BigInt(revision),
  position: { commit: BigInt(revision + 1), prepare: BigInt(revision + 1) },
  recordedAt: new Date('2031-01-01T00:00:00.000Z'),
});

describe('bindings projection (PGlite)', () => {
  let sql: SqlClient;
  let store: EventStore;

  beforeAll(async () => {
    sql = await PGliteClient.open();
    store = await openPostgresEventStore(sql);
    await migrateReadModel(sql, [bindingsProjection]);
  });
  afterAll(() => store.close());
  beforeEach(() => sql.query('TRUNCATE rm_bindings, rm_binding_keys'));

  const bindings = async () =>
    (
      await sql.query(
        `SELECT binding_id::text, binding_key, pod_id::text, reason, bound_at, bound_by, bound_request_id, ended_at, end_reason, ended_by
           FROM rm_bindings ORDER BY bound_at`,
      )
    ).rows;
  const keys = async () =>
    (
      await sql.query(
        `SELECT binding_key, project_id, az_name, affinity_tag, stream_revision::text, active_binding_id::text FROM rm_binding_keys`,
      )
    ).rows;

  it('records a binding with times from the event data and the actor from its metadata', async () => {
    await sql.transaction((tx) =>
      bindingsProjection.apply(tx, [recorded(bound(B1, POD1, '2026-05-01T10:00:00.123Z'), 0, 'alice')]),
    );
    expect(await bindings()).toEqual([
      {
        binding_id: B1,
        binding_key: keyId,
        pod_id: POD1,
        reason: 'first-request',
        bound_at: new Date('2026-05-01T10:00:00.123Z'),
        bound_by: 'alice',
        bound_request_id: 'req-0',
        ended_at: null,
        end_reason: null,
        ended_by: null,
      },
    ]);
    expect(await keys()).toEqual([
      {
        binding_key: keyId,
        project_id: 'tenant-a',
        az_name: 'az1',
        affinity_tag: null,
        stream_revision: '0',
        active_binding_id: B1,
      },
    ]);
  });

  it('ends the old binding and activates the new one of a rebalance, advancing the key revision', async () => {
    const history = [
      recorded(bound(B1, POD1, '2026-05-01T10:00:00.000Z'), 0, 'alice'),
      recorded(ended(B1, POD1, '2026-05-02T10:00:00.000Z'), 1, 'bob'),
      recorded(bound(B2, POD2, '2026-05-02T10:00:00.000Z'), 2, 'bob'),
    ];
    await sql.transaction((tx) => bindingsProjection.apply(tx, history.slice(0, 1)));
    await sql.transaction((tx) => bindingsProjection.apply(tx, history.slice(1)));
    expect(await bindings()).toEqual([
      expect.objectContaining({
        binding_id: B1,
        ended_at: new Date('2026-05-02T10:00:00.000Z'),
        end_reason: 'rebalanced',
        ended_by: 'bob',
      }),
      expect.objectContaining({ binding_id: B2, pod_id: POD2, reason: 'rebalanced', bound_by: 'bob', ended_at: null }),
    ]);
    expect(await keys()).toEqual([expect.objectContaining({ stream_revision: '2', active_binding_id: B2 })]);
  });

  it('leaves no active binding after a plain end, and never moves a key back on a replayed event', async () => {
    const start = recorded(bound(B1, POD1, '2026-05-01T10:00:00.000Z'), 0, 'alice');
    const end = recorded(ended(B1, POD1, '2026-05-03T00:00:00.000Z'), 1, 'admin');
    await sql.transaction((tx) => bindingsProjection.apply(tx, [start, end]));
    await sql.transaction((tx) => bindingsProjection.apply(tx, [start]));
    expect(await keys()).toEqual([expect.objectContaining({ stream_revision: '1', active_binding_id: null })]);
    expect(await bindings()).toEqual([expect.objectContaining({ binding_id: B1, ended_by: 'admin' })]);
  });

  it('rebuilds from the log: the same rows as applying live', async () => {
    const stream = bindingStream(keyId);
    const meta = recorded(bound(B1, POD1, 'x'), 0, 'carol').metadata;
    const events = [
      bound(B1, POD1, '2026-05-01T10:00:00.000Z'),
      ended(B1, POD1, '2026-05-02T10:00:00.000Z'),
      bound(B2, POD2, '2026-05-02T10:00:00.000Z'),
    ];
    await store.append(
      stream,
      [{ id: crypto.randomUUID(), ...events[0], data: { ...events[0].data }, metadata: meta }],
      'no_stream',
    );
    await store.append(
      stream,
      events.slice(1).map((e) => ({ id: crypto.randomUUID(), type: e.type, data: { ...e.data }, metadata: meta })),
      0n,
    );
    await store.append(
      'otherCategory-x',
      [{ id: crypto.randomUUID(), type: 'Unrelated', data: {}, metadata: meta }],
      'no_stream',
    );
    expect(await rebuildProjection(store, sql, bindingsProjection, { batchSize: 2 })).toMatchObject({ applied: 3, total: 3 });
    expect((await bindings()).map((b) => [b.binding_id, b.bound_by, b.ended_at !== null])).toEqual([
      [B1, 'carol', true],
      [B2, 'carol', false],
    ]);
    expect(await keys()).toEqual([expect.objectContaining({ stream_revision: '2', active_binding_id: B2 })]);
  });
});
