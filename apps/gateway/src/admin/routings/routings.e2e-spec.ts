import { streamName } from '@podgate/event-store';
import { metadataFor, newId, systemContext } from '@podgate/kernel';
import { waitForCheckpoint } from '@podgate/read-model';
import { type ResourceRoutedData, routingId, routingsProjection } from '@podgate/routing';
import { type AdminHarness, registerPod, startAdminHarness } from '../testing/admin-harness';
import { expectDocumented } from '../testing/documented-schema';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('admin API: /v1.0/routings', () => {
  let h: AdminHarness;
  let pod1: string;
  let pod2: string;
  const routed: ResourceRoutedData[] = [];

  /**
   * What the servers and volumes slices will append (issues 5 and 6): the route, in the resource's
   * own stream. A second apart, so creation order (the list order) is the order of the calls.
   */
  const firstRoutedAt = Date.now() - 3_600_000;
  async function route(data: ResourceRoutedData): Promise<void> {
    const occurredAt = new Date(firstRoutedAt + routed.length * 1000);
    const appended = await h.store.append(
      streamName(data.resourceType, data.topId),
      [{ id: newId(), type: 'ResourceRouted', data: { ...data }, metadata: metadataFor(systemContext(), occurredAt) }],
      'any',
    );
    expect(await waitForCheckpoint(h.sql, routingsProjection, appended.position, 5000)).toBe(true);
    routed.push(data);
  }

  beforeAll(async () => {
    h = await startAdminHarness();
    pod1 = (await registerPod(h, 'RoutePod1')).pod_id as string;
    pod2 = (await registerPod(h, 'RoutePod2')).pod_id as string;
    const servers: [string, string, string][] = [
      [pod1, 'tenant-a', 'server'],
      [pod1, 'tenant-b', 'server'],
      [pod2, 'tenant-a', 'server'],
      [pod2, 'tenant-a', 'volume'],
    ];
    for (const [podId, projectId, resourceType] of servers) {
      await route({
        resourceType: resourceType as 'server' | 'volume',
        topId: newId(),
        bottomId: newId(),
        podId,
        projectId,
        azName: 'az1',
      });
    }
  });
  afterAll(() => h.close());

  const idOf = (data: ResourceRoutedData) => routingId(data.resourceType, data.topId, data.podId);

  it('lists every routing in creation order with its wire fields', async () => {
    const response = await h.admin.get('/v1.0/routings').expect(200);
    expect(response.body.routings.map((r: { id: string }) => r.id)).toEqual(routed.map(idOf));
    expect(response.body.routings[0]).toEqual({
      id: idOf(routed[0]),
      top_id: routed[0].topId,
      bottom_id: routed[0].bottomId,
      pod_id: pod1,
      project_id: 'tenant-a',
      resource_type: 'server',
      az_name: 'az1',
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    expect(response.body.routings_links).toBeUndefined();
    await expectDocumented(h, 'get', '/v1.0/routings', 200, response.body);
  });

  it.each([
    ['top_id', () => `top_id=${routed[1].topId}`, () => [routed[1]]],
    ['bottom_id', () => `bottom_id=${routed[2].bottomId}`, () => [routed[2]]],
    ['pod_id', () => `pod_id=${pod2}`, () => [routed[2], routed[3]]],
    ['project_id', () => 'project_id=tenant-b', () => [routed[1]]],
    ['resource_type', () => 'resource_type=volume', () => [routed[3]]],
    ['several filters', () => `project_id=tenant-a&resource_type=server&pod_id=${pod1}`, () => [routed[0]]],
  ])('filters by %s (Tricircle filters)', async (_name, filter, expected) => {
    const response = await h.admin.get(`/v1.0/routings?${filter()}`).expect(200);
    expect(response.body.routings.map((r: { id: string }) => r.id)).toEqual(expected().map(idOf));
  });

  it('pages with limit and marker', async () => {
    const first = await h.admin.get('/v1.0/routings?limit=3').expect(200);
    expect(first.body.routings).toHaveLength(3);
    const href = new URL(first.body.routings_links[0].href);
    expect(href.searchParams.get('marker')).toBe(idOf(routed[2]));
    const second = await h.admin.get(`${href.pathname}${href.search}`).expect(200);
    expect(second.body.routings.map((r: { id: string }) => r.id)).toEqual([idOf(routed[3])]);
    expect(second.body.routings_links).toBeUndefined();
  });

  it('shows one routing, and 404 for an unknown or malformed id', async () => {
    const response = await h.admin.get(`/v1.0/routings/${idOf(routed[3])}`).expect(200);
    expect(response.body.routing).toMatchObject({ top_id: routed[3].topId, resource_type: 'volume', pod_id: pod2 });
    await expectDocumented(h, 'get', '/v1.0/routings/{id}', 200, response.body);
    for (const id of [UNKNOWN_ID, 'server-1']) {
      const missing = await h.admin.get(`/v1.0/routings/${id}`).expect(404);
      expect(missing.body).toEqual({ itemNotFound: { code: 404, message: `routing ${id} could not be found` } });
    }
  });

  it.each([
    [
      'resource_type=network',
      "Invalid input for query parameters resource_type. Value: network. 'network' is not one of ['server', 'volume', 'snapshot', 'backup']",
    ],
    ['limit=0', 'Invalid input for query parameters limit. Value: 0. 0 is less than the minimum of 1'],
    [`marker=${UNKNOWN_ID}`, `marker ${UNKNOWN_ID} not found`],
    ['marker=abc', "Invalid input for query parameters marker. Value: abc. 'abc' is not a 'uuid'"],
    ['pod_id=Pod1', "Invalid input for query parameters pod_id. Value: Pod1. 'Pod1' is not a 'uuid'"],
  ])('refuses %s with 400', async (query, message) => {
    const response = await h.admin.get(`/v1.0/routings?${query}`).expect(400);
    expect(response.body).toEqual({ badRequest: { code: 400, message } });
  });

  it('counts routed resources when a pod is deregistered', async () => {
    const response = await h.admin.delete(`/v1.0/pods/${pod2}`).expect(409);
    expect(response.body.conflictingRequest.message).toBe(
      `pod ${pod2} still has 0 active binding(s) and 2 routed resource(s); end them first or force`,
    );
  });
});
