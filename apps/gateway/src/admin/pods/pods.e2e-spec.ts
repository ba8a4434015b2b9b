import { deterministicId } from '@podgate/kernel';
import { type AdminHarness, registerPod, startAdminHarness } from '../testing/admin-harness';
import { expectDocumented } from '../testing/documented-schema';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('admin API: /v1.0/pods', () => {
  let h: AdminHarness;
  beforeAll(async () => (h = await startAdminHarness()));
  afterAll(() => h.close());

  describe('POST /v1.0/pods', () => {
    it('registers a pod with the contract defaults and answers 201 with its view', async () => {
      const response = await h.admin.post('/v1.0/pods', { pod: { name: 'PodDefaults', az_name: 'az1' } }).expect(201);
      expect(response.body).toEqual({
        pod: {
          pod_id: deterministicId('pod', 'PodDefaults'),
          name: 'PodDefaults',
          az_name: 'az1',
          pod_az_name: '',
          dc_name: '',
          affinity_tag: null,
          capacity_threshold: 0.9,
          endpoints: {},
          in_maintenance: false,
          maintenance_reason: null,
          status: 'active',
          registered_at: expect.stringMatching(ISO),
          updated_at: expect.stringMatching(ISO),
          usage: null,
        },
      });
      await expectDocumented(h, 'post', '/v1.0/pods', 201, response.body);
    });

    it('keeps every profile field it is given', async () => {
      const pod = await registerPod(h, 'PodFull', 'az2', {
        pod_az_name: 'nova',
        dc_name: 'dc-east',
        affinity_tag: 'gpu',
        capacity_threshold: 0.75,
        endpoints: { compute: 'http://pod-full.example:8774/v2.1', volume: 'http://pod-full.example:8776/v3/%(project_id)s' },
      });
      expect(pod).toMatchObject({
        az_name: 'az2',
        pod_az_name: 'nova',
        dc_name: 'dc-east',
        affinity_tag: 'gpu',
        capacity_threshold: 0.75,
        endpoints: { compute: 'http://pod-full.example:8774/v2.1', volume: 'http://pod-full.example:8776/v3/%(project_id)s' },
      });
    });

    it('refuses a name that is already registered with 409', async () => {
      await registerPod(h, 'PodTwice');
      const response = await h.admin.post('/v1.0/pods', { pod: { name: 'PodTwice', az_name: 'az1' } }).expect(409);
      expect(response.body).toEqual({ conflictingRequest: { code: 409, message: 'a pod named PodTwice is already registered' } });
    });

    it.each([
      [
        { pod: { name: 'PodX', az_name: 42 } },
        "Invalid input for field/attribute az_name. Value: 42. 42 is not of type 'string'",
      ],
      [{ pod: { name: 'PodX' } }, "Invalid input for field/attribute az_name. 'az_name' is a required property"],
      [
        { pod: { name: 'PodX', az_name: 'az1', colour: 'red' } },
        "Invalid input for field/attribute colour. Additional properties are not allowed ('colour' was unexpected)",
      ],
      [
        { pod: { name: 'PodX', az_name: 'az1' }, extra: true },
        "Invalid input for field/attribute extra. Additional properties are not allowed ('extra' was unexpected)",
      ],
      [
        { pod: { name: 'PodX', az_name: 'az1', capacity_threshold: 1.5 } },
        'Invalid input for field/attribute capacity_threshold. Value: 1.5. 1.5 is greater than the maximum of 1',
      ],
      [
        { pod: { name: 'PodX', az_name: 'az1', endpoints: { compute: 'ftp://x' } } },
        "Invalid input for field/attribute compute. Value: ftp://x. 'ftp://x' is not a 'uri'",
      ],
      [
        { pod: { name: 'PodX', az_name: 'az1', endpoints: { network: 'http://x' } } },
        "Invalid input for field/attribute network. Additional properties are not allowed ('network' was unexpected)",
      ],
      [
        { pod: { name: 'Pod/X', az_name: 'az1' } },
        "Invalid input for field/attribute name. Value: Pod/X. 'Pod/X' does not match '^[^/]+$'",
      ],
      [{ name: 'PodX', az_name: 'az1' }, "Invalid input for field/attribute pod. 'pod' is a required property"],
    ])('refuses %j with 400 naming the field', async (body, message) => {
      const response = await h.admin.post('/v1.0/pods', body).expect(400);
      expect(response.body).toEqual({ badRequest: { code: 400, message } });
    });

    it('refuses a body that is not JSON with 400', async () => {
      const response = await h.admin.post('/v1.0/pods').set('content-type', 'application/json').send('{"pod": ').expect(400);
      expect(response.body.badRequest.code).toBe(400);
    });
  });

  describe('GET /v1.0/pods/{pod_id}', () => {
    it('shows a pod', async () => {
      const pod = await registerPod(h, 'PodShown');
      const response = await h.admin.get(`/v1.0/pods/${pod.pod_id}`).expect(200);
      expect(response.body).toEqual({ pod });
      await expectDocumented(h, 'get', '/v1.0/pods/{pod_id}', 200, response.body);
    });

    it.each([UNKNOWN_ID, 'not-a-uuid'])('answers 404 for %s', async (id) => {
      const response = await h.admin.get(`/v1.0/pods/${id}`).expect(404);
      expect(response.body).toEqual({ itemNotFound: { code: 404, message: `pod ${id} could not be found` } });
    });
  });

  describe('GET /v1.0/pods', () => {
    let listed: Record<string, unknown>[];
    beforeAll(async () => {
      listed = [
        await registerPod(h, 'ListA', 'list-az'),
        await registerPod(h, 'ListB', 'list-az'),
        await registerPod(h, 'ListC', 'list-az'),
      ];
      await h.admin.put(`/v1.0/pods/${listed[1].pod_id}`, { pod: { maintenance: true } }).expect(200);
    });

    it('lists in registration order, filtered by az_name', async () => {
      const response = await h.admin.get('/v1.0/pods?az_name=list-az').expect(200);
      expect(response.body.pods.map((pod: { name: string }) => pod.name)).toEqual(['ListA', 'ListB', 'ListC']);
      expect(response.body.pods_links).toBeUndefined();
      await expectDocumented(h, 'get', '/v1.0/pods', 200, response.body);
    });

    it.each([
      ['name=ListB', ['ListB']],
      ['in_maintenance=true', ['ListB']],
      ['in_maintenance=no', ['ListA', 'ListC']],
      ['status=deregistered', []],
    ])('filters by %s', async (filter, names) => {
      const response = await h.admin.get(`/v1.0/pods?az_name=list-az&${filter}`).expect(200);
      expect(response.body.pods.map((pod: { name: string }) => pod.name)).toEqual(names);
    });

    it('pages with limit and marker, linking the next page only while pages are full', async () => {
      const first = await h.admin.get('/v1.0/pods?az_name=list-az&limit=2').expect(200);
      expect(first.body.pods.map((pod: { name: string }) => pod.name)).toEqual(['ListA', 'ListB']);
      const next = new URL(first.body.pods_links[0].href);
      expect(first.body.pods_links).toEqual([
        { rel: 'next', href: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v1\.0\/pods\?/) },
      ]);
      expect(Object.fromEntries(next.searchParams)).toEqual({ az_name: 'list-az', limit: '2', marker: listed[1].pod_id });

      const second = await h.admin.get(`${next.pathname}${next.search}`).expect(200);
      expect(second.body.pods.map((pod: { name: string }) => pod.name)).toEqual(['ListC']);
      expect(second.body.pods_links).toBeUndefined();
    });

    it.each([
      ['limit=0', 'Invalid input for query parameters limit. Value: 0. 0 is less than the minimum of 1'],
      ['limit=1001', 'Invalid input for query parameters limit. Value: 1001. 1001 is greater than the maximum of 1000'],
      ['limit=-1', "Invalid input for query parameters limit. Value: -1. '-1' does not match '^[0-9]+$'"],
      ['marker=bogus', "Invalid input for query parameters marker. Value: bogus. 'bogus' is not a 'uuid'"],
      [`marker=${UNKNOWN_ID}`, `marker ${UNKNOWN_ID} not found`],
      [
        'in_maintenance=perhaps',
        "Invalid input for query parameters in_maintenance. Value: perhaps. 'perhaps' is not one of ['0', '1', 'true', 'false', 'yes', 'no']",
      ],
      ['status=gone', "Invalid input for query parameters status. Value: gone. 'gone' is not one of ['active', 'deregistered']"],
    ])('refuses %s with 400', async (query, message) => {
      const response = await h.admin.get(`/v1.0/pods?${query}`).expect(400);
      expect(response.body).toEqual({ badRequest: { code: 400, message } });
    });
  });

  describe('PUT /v1.0/pods/{pod_id}', () => {
    it('changes the profile and starts and ends maintenance', async () => {
      const pod = await registerPod(h, 'PodUpdated');
      const drained = await h.admin
        .put(`/v1.0/pods/${pod.pod_id}`, {
          pod: { capacity_threshold: 0.5, affinity_tag: 'ssd', maintenance: true, maintenance_reason: 'kernel upgrade' },
        })
        .expect(200);
      expect(drained.body.pod).toMatchObject({
        capacity_threshold: 0.5,
        affinity_tag: 'ssd',
        in_maintenance: true,
        maintenance_reason: 'kernel upgrade',
      });
      await expectDocumented(h, 'put', '/v1.0/pods/{pod_id}', 200, drained.body);

      const back = await h.admin.put(`/v1.0/pods/${pod.pod_id}`, { pod: { maintenance: false } }).expect(200);
      expect(back.body.pod).toMatchObject({ in_maintenance: false, maintenance_reason: null, capacity_threshold: 0.5 });
      expect((await h.admin.get(`/v1.0/pods/${pod.pod_id}`).expect(200)).body).toEqual(back.body);
    });

    it.each([
      [
        { pod: { name: 'Renamed' } },
        "Invalid input for field/attribute name. Additional properties are not allowed ('name' was unexpected)",
      ],
      [
        { pod: { maintenance: 'yes' } },
        "Invalid input for field/attribute maintenance. Value: yes. 'yes' is not of type 'boolean'",
      ],
      [
        { pod: { maintenance_reason: 'why' } },
        'Invalid input for field/attribute maintenance_reason. maintenance_reason is only taken with maintenance: true',
      ],
    ])('refuses %j with 400', async (body, message) => {
      const pod = await registerPod(h, `PodBadUpdate${Math.random()}`);
      const response = await h.admin.put(`/v1.0/pods/${pod.pod_id}`, body).expect(400);
      expect(response.body).toEqual({ badRequest: { code: 400, message } });
    });

    it('answers 404 for an unknown pod', async () => {
      const response = await h.admin.put(`/v1.0/pods/${UNKNOWN_ID}`, { pod: { maintenance: true } }).expect(404);
      expect(response.body).toEqual({ itemNotFound: { code: 404, message: `pod ${UNKNOWN_ID} could not be found` } });
    });
  });

  describe('DELETE /v1.0/pods/{pod_id}', () => {
    it('deregisters with 204 and keeps the pod readable', async () => {
      const pod = await registerPod(h, 'PodGone');
      const response = await h.admin.delete(`/v1.0/pods/${pod.pod_id}?reason=decommissioned`).expect(204);
      expect(response.text).toBe('');
      const shown = await h.admin.get(`/v1.0/pods/${pod.pod_id}`).expect(200);
      expect(shown.body.pod.status).toBe('deregistered');
      const listed = await h.admin.get('/v1.0/pods?name=PodGone&status=deregistered').expect(200);
      expect(listed.body.pods).toHaveLength(1);
    });

    it('refuses with 409 while a tenant is bound to the pod, and deregisters with force=true', async () => {
      const pod = await registerPod(h, 'PodInUse', 'use-az');
      await h.admin
        .post('/v1.0/bindings', { binding: { project_id: 'tenant-in-use', az_name: 'use-az', pod_id: pod.pod_id } })
        .expect(201);
      const refused = await h.admin.delete(`/v1.0/pods/${pod.pod_id}`).expect(409);
      expect(refused.body.conflictingRequest.message).toBe(
        `pod ${pod.pod_id} still has 1 active binding(s) and 0 routed resource(s); end them first or force`,
      );
      await h.admin.delete(`/v1.0/pods/${pod.pod_id}?force=true`).expect(204);
      expect((await h.admin.get(`/v1.0/pods/${pod.pod_id}`).expect(200)).body.pod.status).toBe('deregistered');
    });

    it('answers 404 for an unknown pod and 400 for a bad force flag', async () => {
      await h.admin.delete(`/v1.0/pods/${UNKNOWN_ID}`).expect(404);
      const pod = await registerPod(h, 'PodBadForce');
      const response = await h.admin.delete(`/v1.0/pods/${pod.pod_id}?force=sure`).expect(400);
      expect(response.body.badRequest.message).toMatch(/^Invalid input for query parameters force\. Value: sure\./);
    });
  });
});
