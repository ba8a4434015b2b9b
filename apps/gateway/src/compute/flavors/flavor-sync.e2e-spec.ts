import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { eventually } from '../../../../../test/eventually';

describe('flavors pushed to pods by the gateway’s reconciler (real sockets)', () => {
  let h: ComputeHarness;
  const flavorOn = (pod: number, id: string) => h.pods[pod].sim.state.nova.flavors.find(id);
  const audit = async (type: string) =>
    (await h.as('admin').get(`/v1.0/audit?type=${type}&resource_id=flavor/e2e.sync`).expect(200)).body.events as Array<
      Record<string, unknown>
    >;

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1' }, { az: 'az2', register: false }] });
  });
  afterAll(() => h?.close());

  it('pushes a new flavor, with its id, extra specs and access, to the active pods', async () => {
    const admin = h.as('admin');
    const flavor = { id: 'e2e.sync', name: 'e2e-sync', ram: 2048, vcpus: 2, disk: 20, 'os-flavor-access:is_public': false };
    await admin.post('/compute/v2.1/flavors', { flavor }).expect(200);
    await admin
      .post('/compute/v2.1/flavors/e2e.sync/os-extra_specs', { extra_specs: { 'podgate:affinity_tag': 'gpu' } })
      .expect(200);
    await admin
      .post('/compute/v2.1/flavors/e2e.sync/action', { addTenantAccess: { tenant: h.projectIdOf('tenant-a') } })
      .expect(200);
    await eventually(() =>
      expect(flavorOn(0, 'e2e.sync')).toMatchObject({
        name: 'e2e-sync',
        ram: 2048,
        isPublic: false,
        extraSpecs: { 'podgate:affinity_tag': 'gpu' },
        access: new Set([h.projectIdOf('tenant-a')]),
      }),
    );
    expect(flavorOn(1, 'e2e.sync')).toBeUndefined();
    await eventually(async () =>
      expect(await audit('FlavorSyncedToPod')).toContainEqual(
        expect.objectContaining({
          pod_id: h.pods[0].podId,
          outcome: 'succeeded',
          data: expect.objectContaining({ generation: 3 }),
        }),
      ),
    );
  });

  it('gives a pod registered later every live flavor', async () => {
    await h.registerPod(1);
    await eventually(() =>
      expect(flavorOn(1, 'e2e.sync')).toMatchObject({ name: 'e2e-sync', extraSpecs: { 'podgate:affinity_tag': 'gpu' } }),
    );
  });

  it('records a failing pod in the audit, retries it, and catches it up once it answers', async () => {
    h.pods[1].sim.faults.update({ errorRate: 1, errorStatus: 503, pathPrefix: '/compute' });
    try {
      await h
        .as('admin')
        .put('/compute/v2.1/flavors/e2e.sync/os-extra_specs/hw:cpu_policy', { 'hw:cpu_policy': 'dedicated' })
        .expect(200);
      await eventually(async () =>
        expect(await audit('FlavorSyncFailed')).toContainEqual(
          expect.objectContaining({
            pod_id: h.pods[1].podId,
            outcome: 'failed',
            data: expect.objectContaining({ generation: 4, status: 503 }),
          }),
        ),
      );
      await eventually(() => expect(flavorOn(0, 'e2e.sync')?.extraSpecs['hw:cpu_policy']).toBe('dedicated'));
      expect(flavorOn(1, 'e2e.sync')?.extraSpecs['hw:cpu_policy']).toBeUndefined();
    } finally {
      h.pods[1].sim.faults.reset();
    }
    await eventually(() => expect(flavorOn(1, 'e2e.sync')?.extraSpecs['hw:cpu_policy']).toBe('dedicated'));
    const failures = await audit('FlavorSyncFailed');
    expect(failures.filter((e) => (e.data as { generation: number }).generation === 4)).toHaveLength(1);
  });

  it('removes a deleted flavor from every pod', async () => {
    await h.as('admin').delete('/compute/v2.1/flavors/e2e.sync').expect(202);
    await eventually(() => expect([flavorOn(0, 'e2e.sync'), flavorOn(1, 'e2e.sync')]).toEqual([undefined, undefined]));
  });
});
