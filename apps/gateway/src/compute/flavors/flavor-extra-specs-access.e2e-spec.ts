// Nova's shapes asserted in full; the same answers against Tempest's response schemas (Debian
// python3-tempest) are in flavors-tempest.system-spec.ts, run by `npm run test:system`.
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';

describe('compute flavor extra specs and access (gateway + simulated pods, real sockets)', () => {
  let h: ComputeHarness;
  const specs = '/compute/v2.1/flavors/e2e.gpu/os-extra_specs';

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1' }] });
    const admin = h.as('admin');
    const flavor = { name: 'e2e-gpu', ram: 2048, vcpus: 2, disk: 20, 'os-flavor-access:is_public': false };
    await admin.post('/compute/v2.1/flavors', { flavor: { id: 'e2e.gpu', ...flavor } }).expect(200);
    await admin
      .post('/compute/v2.1/flavors', { flavor: { id: 'e2e.pub', name: 'e2e-pub', ram: 512, vcpus: 1, disk: 1 } })
      .expect(200);
  });
  afterAll(() => h?.close());

  describe('extra specs', () => {
    it('sets (answering the body as sent), lists, shows, updates and deletes them as Nova does', async () => {
      const admin = h.as('admin');
      const sent = { extra_specs: { 'podgate:affinity_tag': 'gpu', 'hw:cpu_policy': 'dedicated', 'quota:cpu_shares': 1024 } };
      const created = await admin.post(specs, sent).expect(200);
      expect(created.body).toEqual(sent);
      const listed = await admin.get(specs).expect(200);
      expect(listed.body).toEqual({
        extra_specs: { 'podgate:affinity_tag': 'gpu', 'hw:cpu_policy': 'dedicated', 'quota:cpu_shares': '1024' },
      });
      const shown = await admin.get(`${specs}/hw:cpu_policy`).expect(200);
      expect(shown.body).toEqual({ 'hw:cpu_policy': 'dedicated' });
      expect((await admin.put(`${specs}/hw:cpu_policy`, { 'hw:cpu_policy': 'shared' }).expect(200)).body).toEqual({
        'hw:cpu_policy': 'shared',
      });
      // Nova's delete answers 200 with no body at all.
      const deleted = await admin.delete(`${specs}/quota:cpu_shares`).expect(200);
      expect(deleted.text).toBe('');
      const detail = await admin.get('/compute/v2.1/flavors/e2e.gpu').set('OpenStack-API-Version', 'compute 2.61').expect(200);
      expect(detail.body.flavor.extra_specs).toEqual({ 'podgate:affinity_tag': 'gpu', 'hw:cpu_policy': 'shared' });
    });

    it('refuses what Nova refuses', async () => {
      const admin = h.as('admin');
      const missing = await admin.get(`${specs}/nope`).expect(404);
      expect(missing.body.itemNotFound.message).toBe('Flavor e2e.gpu has no extra specs with key nope.');
      await admin.delete(`${specs}/nope`).expect(404);
      const mismatch = await admin.put(`${specs}/hw:cpu_policy`, { 'hw:mem_page_size': 'large' }).expect(400);
      expect(mismatch.body.badRequest.message).toBe('Request body and URI mismatch');
      const two = await admin.put(`${specs}/a`, { a: '1', b: '2' }).expect(400);
      expect(two.body.badRequest.message).toBe("{'a': '1', 'b': '2'} has too many properties");
      const badKey = await admin.post(specs, { extra_specs: { 'bad/key': 'x' } }).expect(400);
      expect(badKey.body.badRequest.message).toContain("'bad/key' does not match any of the regexes");
      const blankTag = await admin.post(specs, { extra_specs: { 'podgate:affinity_tag': '' } }).expect(400);
      expect(blankTag.body.badRequest.message).toContain('podgate:affinity_tag');
      await h
        .as('alice')
        .post(specs, { extra_specs: { a: 'b' } })
        .expect(403);
      await admin.get('/compute/v2.1/flavors/nope/os-extra_specs').expect(404);
    });
  });

  describe('access', () => {
    it('shares a private flavor with a project, which then sees it; removal hides it again', async () => {
      const admin = h.as('admin');
      const tenantA = h.projectIdOf('tenant-a');
      await h.as('alice').get('/compute/v2.1/flavors/e2e.gpu').expect(404);
      const added = await admin
        .post('/compute/v2.1/flavors/e2e.gpu/action', { addTenantAccess: { tenant: tenantA } })
        .expect(200);
      expect(added.body).toEqual({ flavor_access: [{ flavor_id: 'e2e.gpu', tenant_id: tenantA }] });
      expect((await admin.get('/compute/v2.1/flavors/e2e.gpu/os-flavor-access').expect(200)).body).toEqual(added.body);
      await h.as('alice').get('/compute/v2.1/flavors/e2e.gpu').expect(200);
      await h.as('alice').get(`${specs}`).expect(200);
      await h.as('bob').get(`${specs}`).expect(404);
      const removed = await admin
        .post('/compute/v2.1/flavors/e2e.gpu/action', { removeTenantAccess: { tenant: tenantA } })
        .expect(200);
      expect(removed.body).toEqual({ flavor_access: [] });
      await h.as('alice').get('/compute/v2.1/flavors/e2e.gpu').expect(404);
    });

    it('answers Nova’s errors', async () => {
      const admin = h.as('admin');
      const action = '/compute/v2.1/flavors/e2e.pub/action';
      expect((await admin.post(action, { addTenantAccess: { tenant: 'p' } }).expect(409)).body.conflictingRequest.message).toBe(
        'Can not add access to a public flavor.',
      );
      expect((await admin.get('/compute/v2.1/flavors/e2e.pub/os-flavor-access').expect(404)).body.itemNotFound.message).toBe(
        'Access list not available for public flavors.',
      );
      await admin.post('/compute/v2.1/flavors/e2e.gpu/action', { addTenantAccess: { tenant: 'p1' } }).expect(200);
      expect(
        (await admin.post('/compute/v2.1/flavors/e2e.gpu/action', { addTenantAccess: { tenant: 'p1' } }).expect(409)).body
          .conflictingRequest.message,
      ).toBe('Flavor access already exists for flavor e2e.gpu and project p1 combination.');
      expect(
        (await admin.post('/compute/v2.1/flavors/e2e.gpu/action', { removeTenantAccess: { tenant: 'p2' } }).expect(404)).body
          .itemNotFound.message,
      ).toBe('Flavor access not found for e2e.gpu / p2 combination.');
      expect((await admin.post(action, { shelve: null }).expect(400)).body.badRequest.message).toBe(
        'There is no such action: shelve',
      );
      expect((await admin.post(action, { addTenantAccess: {} }).expect(400)).body.badRequest.message).toBe(
        "Invalid input for field/attribute addTenantAccess. Value: {}. 'tenant' is a required property",
      );
      await h.as('alice').get('/compute/v2.1/flavors/e2e.gpu/os-flavor-access').expect(403);
    });
  });
});
