// podgate's flavor answers against Tempest's own response schemas (Debian python3-tempest, loaded by
// /usr/bin/python3): the system tier, since `npm test` needs no system package. The e2e specs next to
// this one assert the same shapes field by field.
import { type TempestSchema, tempestProblems } from '../../../../../test/openstack/fidelity/tempest-schemas';
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { expectTempestValid, flavorSchemas, unversionedSchemas } from './testing/flavor-schemas';

const VERSIONS = ['2.1', '2.54', '2.55', '2.60', '2.61', '2.74', '2.75', '2.96'] as const;
const V = (version: string) => ({ 'OpenStack-API-Version': `compute ${version}` });
const DETAIL = 'create_update_get_flavor_details';

describe('compute flavors against Tempest’s response schemas (python3-tempest)', () => {
  let h: ComputeHarness;
  let schema: (name: string, version: string) => TempestSchema;
  let plain: Record<string, TempestSchema>;

  beforeAll(async () => {
    schema = flavorSchemas(VERSIONS);
    plain = unversionedSchemas();
    h = await startComputeHarness({ pods: [{ az: 'az1' }] });
    const admin = h.as('admin');
    const flavor = (id: string, extra: Record<string, unknown> = {}) => ({
      flavor: { id, name: `tempest-${id}`, ram: 1024, vcpus: 2, disk: 10, ...extra },
    });
    await admin.post('/compute/v2.1/flavors', flavor('t.plain')).expect(200);
    await admin
      .post('/compute/v2.1/flavors', flavor('t.full', { swap: 512, rxtx_factor: 2.5, description: 'all fields' }))
      .set(V('2.55'))
      .expect(200);
    await admin.post('/compute/v2.1/flavors', flavor('t.private', { 'os-flavor-access:is_public': false })).expect(200);
    await admin
      .post('/compute/v2.1/flavors/t.full/os-extra_specs', {
        extra_specs: { 'hw:cpu_policy': 'dedicated', 'quota:cpu_shares': 1024 },
      })
      .expect(200);
  });
  afterAll(() => h?.close());

  it('catches a wrong shape (the comparison is not vacuous)', async () => {
    const { body } = await h.as('admin').get('/compute/v2.1/flavors/t.plain').set(V('2.1')).expect(200);
    expect(tempestProblems(schema(DETAIL, '2.1'), 200, body)).toEqual([]);
    expect(tempestProblems(schema(DETAIL, '2.1'), 200, { flavor: { ...body.flavor, ram: '1024' } })).toEqual([
      '/flavor/ram must be integer',
    ]);
    expect(tempestProblems(schema(DETAIL, '2.61'), 200, body)).toEqual(["/flavor must have required property 'description'"]);
    expect(tempestProblems(plain.unset_extra_spec, 202, undefined)).toEqual(['status 202 not in [200]']);
  });

  it.each(VERSIONS)('create, show, list and list detail at %s', async (version) => {
    const admin = h.as('admin');
    const created = await admin
      .post('/compute/v2.1/flavors', { flavor: { name: `tempest-at-${version}`, ram: 512, vcpus: 1, disk: 1 } })
      .set(V(version))
      .expect(200);
    expectTempestValid(schema(DETAIL, version), 200, created.body);
    for (const id of ['t.plain', 't.full', 't.private']) {
      expectTempestValid(schema(DETAIL, version), 200, (await admin.get(`/compute/v2.1/flavors/${id}`).set(V(version))).body);
    }
    const list = await admin.get('/compute/v2.1/flavors?is_public=None&limit=2').set(V(version)).expect(200);
    expect(list.body.flavors_links).toHaveLength(1);
    expectTempestValid(schema('list_flavors', version), 200, list.body);
    const detail = await h.as('alice').get('/compute/v2.1/flavors/detail').set(V(version)).expect(200);
    expectTempestValid(schema('list_flavors_details', version), 200, detail.body);
    await admin.delete(`/compute/v2.1/flavors/${created.body.flavor.id}`).expect(202);
  });

  it('update (2.55+)', async () => {
    for (const version of VERSIONS.filter((v) => Number(v.split('.')[1]) >= 55)) {
      const updated = await h
        .as('admin')
        .put('/compute/v2.1/flavors/t.plain', { flavor: { description: `at ${version}` } })
        .set(V(version))
        .expect(200);
      expectTempestValid(schema(DETAIL, version), 200, updated.body);
    }
  });

  it('extra specs: set, list, show, update, unset', async () => {
    const admin = h.as('admin');
    const specs = '/compute/v2.1/flavors/t.full/os-extra_specs';
    expectTempestValid(plain.extra_specs, 200, (await admin.post(specs, { extra_specs: { 'hw:numa_nodes': '1' } })).body);
    expectTempestValid(plain.extra_specs, 200, (await admin.get(specs)).body);
    expectTempestValid(plain.extra_spec_key, 200, (await admin.get(`${specs}/hw:cpu_policy`)).body);
    expectTempestValid(
      plain.extra_spec_key,
      200,
      (await admin.put(`${specs}/hw:cpu_policy`, { 'hw:cpu_policy': 'shared' })).body,
    );
    const unset = await admin.delete(`${specs}/quota:cpu_shares`);
    expectTempestValid(plain.unset_extra_spec, unset.status, unset.body);
  });

  it('access: add, list, remove; and delete of a flavor', async () => {
    const admin = h.as('admin');
    const action = '/compute/v2.1/flavors/t.private/action';
    const added = await admin.post(action, { addTenantAccess: { tenant: h.projectIdOf('tenant-a') } });
    expectTempestValid(plain.access, added.status, added.body);
    expect(added.body.flavor_access).toHaveLength(1);
    const listed = await admin.get('/compute/v2.1/flavors/t.private/os-flavor-access');
    expectTempestValid(plain.access, listed.status, listed.body);
    const removed = await admin.post(action, { removeTenantAccess: { tenant: h.projectIdOf('tenant-a') } });
    expectTempestValid(plain.access, removed.status, removed.body);
    const deleted = await admin.delete('/compute/v2.1/flavors/t.private');
    expectTempestValid(plain.delete_flavor, deleted.status, deleted.body);
  });
});
