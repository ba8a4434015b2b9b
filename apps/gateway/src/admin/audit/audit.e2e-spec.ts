import { auditLogProjection } from '@podgate/audit';
import { streamName } from '@podgate/event-store';
import { metadataFor, newId, systemContext } from '@podgate/kernel';
import { waitForCheckpoint } from '@podgate/read-model';
import { type AdminHarness, registerPod, startAdminHarness } from '../testing/admin-harness';
import { expectDocumented } from '../testing/documented-schema';

type Entry = Record<string, unknown> & { position: string; type: string; request_id: string; occurred_at: string };

describe('admin API: /v1.0/audit', () => {
  let h: AdminHarness;
  let podId: string;
  let registerRequestId: string;
  let bindingId: string;

  beforeAll(async () => {
    h = await startAdminHarness();
    const registered = await h.admin
      .post('/v1.0/pods', { pod: { name: 'AuditPod', az_name: 'audit-az' } })
      .set('X-OpenStack-Request-ID', 'req-11111111-2222-4333-8444-555555555555')
      .expect(201);
    podId = registered.body.pod.pod_id;
    registerRequestId = registered.headers['x-openstack-request-id'];
    await h.admin.put(`/v1.0/pods/${podId}`, { pod: { maintenance: true, maintenance_reason: 'audit me' } }).expect(200);
    await h.admin.put(`/v1.0/pods/${podId}`, { pod: { maintenance: false } }).expect(200);
    bindingId = (
      await h.admin
        .post('/v1.0/bindings', { binding: { project_id: 'tenant-audit', az_name: 'audit-az', pod_id: podId } })
        .expect(201)
    ).body.binding.binding_id;
    await h.admin.delete(`/v1.0/bindings/${bindingId}`).expect(200);
    await registerPod(h, 'AuditOther', 'audit-az');
  });
  afterAll(() => h.close());

  const list = async (query: string): Promise<Entry[]> =>
    (await h.admin.get(`/v1.0/audit?${query}`).expect(200)).body.events as Entry[];

  it('lists what happened to a pod, who did it and under which request', async () => {
    const response = await h.admin.get(`/v1.0/audit?pod_id=${podId}&type=PodRegistered`).expect(200);
    expect(response.body).toEqual({
      events: [
        {
          position: expect.stringMatching(/^\d+\/\d+$/),
          event_id: expect.any(String),
          type: 'PodRegistered',
          stream: `pod-${podId}`,
          resource_type: 'pod',
          resource_id: podId,
          pod_id: podId,
          outcome: 'succeeded',
          occurred_at: expect.any(String),
          recorded_at: expect.any(String),
          actor: { user_id: 'admin', project_id: 'admin', roles: expect.arrayContaining(['admin']) },
          request_id: registerRequestId,
          global_request_id: 'req-11111111-2222-4333-8444-555555555555',
          data: expect.objectContaining({ podId, name: 'AuditPod', azName: 'audit-az' }),
        },
      ],
    });
    await expectDocumented(h, 'get', '/v1.0/audit', 200, response.body);
  });

  it.each([
    [
      'pod_id',
      () => `pod_id=${podId}`,
      ['PodRegistered', 'PodMaintenanceStarted', 'PodMaintenanceEnded', 'TenantBoundToPod', 'TenantBindingEnded'],
    ],
    ['type', () => 'type=PodRegistered', ['PodRegistered', 'PodRegistered']],
    ['project_id', () => 'project_id=tenant-audit', ['TenantBoundToPod', 'TenantBindingEnded']],
    ['resource_id', () => `resource_id=${podId}`, ['PodRegistered', 'PodMaintenanceStarted', 'PodMaintenanceEnded']],
    [
      'resource_id as <type>/<id>',
      () => `resource_id=pod/${podId}`,
      ['PodRegistered', 'PodMaintenanceStarted', 'PodMaintenanceEnded'],
    ],
    [
      'resource_id as <type>/<id>, escaped',
      () => `resource_id=pod%2F${podId}`,
      ['PodRegistered', 'PodMaintenanceStarted', 'PodMaintenanceEnded'],
    ],
    ['resource_id of another type', () => `resource_id=server/${podId}`, []],
  ])('filters by %s', async (_name, filter, types) => {
    expect((await list(filter())).map((entry) => entry.type)).toEqual(types);
  });

  it('filters by since (inclusive) and until (exclusive)', async () => {
    const all = await list(`pod_id=${podId}`);
    const third = all[2].occurred_at;
    expect((await list(`pod_id=${podId}&since=${encodeURIComponent(third)}`)).map((e) => e.position)).toEqual(
      all.filter((e) => e.occurred_at >= third).map((e) => e.position),
    );
    expect((await list(`pod_id=${podId}&until=${encodeURIComponent(third)}`)).map((e) => e.position)).toEqual(
      all.filter((e) => e.occurred_at < third).map((e) => e.position),
    );
  });

  it('pages by position with limit and marker', async () => {
    const all = await list(`pod_id=${podId}`);
    const first = await h.admin.get(`/v1.0/audit?pod_id=${podId}&limit=2`).expect(200);
    expect(first.body.events.map((e: Entry) => e.position)).toEqual(all.slice(0, 2).map((e) => e.position));
    const href = new URL(first.body.events_links[0].href);
    expect(Object.fromEntries(href.searchParams)).toEqual({ pod_id: podId, limit: '2', marker: all[1].position });
    const second = await h.admin.get(`${href.pathname}${href.search}`).expect(200);
    expect(second.body.events.map((e: Entry) => e.position)).toEqual(all.slice(2, 4).map((e) => e.position));
  });

  it.each([
    ['since=last%20week', "Invalid input for query parameters since. Value: last week. 'last week' is not a 'date-time'"],
    [
      'until=2025-13-01T00:00:00Z',
      "Invalid input for query parameters until. Value: 2025-13-01T00:00:00Z. '2025-13-01T00:00:00Z' is not a 'date-time'",
    ],
    ['marker=12', "Invalid input for query parameters marker. Value: 12. '12' does not match '^\\d{1,20}\\/\\d{1,20}$'"],
    ['marker=999999/999999', 'marker 999999/999999 not found'],
    ['limit=1001', 'Invalid input for query parameters limit. Value: 1001. 1001 is greater than the maximum of 1000'],
  ])('refuses %s with 400', async (query, message) => {
    const response = await h.admin.get(`/v1.0/audit?${query}`).expect(400);
    expect(response.body).toEqual({ badRequest: { code: 400, message } });
  });

  // The wire or the query refuses these, whichever sees them first; never PostgreSQL (500, SQLSTATE 22008).
  it.each([
    ['/v1.0/audit', 'since', '0000-01-01T00:00:00Z'],
    ['/v1.0/audit', 'until', '0001-01-01T00:00:00+01:00'],
    ['/v1.0/audit/export', 'since', '0000-06-01T00:00:00Z'],
  ])('%s refuses %s=%s, outside the years 0001-9999, with 400', async (path, name, instant) => {
    const response = await h.admin.get(`${path}?${name}=${encodeURIComponent(instant)}`).expect(400);
    expect(response.body.badRequest.message).toContain(name);
  });

  describe('GET /v1.0/audit/export', () => {
    it('streams every matching event as NDJSON, announcing the count in a header', async () => {
      const response = await h.admin.get(`/v1.0/audit/export?pod_id=${podId}`).buffer(true).expect(200);
      expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
      const lines = response.text.split('\n');
      expect(lines.pop()).toBe('');
      expect(response.headers['x-podgate-event-count']).toBe(String(lines.length));
      const exported = lines.map((line) => JSON.parse(line) as Entry);
      expect(exported).toEqual(await list(`pod_id=${podId}`));
      for (const entry of exported) await expectDocumented(h, 'get', '/v1.0/audit/export', 200, entry, 'application/x-ndjson');
    });

    it('streams an export longer than one read-model page (1,000 events) whole and in order', async () => {
      const metadata = metadataFor(systemContext(), new Date());
      let appended;
      for (let batch = 0; batch < 5; batch++) {
        const events = Array.from({ length: 500 }, (_, i) => ({
          id: newId(),
          type: 'PodMaintenanceStarted', // registered (appends are checked); its stream is no pod's
          data: { podId: 'audit-load', reason: String(batch * 500 + i) },
          metadata,
        }));
        appended = await h.store.append(streamName('auditLoad', 'one'), events, 'any');
      }
      expect(await waitForCheckpoint(h.sql, auditLogProjection, appended!.position, 20_000)).toBe(true);

      const response = await h.admin
        .get('/v1.0/audit/export?type=PodMaintenanceStarted&resource_id=auditLoad/one')
        .buffer(true)
        .expect(200);
      const lines = response.text.trimEnd().split('\n');
      expect(response.headers['x-podgate-event-count']).toBe('2500');
      expect(lines.map((line) => (JSON.parse(line) as { data: { reason: string } }).data.reason)).toEqual(
        Array.from({ length: 2500 }, (_, i) => String(i)),
      );
    });

    it('answers an empty export with a zero count and no lines', async () => {
      const response = await h.admin.get('/v1.0/audit/export?type=NothingLikeThis').buffer(true).expect(200);
      expect(response.headers['x-podgate-event-count']).toBe('0');
      expect(response.text).toBe('');
    });

    it('refuses a bad filter with 400 before streaming', async () => {
      const response = await h.admin.get('/v1.0/audit/export?since=soon').expect(400);
      expect(response.body.badRequest.message).toMatch(/^Invalid input for query parameters since\./);
    });
  });
});
