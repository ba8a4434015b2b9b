import { type AdminHarness, registerPod, startAdminHarness } from '../testing/admin-harness';
import { expectDocumented } from '../testing/documented-schema';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Binding = Record<string, unknown> & { binding_id: string; bound_at: string; ended_at: string | null };

describe('admin API: /v1.0/bindings', () => {
  let h: AdminHarness;
  let podA: string;
  let podB: string;
  let podGpu: string;
  beforeAll(async () => {
    h = await startAdminHarness();
    podA = (await registerPod(h, 'BindA', 'bind-az')).pod_id as string;
    podB = (await registerPod(h, 'BindB', 'bind-az')).pod_id as string;
    podGpu = (await registerPod(h, 'BindGpu', 'bind-az', { affinity_tag: 'gpu' })).pod_id as string;
  });
  afterAll(() => h.close());

  const pin = async (projectId: string, podId: string, extra: object = {}): Promise<Binding> => {
    const response = await h.admin
      .post('/v1.0/bindings', { binding: { project_id: projectId, az_name: 'bind-az', pod_id: podId, ...extra } })
      .expect(201);
    return response.body.binding as Binding;
  };
  const ids = (body: { bindings: Binding[] }) => body.bindings.map((binding) => binding.binding_id);

  describe('POST /v1.0/bindings', () => {
    it('pins a tenant to a pod and answers 201 with the binding', async () => {
      const response = await h.admin
        .post('/v1.0/bindings', {
          binding: { project_id: 'tenant-pin', az_name: 'bind-az', pod_id: podGpu, affinity_tag: 'gpu' },
        })
        .expect(201);
      expect(response.body).toEqual({
        binding: {
          binding_id: expect.any(String),
          project_id: 'tenant-pin',
          az_name: 'bind-az',
          affinity_tag: 'gpu',
          pod_id: podGpu,
          reason: 'admin-pin',
          active: true,
          bound_at: expect.stringMatching(ISO),
          bound_by: 'admin',
          ended_at: null,
          end_reason: null,
          ended_by: null,
        },
      });
      await expectDocumented(h, 'post', '/v1.0/bindings', 201, response.body);
    });

    it('answers 404 for an unknown pod', async () => {
      const response = await h.admin
        .post('/v1.0/bindings', { binding: { project_id: 't', az_name: 'bind-az', pod_id: UNKNOWN_ID } })
        .expect(404);
      expect(response.body).toEqual({ itemNotFound: { code: 404, message: `pod ${UNKNOWN_ID} could not be found` } });
    });

    it('answers 409 for a deregistered pod', async () => {
      const gone = (await registerPod(h, 'BindGone', 'bind-az')).pod_id as string;
      await h.admin.delete(`/v1.0/pods/${gone}`).expect(204);
      const response = await h.admin
        .post('/v1.0/bindings', { binding: { project_id: 't', az_name: 'bind-az', pod_id: gone } })
        .expect(409);
      expect(response.body).toEqual({
        conflictingRequest: { code: 409, message: `pod ${gone} is deregistered and cannot take bindings` },
      });
    });

    it.each([
      [() => podA, 'gpu', "pod BindA has no affinity tag, but the binding asks for affinity tag 'gpu'"],
      [() => podGpu, undefined, "pod BindGpu has affinity tag 'gpu', but the binding asks for no affinity tag"],
      [() => podGpu, 'ssd', "pod BindGpu has affinity tag 'gpu', but the binding asks for affinity tag 'ssd'"],
    ])('answers 400 when the pod and the binding differ in affinity tag (%#)', async (podId, affinityTag, message) => {
      const response = await h.admin
        .post('/v1.0/bindings', {
          binding: { project_id: 't-tag', az_name: 'bind-az', pod_id: podId(), affinity_tag: affinityTag },
        })
        .expect(400);
      expect(response.body).toEqual({ badRequest: { code: 400, message } });
      expect((await h.admin.get('/v1.0/bindings?project_id=t-tag').expect(200)).body.bindings).toEqual([]);
    });

    it('answers 409 for a pod in maintenance', async () => {
      const drained = (await registerPod(h, 'BindDrained', 'bind-az')).pod_id as string;
      await h.admin.put(`/v1.0/pods/${drained}`, { pod: { maintenance: true } }).expect(200);
      const response = await h.admin
        .post('/v1.0/bindings', { binding: { project_id: 't-drained', az_name: 'bind-az', pod_id: drained } })
        .expect(409);
      expect(response.body).toEqual({
        conflictingRequest: { code: 409, message: 'pod BindDrained is in maintenance (drained) and takes no new bindings' },
      });
      expect((await h.admin.get('/v1.0/bindings?project_id=t-drained').expect(200)).body.bindings).toEqual([]);
    });

    it.each([
      [
        { binding: { az_name: 'bind-az', pod_id: UNKNOWN_ID } },
        "Invalid input for field/attribute project_id. 'project_id' is a required property",
      ],
      [
        { binding: { project_id: 't', az_name: 'bind-az', pod_id: 'Pod1' } },
        "Invalid input for field/attribute pod_id. Value: Pod1. 'Pod1' is not a 'uuid'",
      ],
      [
        { binding: { project_id: 't', az_name: 'bind-az', pod_id: UNKNOWN_ID, reason: 'x' } },
        "Invalid input for field/attribute reason. Additional properties are not allowed ('reason' was unexpected)",
      ],
      [
        { binding: { project_id: 't', az_name: ['bind-az'], pod_id: UNKNOWN_ID } },
        `Invalid input for field/attribute az_name. Value: ["bind-az"]. ["bind-az"] is not of type 'string'`,
      ],
    ])('refuses %j with 400', async (body, message) => {
      const response = await h.admin.post('/v1.0/bindings', body).expect(400);
      expect(response.body).toEqual({ badRequest: { code: 400, message } });
    });
  });

  describe('GET /v1.0/bindings/{binding_id}', () => {
    it('shows a binding', async () => {
      const binding = await pin('tenant-show', podA);
      const response = await h.admin.get(`/v1.0/bindings/${binding.binding_id}`).expect(200);
      expect(response.body).toEqual({ binding });
      await expectDocumented(h, 'get', '/v1.0/bindings/{binding_id}', 200, response.body);
    });

    it.each([UNKNOWN_ID, 'nope'])('answers 404 for %s', async (id) => {
      const response = await h.admin.get(`/v1.0/bindings/${id}`).expect(404);
      expect(response.body).toEqual({ itemNotFound: { code: 404, message: `binding ${id} could not be found` } });
    });
  });

  describe('DELETE /v1.0/bindings/{binding_id}', () => {
    it('ends the binding, answers 200 with it, and keeps it', async () => {
      const binding = await pin('tenant-end', podB);
      const response = await h.admin.delete(`/v1.0/bindings/${binding.binding_id}?reason=tenant%20moved`).expect(200);
      expect(response.body.binding).toEqual({
        ...binding,
        active: false,
        ended_at: expect.stringMatching(ISO),
        end_reason: 'tenant moved',
        ended_by: 'admin',
      });
      await expectDocumented(h, 'delete', '/v1.0/bindings/{binding_id}', 200, response.body);
      expect((await h.admin.get(`/v1.0/bindings/${binding.binding_id}`).expect(200)).body).toEqual(response.body);
    });

    it('answers 404 for an unknown binding', async () => {
      await h.admin.delete(`/v1.0/bindings/${UNKNOWN_ID}`).expect(404);
    });
  });

  describe('GET /v1.0/bindings', () => {
    it('answers with the binding in force at each as_of instant over a sequence of rebinds', async () => {
      // Apart by more than the clock's millisecond, so each binding has an instant of its own.
      const first = await pin('tenant-history', podA);
      await pause(5);
      const second = await pin('tenant-history', podB);
      await pause(5);
      const third = await pin('tenant-history', podA);
      const firstEnded = (await h.admin.get(`/v1.0/bindings/${first.binding_id}`).expect(200)).body.binding as Binding;
      const secondEnded = (await h.admin.get(`/v1.0/bindings/${second.binding_id}`).expect(200)).body.binding as Binding;
      expect(firstEnded.ended_at).toBe(second.bound_at);
      expect(secondEnded.ended_at).toBe(third.bound_at);

      const asOf = async (instant: string) =>
        ids(
          (await h.admin.get(`/v1.0/bindings?project_id=tenant-history&as_of=${encodeURIComponent(instant)}`).expect(200)).body,
        );
      const before = new Date(Date.parse(first.bound_at) - 1000).toISOString();
      expect(await asOf(before)).toEqual([]);
      expect(await asOf(first.bound_at)).toEqual([first.binding_id]);
      expect(await asOf(second.bound_at)).toEqual([second.binding_id]);
      expect(await asOf(third.bound_at)).toEqual([third.binding_id]);
      expect(await asOf(new Date(Date.now() + 60_000).toISOString())).toEqual([third.binding_id]);
      // The same instant in another zone is the same instant.
      const offset = new Date(Date.parse(second.bound_at)).toISOString().replace('Z', '+00:00');
      expect(await asOf(offset)).toEqual([second.binding_id]);
    });

    describe('filters', () => {
      beforeAll(async () => {
        await pin('tenant-filter', podB);
        await pin('tenant-filter', podA);
      });

      it.each([
        ['pod_id', () => `pod_id=${podA}`, 1],
        ['active=true', () => 'active=true', 1],
        ['active=0', () => 'active=0', 1],
        ['az_name', () => 'az_name=bind-az', 2],
        ['az_name elsewhere', () => 'az_name=other-az', 0],
      ])('by %s', async (_name, filter, count) => {
        const response = await h.admin.get(`/v1.0/bindings?project_id=tenant-filter&${filter()}`).expect(200);
        expect(response.body.bindings).toHaveLength(count);
        await expectDocumented(h, 'get', '/v1.0/bindings', 200, response.body);
      });
    });

    it('pages with limit and marker, linking the next page only while pages are full', async () => {
      const made: Binding[] = [];
      for (const tenant of ['tenant-page-1', 'tenant-page-2', 'tenant-page-3']) {
        made.push(await pin(tenant, podA));
        await pause(5);
      }
      const filter = `pod_id=${podA}&active=true&limit=2`;
      const all = ids((await h.admin.get(`/v1.0/bindings?pod_id=${podA}&active=true`).expect(200)).body);
      expect(all.slice(-3)).toEqual(made.map((binding) => binding.binding_id));

      let next: string | undefined = `/v1.0/bindings?${filter}`;
      const walked: string[] = [];
      while (next) {
        const response: { body: { bindings: Binding[]; bindings_links?: { href: string }[] } } = await h.admin
          .get(next)
          .expect(200);
        walked.push(...ids(response.body));
        const href: string | undefined = response.body.bindings_links?.[0]?.href;
        if (href) expect(new URL(href).searchParams.get('pod_id')).toBe(podA);
        next = href && `${new URL(href).pathname}${new URL(href).search}`;
      }
      expect(walked).toEqual(all);
      expect(walked.length).toBeGreaterThan(2);
    });

    it.each([
      ['as_of=yesterday', "Invalid input for query parameters as_of. Value: yesterday. 'yesterday' is not a 'date-time'"],
      [
        'as_of=2025-01-31T12:00:00',
        "Invalid input for query parameters as_of. Value: 2025-01-31T12:00:00. '2025-01-31T12:00:00' is not a 'date-time'",
      ],
      ['limit=5000', 'Invalid input for query parameters limit. Value: 5000. 5000 is greater than the maximum of 1000'],
      [`marker=${UNKNOWN_ID}`, `marker ${UNKNOWN_ID} not found`],
      ['marker=last', "Invalid input for query parameters marker. Value: last. 'last' is not a 'uuid'"],
      [
        'active=maybe',
        "Invalid input for query parameters active. Value: maybe. 'maybe' is not one of ['0', '1', 'true', 'false', 'yes', 'no']",
      ],
      ['pod_id=Pod1', "Invalid input for query parameters pod_id. Value: Pod1. 'Pod1' is not a 'uuid'"],
    ])('refuses %s with 400', async (query, message) => {
      const response = await h.admin.get(`/v1.0/bindings?${query}`).expect(400);
      expect(response.body).toEqual({ badRequest: { code: 400, message } });
    });

    // The wire or the query refuses these, whichever sees them first; never PostgreSQL (500, SQLSTATE 22008).
    it.each(['0000-01-01T00:00:00Z', '0001-01-01T00:00:00+01:00', '-000001-01-01T00:00:00Z', '+010000-01-01T00:00:00Z'])(
      'refuses as_of=%s, outside the years 0001-9999, with 400',
      async (instant) => {
        const response = await h.admin.get(`/v1.0/bindings?as_of=${encodeURIComponent(instant)}`).expect(400);
        expect(response.body.badRequest.message).toMatch(/as_of/);
      },
    );

    it.each(['0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z'])('answers as_of=%s, at an end of the range', async (instant) => {
      await h.admin.get(`/v1.0/bindings?as_of=${encodeURIComponent(instant)}`).expect(200);
    });
  });
});
