import { type EventStore, type NewEvent, openPostgresEventStore, streamName } from '@podgate/event-store';
import { testMetadata } from '@podgate/event-store/testing';
import { migrateReadModel, ProjectionRunner } from '@podgate/read-model';
import { PGliteClient, type SqlClient } from '@podgate/sql';
import { randomUUID } from 'node:crypto';
import { type ResourceRoutedData, routingId } from '../../domain/routing.events';
import { routingsProjection } from './routings.projection';

const at = (minute: number) => `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

const event = (type: string, data: NewEvent['data'], occurredAt = at(0)): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: testMetadata({ occurredAt }),
});

const route = (overrides: Partial<ResourceRoutedData> = {}): ResourceRoutedData => ({
  resourceType: 'server',
  topId: 'top-1',
  bottomId: 'bottom-1',
  podId: 'pod-a',
  projectId: 'tenant-a',
  azName: 'az1',
  ...overrides,
});

const routed = (data: ResourceRoutedData, occurredAt?: string) => event('ResourceRouted', { ...data }, occurredAt);
const unrouted = (data: Pick<ResourceRoutedData, 'resourceType' | 'topId' | 'podId'>, occurredAt?: string) =>
  event('ResourceUnrouted', { resourceType: data.resourceType, topId: data.topId, podId: data.podId }, occurredAt);

describe('routings projection (PGlite, projection runner)', () => {
  let sql: SqlClient;
  let store: EventStore;
  let runner: ProjectionRunner;

  beforeAll(async () => {
    sql = await PGliteClient.open();
    store = await openPostgresEventStore(sql, { subscriptionIdleMs: 10 });
    await migrateReadModel(sql, [routingsProjection]);
    runner = new ProjectionRunner(store, sql, routingsProjection, { flushMs: 2, retryMs: 20 });
    runner.start();
  });
  afterAll(async () => {
    await runner.stop();
    await store.close();
  });

  /** Appends to the resource's own stream, as the servers and volumes slices do, and waits for the row. */
  async function append(stream: string, events: NewEvent[]): Promise<void> {
    const result = await store.append(stream, events, 'any');
    expect(await runner.waitFor(result.position, 5000)).toBe(true);
  }

  const rows = async (topId: string) =>
    (
      await sql.query<Record<string, unknown>>(
        `SELECT id::text, top_id, bottom_id, pod_id, project_id, resource_type, az_name, created_at, updated_at
           FROM rm_routings WHERE top_id = $1 ORDER BY pod_id`,
        [topId],
      )
    ).rows;

  it('writes one row per routed resource and ignores the resource stream’s own events', async () => {
    const topId = randomUUID();
    await append(streamName('server', topId), [
      event('ServerCreateRequested', { serverId: topId }),
      routed(route({ topId, bottomId: 'b-1' }), at(1)),
    ]);
    expect(await rows(topId)).toEqual([
      {
        id: routingId('server', topId, 'pod-a'),
        top_id: topId,
        bottom_id: 'b-1',
        pod_id: 'pod-a',
        project_id: 'tenant-a',
        resource_type: 'server',
        az_name: 'az1',
        created_at: new Date(at(1)),
        updated_at: new Date(at(1)),
      },
    ]);
  });

  it('re-routing the same resource to the same pod updates bottom_id and updated_at, keeping created_at', async () => {
    const topId = randomUUID();
    await append(streamName('volume', topId), [routed(route({ resourceType: 'volume', topId, bottomId: 'old' }), at(2))]);
    await append(streamName('volume', topId), [routed(route({ resourceType: 'volume', topId, bottomId: 'new' }), at(7))]);
    expect(await rows(topId)).toEqual([
      expect.objectContaining({ bottom_id: 'new', created_at: new Date(at(2)), updated_at: new Date(at(7)) }),
    ]);
  });

  it('keeps a route per pod, and an unroute deletes only that pod’s row', async () => {
    const topId = randomUUID();
    const stream = streamName('server', topId);
    await append(stream, [routed(route({ topId, podId: 'pod-a' })), routed(route({ topId, podId: 'pod-b', bottomId: 'b-2' }))]);
    expect((await rows(topId)).map((r) => r.pod_id)).toEqual(['pod-a', 'pod-b']);

    await append(stream, [unrouted({ resourceType: 'server', topId, podId: 'pod-a' })]);
    expect(await rows(topId)).toEqual([expect.objectContaining({ pod_id: 'pod-b', bottom_id: 'b-2' })]);
  });

  it('applies a route and its removal from one append in log order, and a later re-route brings the row back', async () => {
    const topId = randomUUID();
    const stream = streamName('server', topId);
    await append(stream, [routed(route({ topId }), at(1)), unrouted({ resourceType: 'server', topId, podId: 'pod-a' })]);
    expect(await rows(topId)).toEqual([]);

    await append(stream, [routed(route({ topId, bottomId: 'again' }), at(9))]);
    expect(await rows(topId)).toEqual([expect.objectContaining({ bottom_id: 'again', created_at: new Date(at(9)) })]);
  });

  it('keeps the same top id routed as different resource types apart', async () => {
    const topId = randomUUID();
    await append(streamName('volume', topId), [
      routed(route({ topId, resourceType: 'volume' })),
      routed(route({ topId, resourceType: 'snapshot' })),
    ]);
    expect((await rows(topId)).map((r) => r.resource_type).sort()).toEqual(['snapshot', 'volume']);
  });

  it('rejects malformed route data by name instead of writing a half row', async () => {
    const bad = { ...route(), resourceType: 'network', bottomId: '' };
    const recorded = { ...routed(bad as unknown as ResourceRoutedData), stream: 'server-x', revision: 0n } as const;
    const apply = sql.transaction((tx) =>
      routingsProjection.apply(tx, [{ ...recorded, position: { commit: 1n, prepare: 1n }, recordedAt: new Date() }]),
    );
    await expect(apply).rejects.toThrow(/resourceType[\s\S]*bottomId|bottomId[\s\S]*resourceType/);
    expect(await rows('top-1')).toEqual([]);
  });
});
