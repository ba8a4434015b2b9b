import { MarkerNotFoundError } from '@podgate/kernel';
import { migrateReadModel } from '@podgate/read-model';
import { PGliteClient, type SqlClient } from '@podgate/sql';
import { RoutingNotFoundError } from '../../domain/routing.errors';
import { type ResourceRoutedData, routingId } from '../../domain/routing.events';
import { routingsProjection } from '../../projections/routings/routings.projection';
import { RoutingQueries } from './routing-queries.service';
import { countRoutedResources, findRouting, listRoutings } from './routing.queries';
import type { RoutingView } from './routing.view';

/** Ten routes over two pods, two tenants and two kinds; several share a created_at, so the id breaks ties. */
const ROUTES: readonly (ResourceRoutedData & { at: string })[] = Array.from({ length: 10 }, (_, n) => ({
  resourceType: n % 3 === 0 ? 'volume' : 'server',
  topId: `top-${n}`,
  bottomId: `bottom-${n}`,
  podId: n < 6 ? 'pod-a' : 'pod-b',
  projectId: n % 2 === 0 ? 'tenant-a' : 'tenant-b',
  azName: 'az1',
  at: `2026-03-01T10:0${Math.floor(n / 3)}:00.000Z`,
}));

const byPageOrder = (a: RoutingView, b: RoutingView) =>
  a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1;

describe('routing queries (PGlite)', () => {
  let sql: SqlClient;

  beforeAll(async () => {
    sql = await PGliteClient.open();
    await migrateReadModel(sql, [routingsProjection]);
    await sql.transaction((tx) =>
      routingsProjection.apply(
        tx,
        ROUTES.map(({ at, ...data }, n) => ({
          id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
          type: 'ResourceRouted',
          data: { ...data },
          metadata: {
            correlationId: 'c',
            causationId: 'c',
            requestId: 'r',
            actor: { userId: 'u', projectId: 'p', roles: [] },
            occurredAt: at,
          },
          stream: `${data.resourceType}-${data.topId}`,
          revision: 0n,
          position: { commit: BigInt(n + 1), prepare: BigInt(n + 1) },
          recordedAt: new Date(at),
        })),
      ),
    );
  });
  afterAll(() => sql.close());

  it('finds a routing by id, and nothing for an unknown or malformed id', async () => {
    const id = routingId('volume', 'top-3', 'pod-a');
    expect(await findRouting(sql, id)).toEqual({
      id,
      topId: 'top-3',
      bottomId: 'bottom-3',
      podId: 'pod-a',
      projectId: 'tenant-b',
      resourceType: 'volume',
      azName: 'az1',
      createdAt: '2026-03-01T10:01:00.000Z',
      updatedAt: '2026-03-01T10:01:00.000Z',
    });
    expect(await findRouting(sql, routingId('server', 'top-3', 'pod-a'))).toBeUndefined();
    expect(await findRouting(sql, 'not-a-uuid')).toBeUndefined();
  });

  it('walks every routing exactly once by limit and marker, in (created_at, id) order', async () => {
    const seen: RoutingView[] = [];
    let marker: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await listRoutings(sql, { limit: 3, marker });
      seen.push(...page);
      if (page.length < 3) break;
      marker = page[page.length - 1].id;
    }
    expect(seen).toHaveLength(10);
    expect(seen).toEqual([...seen].sort(byPageOrder));
    expect(new Set(seen.map((r) => r.topId)).size).toBe(10);
  });

  it.each([
    [{ topId: 'top-4' }, ['top-4']],
    [{ bottomId: 'bottom-7' }, ['top-7']],
    [{ podId: 'pod-b' }, ['top-6', 'top-7', 'top-8', 'top-9']],
    [{ projectId: 'tenant-b', resourceType: 'volume' }, ['top-3', 'top-9']],
    [{ podId: 'pod-a', projectId: 'tenant-a', resourceType: 'server' }, ['top-2', 'top-4']],
    [{ resourceType: 'network' }, []],
  ])('filters %j', async (filter, topIds) => {
    const page = await listRoutings(sql, { ...filter, limit: 100 });
    expect(page.map((r) => r.topId).sort()).toEqual(topIds);
  });

  it('pages within a filter, the marker taken from the filtered page', async () => {
    const first = await listRoutings(sql, { podId: 'pod-b', limit: 2 });
    const second = await listRoutings(sql, { podId: 'pod-b', limit: 2, marker: first[1].id });
    expect([...first, ...second].map((r) => r.topId).sort()).toEqual(['top-6', 'top-7', 'top-8', 'top-9']);
  });

  it('answers an unknown marker with a 400 naming it', async () => {
    const unknown = routingId('server', 'gone', 'pod-a');
    await expect(listRoutings(sql, { limit: 10, marker: unknown })).rejects.toThrow(new MarkerNotFoundError(unknown));
    await expect(listRoutings(sql, { limit: 10, marker: 'x' })).rejects.toMatchObject({
      kind: 'badRequest',
      message: 'marker x not found',
    });
  });

  it('clamps the limit to 1..1000', async () => {
    expect(await listRoutings(sql, { limit: 0 })).toHaveLength(1);
    expect(await listRoutings(sql, { limit: 5000 })).toHaveLength(10);
  });

  it('counts the resources routed to a pod', async () => {
    expect(await countRoutedResources(sql, 'pod-a')).toBe(6);
    expect(await countRoutedResources(sql, 'pod-b')).toBe(4);
    expect(await countRoutedResources(sql, 'pod-z')).toBe(0);
  });

  it('RoutingQueries answers an unknown id with RoutingNotFoundError (404)', async () => {
    const queries = new RoutingQueries(sql);
    expect((await queries.get(routingId('server', 'top-1', 'pod-a'))).bottomId).toBe('bottom-1');
    await expect(queries.get(routingId('server', 'top-1', 'pod-b'))).rejects.toBeInstanceOf(RoutingNotFoundError);
  });
});
