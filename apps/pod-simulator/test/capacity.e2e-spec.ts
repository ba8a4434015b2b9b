// Capacity and quotas of the simulated Nova: what hypervisor statistics and limits report as
// servers come and go, and what happens when a pod is full.
import { DELAYS, TestSimulator, activeServer, bootBody, startTestSimulator } from '../src/testing/sim-client';

describe('capacity and quotas', () => {
  let t: TestSimulator;
  const admin287 = () => t.nova.admin.with({ headers: { 'openstack-api-version': 'compute 2.87' } });
  const stats = async () => (await admin287().get('/os-hypervisors/statistics')).body.hypervisor_statistics;

  beforeAll(async () => {
    // Two hosts of 2 vCPUs / 4 GiB / 40 GB with no overcommit: at most 4 m1.medium-sized claims.
    t = await startTestSimulator({
      pods: [
        {
          hypervisorCount: 2,
          capacity: { vcpus: 2, memoryMb: 4096, diskGb: 40 },
          allocationRatio: { cpu: 1 },
          quotas: { instances: 5, cores: 20, ram: 51200 },
        },
      ],
    });
  });
  afterAll(() => t.stop());

  it('reports the configured capacity when empty', async () => {
    expect(await stats()).toEqual({
      count: 2,
      vcpus: 4,
      vcpus_used: 0,
      memory_mb: 8192,
      memory_mb_used: 0,
      local_gb: 80,
      local_gb_used: 0,
      free_ram_mb: 8192,
      free_disk_gb: 80,
      current_workload: 0,
      running_vms: 0,
      disk_available_least: 80,
    });
  });

  it('consumes capacity as servers are created (claimed at once, even in BUILD) and frees it on delete', async () => {
    const small = await t.nova.alice.post('/servers', bootBody('small', { flavorRef: '2' }));
    expect(await stats()).toMatchObject({ vcpus_used: 1, memory_mb_used: 2048, local_gb_used: 20, running_vms: 1 });
    const limits = (await t.nova.alice.get('/limits')).body.limits.absolute;
    expect(limits).toMatchObject({ totalInstancesUsed: 1, totalCoresUsed: 1, totalRAMUsed: 2048, maxTotalInstances: 5 });
    // Spread: the RAM weigher sends the next server to the emptier host.
    const other = await activeServer(t, t.nova.alice, 'other', { flavorRef: '2' });
    const hosts = (await t.nova.admin.get('/os-hypervisors/detail?x=1')).body.hypervisors;
    expect(hosts.map((h: { running_vms?: number }) => h.running_vms)).toEqual([undefined, undefined]);
    const detail = (await admin287().get('/os-hypervisors/detail')).body.hypervisors;
    expect(detail.map((h: { running_vms: number }) => h.running_vms)).toEqual([1, 1]);
    await t.nova.alice.delete(`/servers/${small.body.server.id}`);
    await t.nova.alice.delete(`/servers/${other}`);
    t.advance(DELAYS.actionMs);
    expect(await stats()).toMatchObject({ vcpus_used: 0, memory_mb_used: 0, running_vms: 0 });
  });

  it('ends in ERROR with NoValidHost when no host fits, without consuming anything', async () => {
    const big = await t.nova.alice.post('/servers', bootBody('too-big', { flavorRef: '4' }));
    t.advance(DELAYS.buildMs);
    const server = (await t.nova.alice.get(`/servers/${big.body.server.id}`)).body.server;
    expect([server.status, server.fault.message]).toEqual([
      'ERROR',
      'No valid host was found. There are not enough hosts available.',
    ]);
    expect((await stats()).running_vms).toBe(0);
    await t.nova.alice.delete(`/servers/${big.body.server.id}`);
    t.advance(DELAYS.actionMs);
  });

  it('refuses creation beyond the project quota with 403 forbidden', async () => {
    for (let i = 0; i < 5; i++)
      expect((await t.nova.alice.post('/servers', bootBody(`q${i}`, { flavorRef: '42' }))).status).toBe(202);
    const over = await t.nova.alice.post('/servers', bootBody('q5', { flavorRef: '42' }));
    expect(over.status).toBe(403);
    expect(over.body.forbidden.message).toBe('Quota exceeded for instances: Requested 1, but already used 5 of 5 instances');
    // Quotas are per project: bob is not affected.
    expect((await t.nova.bob.post('/servers', bootBody('bob-1', { flavorRef: '42' }))).status).toBe(202);
  });

  it('removes /os-hypervisors/statistics at 2.88 as Nova does', async () => {
    const v288 = await t.nova.admin
      .with({ headers: { 'openstack-api-version': 'compute 2.88' } })
      .get('/os-hypervisors/statistics');
    expect(v288.status).toBe(404);
    expect((await t.nova.alice.get('/os-hypervisors/statistics')).status).toBe(403);
  });

  it("lets an admin read another project's limits and quota usage", async () => {
    const limits = await t.nova.admin.get(`/limits?tenant_id=${t.projectId('tenant-a')}`);
    expect(limits.body.limits.absolute.totalInstancesUsed).toBe(5);
    const quota = await t.nova.admin.get(`/os-quota-sets/${t.projectId('tenant-a')}/detail`);
    expect(quota.body.quota_set.instances).toEqual({ limit: 5, in_use: 5, reserved: 0 });
    expect((await t.nova.bob.get(`/limits?tenant_id=${t.projectId('tenant-a')}`)).status).toBe(403);
  });
});
