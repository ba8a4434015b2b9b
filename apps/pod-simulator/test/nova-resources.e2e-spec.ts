// The rest of the simulated Nova: flavors, keypairs, server metadata and tags, availability
// zones, services (and evacuation from a forced-down host), external events.
import { DELAYS, TestSimulator, activeServer, bootBody, startTestSimulator } from '../src/testing/sim-client';

describe('simulated Nova resources', () => {
  let t: TestSimulator;

  beforeAll(async () => {
    t = await startTestSimulator();
  });
  afterAll(() => t.stop());

  it('lists flavors (summary and detail) and shows one', async () => {
    const summary = (await t.nova.alice.get('/flavors')).body.flavors;
    expect(summary.map((f: { id: string }) => f.id)).toEqual(['1', '2', '3', '4', '42']);
    expect(Object.keys(summary[0]).sort()).toEqual(['description', 'id', 'links', 'name']);
    const tiny = (await t.nova.alice.get('/flavors/1')).body.flavor;
    expect(tiny).toMatchObject({
      name: 'm1.tiny',
      ram: 512,
      vcpus: 1,
      disk: 1,
      'os-flavor-access:is_public': true,
      extra_specs: {},
    });
    expect((await t.nova.alice.get('/flavors/detail?minRam=4096')).body.flavors.map((f: { name: string }) => f.name)).toEqual([
      'm1.medium',
      'm1.large',
    ]);
    expect((await t.nova.alice.get('/flavors/77')).body.itemNotFound.message).toBe('Flavor 77 could not be found.');
  });

  it('lets admins create private flavors, grant access, set extra specs and delete them', async () => {
    const body = {
      flavor: { name: 'gpu.large', ram: 4096, vcpus: 4, disk: 10, id: 'gpu-1', 'os-flavor-access:is_public': false },
    };
    expect((await t.nova.alice.post('/flavors', body)).status).toBe(403);
    expect((await t.nova.admin.post('/flavors', body)).body.flavor).toMatchObject({
      id: 'gpu-1',
      'os-flavor-access:is_public': false,
    });
    expect((await t.nova.admin.post('/flavors', body)).status).toBe(409);
    expect((await t.nova.alice.get('/flavors/gpu-1')).status).toBe(404);
    const access = await t.nova.admin.post('/flavors/gpu-1/action', { addTenantAccess: { tenant: t.projectId('tenant-a') } });
    expect(access.body.flavor_access).toEqual([{ flavor_id: 'gpu-1', tenant_id: t.projectId('tenant-a') }]);
    expect((await t.nova.alice.get('/flavors/gpu-1')).status).toBe(200);
    expect(
      (await t.nova.admin.post('/flavors/gpu-1/os-extra_specs', { extra_specs: { 'hw:cpu_policy': 'dedicated' } })).status,
    ).toBe(200);
    expect((await t.nova.alice.get('/flavors/gpu-1/os-extra_specs/hw:cpu_policy')).body).toEqual({
      'hw:cpu_policy': 'dedicated',
    });
    expect((await t.nova.admin.get('/flavors/1/os-flavor-access')).body.itemNotFound.message).toBe(
      'Access list not available for public flavors.',
    );
    expect((await t.nova.admin.delete('/flavors/gpu-1')).status).toBe(202);
    expect((await t.nova.admin.get('/flavors/gpu-1')).status).toBe(404);
  });

  it('generates and imports keypairs per user', async () => {
    // Since 2.92 Nova no longer generates keys: public_key is required.
    expect((await t.nova.alice.post('/os-keypairs', { keypair: { name: 'gen' } })).status).toBe(400);
    const v291 = t.nova.alice.with({ headers: { 'openstack-api-version': 'compute 2.91' } });
    const generated = await v291.post('/os-keypairs', { keypair: { name: 'gen' } });
    expect(generated.status).toBe(201);
    expect(generated.body.keypair.public_key).toMatch(/^ssh-rsa AAAA/);
    expect(generated.body.keypair.private_key).toContain('BEGIN RSA PRIVATE KEY');
    expect(generated.body.keypair.fingerprint).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    const imported = await t.nova.alice.post('/os-keypairs', {
      keypair: { name: 'mine', public_key: generated.body.keypair.public_key },
    });
    expect(imported.body.keypair.fingerprint).toBe(generated.body.keypair.fingerprint);
    expect(imported.body.keypair.private_key).toBeUndefined();
    expect((await v291.post('/os-keypairs', { keypair: { name: 'gen' } })).body.conflictingRequest.message).toBe(
      "Key pair 'gen' already exists.",
    );
    expect(
      (await t.nova.alice.get('/os-keypairs')).body.keypairs.map((k: { keypair: { name: string } }) => k.keypair.name),
    ).toEqual(['gen', 'mine']);
    expect((await t.nova.bob.get('/os-keypairs')).body.keypairs).toEqual([]);
    expect((await t.nova.alice.post('/servers', bootBody('keyed', { key_name: 'nope' }))).body.badRequest.message).toBe(
      'Invalid key_name provided.',
    );
    expect((await t.nova.alice.delete('/os-keypairs/mine')).status).toBe(204);
  });

  it('guards server metadata changes by state (409 in BUILD) and supports per-key routes', async () => {
    const building = await t.nova.alice.post('/servers', bootBody('meta'));
    const id = building.body.server.id;
    const early = await t.nova.alice.post(`/servers/${id}/metadata`, { metadata: { a: '1' } });
    expect(early.body.conflictingRequest.message).toBe(
      `Cannot 'update metadata' instance ${id} while it is in vm_state building`,
    );
    t.advance(DELAYS.buildMs);
    expect((await t.nova.alice.post(`/servers/${id}/metadata`, { metadata: { a: '1', b: '2' } })).body).toEqual({
      metadata: { a: '1', b: '2' },
    });
    expect((await t.nova.alice.put(`/servers/${id}/metadata/a`, { meta: { a: 'x' } })).body).toEqual({ meta: { a: 'x' } });
    expect((await t.nova.alice.delete(`/servers/${id}/metadata/b`)).status).toBe(204);
    expect((await t.nova.alice.get(`/servers/${id}/metadata`)).body).toEqual({ metadata: { a: 'x' } });
    expect((await t.nova.alice.get(`/servers/${id}/metadata/b`)).body.itemNotFound.message).toBe('Metadata item was not found');
  });

  it('manages server tags and filters servers by them', async () => {
    const id = await activeServer(t, t.nova.alice, 'tagged', { tags: ['blue'] });
    expect((await t.nova.alice.put(`/servers/${id}/tags/green`)).status).toBe(201);
    expect((await t.nova.alice.put(`/servers/${id}/tags/green`)).status).toBe(204);
    expect((await t.nova.alice.get(`/servers/${id}/tags`)).body).toEqual({ tags: ['blue', 'green'] });
    expect((await t.nova.alice.get('/servers?tags=blue,green')).body.servers.map((s: { name: string }) => s.name)).toEqual([
      'tagged',
    ]);
    expect(
      (await t.nova.alice.get('/servers?not-tags-any=green')).body.servers.map((s: { name: string }) => s.name),
    ).not.toContain('tagged');
    expect((await t.nova.alice.put(`/servers/${id}/tags`, { tags: ['a/b'] })).status).toBe(400);
    expect((await t.nova.alice.delete(`/servers/${id}/tags/red`)).status).toBe(404);
  });

  it('lists availability zones (detail for admin only)', async () => {
    expect((await t.nova.alice.get('/os-availability-zone')).body).toEqual({
      availabilityZoneInfo: [{ zoneName: 'az1', zoneState: { available: true }, hosts: null }],
    });
    expect((await t.nova.alice.get('/os-availability-zone/detail')).status).toBe(403);
    const detail = (await t.nova.admin.get('/os-availability-zone/detail')).body.availabilityZoneInfo;
    expect(detail.map((z: { zoneName: string }) => z.zoneName).sort()).toEqual(['az1', 'internal']);
  });

  it('evacuates a server once its compute service is forced down', async () => {
    const id = await activeServer(t, t.nova.alice, 'evacuee');
    const host = (await t.nova.admin.get(`/servers/${id}`)).body.server['OS-EXT-SRV-ATTR:host'];
    const services = (await t.nova.admin.get('/os-services?binary=nova-compute')).body.services;
    const service = services.find((s: { host: string }) => s.host === host);
    expect(service).toMatchObject({ state: 'up', status: 'enabled', forced_down: false });
    expect((await t.nova.admin.put(`/os-services/${service.id}`, { forced_down: true })).body.service.state).toBe('down');
    expect((await t.nova.admin.get(`/servers/${id}`)).body.server.host_status).toBe('DOWN');
    const evacuated = await t.nova.admin.post(`/servers/${id}/action`, { evacuate: {} });
    expect(evacuated.status).toBe(200);
    expect((await t.nova.alice.get(`/servers/${id}`)).body.server.status).toBe('REBUILD');
    t.advance(DELAYS.actionMs);
    const after = (await t.nova.admin.get(`/servers/${id}`)).body.server;
    expect([after.status, after['OS-EXT-SRV-ATTR:host'] !== host]).toEqual(['ACTIVE', true]);
    await t.nova.admin.put(`/os-services/${service.id}`, { forced_down: false });
  });

  it('accepts external events for known servers (200/207/404)', async () => {
    const id = await activeServer(t, t.nova.alice, 'evented');
    const ok = await t.nova.admin.post('/os-server-external-events', { events: [{ name: 'network-changed', server_uuid: id }] });
    expect([ok.status, ok.body.events[0].code, ok.body.events[0].status]).toEqual([200, 200, 'completed']);
    const mixed = await t.nova.admin.post('/os-server-external-events', {
      events: [
        { name: 'network-vif-plugged', server_uuid: id, tag: 'port-1' },
        { name: 'network-vif-plugged', server_uuid: '00000000-0000-0000-0000-000000000000' },
      ],
    });
    expect([mixed.status, mixed.body.events.map((e: { code: number }) => e.code)]).toEqual([207, [200, 404]]);
    expect(
      (
        await t.nova.admin.post('/os-server-external-events', {
          events: [{ name: 'network-changed', server_uuid: '00000000-0000-0000-0000-000000000000' }],
        })
      ).status,
    ).toBe(404);
    expect(
      (await t.nova.alice.post('/os-server-external-events', { events: [{ name: 'network-changed', server_uuid: id }] })).status,
    ).toBe(403);
  });

  it('puts servers booted on a network on the shared network, visible through the Neutron stub', async () => {
    const network = (await t.nova.alice.with({ baseUrl: `${t.pod.url}/network/v2.0` }).get('/networks?name=shared')).body
      .networks[0];
    const id = await activeServer(t, t.nova.alice, 'wired', { networks: [{ uuid: network.id }] });
    const server = (await t.nova.alice.get(`/servers/${id}`)).body.server;
    expect(server.addresses.shared[0]).toMatchObject({ version: 4, 'OS-EXT-IPS:type': 'fixed' });
    expect(server.security_groups).toEqual([{ name: 'default' }]);
    const ports = (await t.nova.alice.with({ baseUrl: `${t.pod.url}/network/v2.0` }).get(`/ports?device_id=${id}`)).body.ports;
    expect(ports[0].fixed_ips[0].ip_address).toBe(server.addresses.shared[0].addr);
  });
});
