// POST /servers and the calls on one server, through podgate to simulated pods (real sockets).
import { PROVISIONING_METADATA_KEY } from '@podgate/servers';
import { type ComputeHarness, startComputeHarness } from '../testing/compute-harness';
import { ensureServersHttpWired, eventually, FLAVOR_ID, IMAGE_ID, prepareServers, serverBody, V } from './testing/servers-e2e';

describe('servers API through podgate (real sockets)', () => {
  let h: ComputeHarness;
  let serverId: string;
  const podServer = (pod: number, id: string) => h.pods[pod].sim.state.nova.servers.get(id);

  beforeAll(async () => {
    ensureServersHttpWired();
    // Pod2's own AZ is `nova`; users know it as az2.
    h = await startComputeHarness({ pods: [{ az: 'az1' }, { az: 'az2', podAz: 'nova' }] });
    await prepareServers(h);
  });
  afterAll(() => h?.close());

  it('creates a server in the AZ asked for, with podgate’s links, and shows the user’s AZ without the tag', async () => {
    const created = await h
      .as('alice')
      .post('/compute/v2.1/servers', serverBody('web-1', { availability_zone: 'az2', metadata: { role: 'web' } }))
      .set(...V('2.79'))
      .expect(202);
    serverId = created.body.server.id;
    expect(created.headers.location).toBe(`${h.url}/compute/v2.1/servers/${serverId}`);
    expect(created.body.server.links).toEqual([
      { rel: 'self', href: `${h.url}/compute/v2.1/servers/${serverId}` },
      { rel: 'bookmark', href: `${h.url}/compute/servers/${serverId}` },
    ]);
    const onPod = podServer(1, serverId);
    expect(onPod).toMatchObject({ az: 'nova', metadata: { role: 'web', [PROVISIONING_METADATA_KEY]: expect.any(String) } });

    const shown = await h
      .as('alice')
      .get(`/compute/v2.1/servers/${serverId}`)
      .set(...V('2.79'))
      .expect(200);
    expect(shown.body.server).toMatchObject({ id: serverId, 'OS-EXT-AZ:availability_zone': 'az2', metadata: { role: 'web' } });
    expect(shown.body.server.metadata).not.toHaveProperty(PROVISIONING_METADATA_KEY);
    expect(shown.body.server.links[0].href).toBe(`${h.url}/compute/v2.1/servers/${serverId}`);
    expect(shown.headers['openstack-api-version']).toBe('compute 2.79');
  });

  it('refuses bad bodies before any pod hears of them, in Nova’s words, never echoing secrets', async () => {
    const before = h.pods.map((pod) => pod.sim.state.nova.servers.size);
    const alice = h.as('alice');
    const refused = await alice
      .post('/compute/v2.1/servers', serverBody('x', { adminPass: 'hunter2', user_data: 'not base64!' }))
      .set(...V('2.37'))
      .expect(400);
    expect(refused.body.badRequest.message).toBe(
      "Invalid input for field/attribute user_data. Value: ***. *** is not a 'base64'",
    );
    expect(JSON.stringify(refused.body)).not.toContain('hunter2');
    // 2.37 made networks required; 2.52 added tags; 2.74 host.
    await alice
      .post('/compute/v2.1/servers', { server: { name: 'x', flavorRef: FLAVOR_ID, imageRef: IMAGE_ID } })
      .set(...V('2.37'))
      .expect(400);
    await alice
      .post('/compute/v2.1/servers', serverBody('x', { tags: ['a'] }))
      .set(...V('2.51'))
      .expect(400);
    await alice
      .post('/compute/v2.1/servers', serverBody('x', { host: 'h1' }))
      .set(...V('2.73'))
      .expect(400);
    const flavor = await alice
      .post('/compute/v2.1/servers', serverBody('x', { flavorRef: 'no-such' }))
      .set(...V('2.37'))
      .expect(400);
    expect(flavor.body.badRequest.message).toBe('Flavor no-such could not be found.');
    const zone = await alice
      .post('/compute/v2.1/servers', serverBody('x', { availability_zone: 'az9' }))
      .set(...V('2.37'))
      .expect(400);
    expect(zone.body.badRequest.message).toBe('The requested availability zone is not available');
    expect(h.pods.map((pod) => pod.sim.state.nova.servers.size)).toEqual(before);
  });

  it('accepts the microversion-dependent fields where Nova does (tags at 2.52)', async () => {
    const created = await h
      .as('alice')
      .post('/compute/v2.1/servers', serverBody('tagged', { tags: ['blue'], availability_zone: 'az1' }))
      .set(...V('2.52'))
      .expect(202);
    expect(podServer(0, created.body.server.id)?.tags).toEqual(['blue']);
  });

  it('answers 404 for another tenant’s server, as Nova', async () => {
    const other = await h.as('bob').get(`/compute/v2.1/servers/${serverId}`).expect(404);
    expect(other.body.itemNotFound.message).toBe(`Instance ${serverId} could not be found.`);
    await h.as('bob').post(`/compute/v2.1/servers/${serverId}/action`, { 'os-stop': null }).expect(404);
    await h.as('bob').get(`/compute/v2.1/servers/${serverId}/metadata`).expect(404);
    await h.as('admin').get(`/compute/v2.1/servers/${serverId}`).expect(200);
  });

  it('renames a server (PUT), answering with the user’s AZ', async () => {
    const renamed = await h
      .as('alice')
      .put(`/compute/v2.1/servers/${serverId}`, { server: { name: 'web-one' } })
      .set(...V('2.79'))
      .expect(200);
    expect(renamed.body.server).toMatchObject({ name: 'web-one', 'OS-EXT-AZ:availability_zone': 'az2' });
    expect(podServer(1, serverId)?.name).toBe('web-one');
  });

  it('runs actions on the server’s pod and refuses a body naming no single action', async () => {
    await h.as('alice').post(`/compute/v2.1/servers/${serverId}/action`, { 'os-stop': null }).expect(202);
    await eventually(async () =>
      expect((await h.as('alice').get(`/compute/v2.1/servers/${serverId}`).expect(200)).body.server.status).toBe('SHUTOFF'),
    );
    const conflict = await h.as('alice').post(`/compute/v2.1/servers/${serverId}/action`, { pause: null }).expect(409);
    expect(conflict.body.conflictingRequest.message).toContain('vm_state stopped');
    const malformed = await h
      .as('alice')
      .post(`/compute/v2.1/servers/${serverId}/action`, { 'os-start': null, pause: null })
      .expect(400);
    expect(malformed.body.badRequest.message).toBe('Malformed message body: too many body keys');
    await h.as('alice').post(`/compute/v2.1/servers/${serverId}/action`, { 'os-start': null }).expect(202);
  });

  it('hides the provisioning tag in metadata and keeps it when all metadata is replaced', async () => {
    const alice = h.as('alice');
    const tag = podServer(1, serverId)?.metadata[PROVISIONING_METADATA_KEY];
    expect((await alice.get(`/compute/v2.1/servers/${serverId}/metadata`).expect(200)).body).toEqual({
      metadata: { role: 'web' },
    });
    const replaced = await alice.put(`/compute/v2.1/servers/${serverId}/metadata`, { metadata: { tier: 'front' } }).expect(200);
    expect(replaced.body).toEqual({ metadata: { tier: 'front' } });
    expect(podServer(1, serverId)?.metadata).toEqual({ tier: 'front', [PROVISIONING_METADATA_KEY]: tag });
    await alice.get(`/compute/v2.1/servers/${serverId}/metadata/${PROVISIONING_METADATA_KEY}`).expect(404);
    await alice.delete(`/compute/v2.1/servers/${serverId}/metadata/${PROVISIONING_METADATA_KEY}`).expect(404);
    await alice
      .post(`/compute/v2.1/servers/${serverId}/metadata`, { metadata: { [PROVISIONING_METADATA_KEY]: 'x' } })
      .expect(400);
    await alice.put(`/compute/v2.1/servers/${serverId}/metadata/tier`, { meta: { tier: 'back' } }).expect(200);
    expect(podServer(1, serverId)?.metadata).toEqual({ tier: 'back', [PROVISIONING_METADATA_KEY]: tag });
  });

  it('forwards other reads (ips) to the server’s pod', async () => {
    const ips = await h.as('alice').get(`/compute/v2.1/servers/${serverId}/ips`).expect(200);
    expect(ips.body).toHaveProperty('addresses');
  });

  it('refuses to attach a volume podgate routed to another pod, and forwards unknown volumes', async () => {
    const volumeId = '0b7e2c5e-1f43-4c8e-9a6d-3d2c1b0a9f8e';
    await h.store.append(
      `volume-${volumeId}`,
      [
        {
          id: '8f4f0b7c-4f6a-4b8e-8a3c-2d1e0f9a8b7c',
          type: 'ResourceRouted',
          data: {
            resourceType: 'volume',
            topId: volumeId,
            bottomId: volumeId,
            podId: h.pods[0].podId as string,
            projectId: h.projectIdOf('tenant-a'),
            azName: 'az1',
          },
          metadata: {
            correlationId: 'e2e',
            causationId: 'e2e',
            requestId: 'e2e',
            actor: { userId: 'e2e', projectId: 'e2e', roles: [] },
            occurredAt: new Date().toISOString(),
          },
        },
      ],
      'any',
    );
    const body = { volumeAttachment: { volumeId } };
    const refused = await eventually(async () =>
      h.as('alice').post(`/compute/v2.1/servers/${serverId}/os-volume_attachments`, body).expect(400),
    );
    expect(refused.body.badRequest.message).toBe(`Volume ${volumeId} and server ${serverId} must be in the same pod.`);
    const unknown = { volumeAttachment: { volumeId: '11111111-2222-4333-8444-555555555555' } };
    await h.as('alice').post(`/compute/v2.1/servers/${serverId}/os-volume_attachments`, unknown).expect(404);
  });

  it('answers a pod’s 5xx with a 503 naming the pod', async () => {
    h.pods[1].sim.faults.update({ errorRate: 1, errorStatus: 500 });
    try {
      const failed = await h.as('alice').get(`/compute/v2.1/servers/${serverId}`).expect(503);
      expect(failed.body.serviceUnavailable.message).toContain(h.pods[1].name);
    } finally {
      h.pods[1].sim.faults.update({ errorRate: 0 });
    }
  });

  it('deletes through the pod (204), then the server is 404', async () => {
    await h.as('alice').delete(`/compute/v2.1/servers/${serverId}`).expect(204);
    await eventually(() => h.as('alice').get(`/compute/v2.1/servers/${serverId}`).expect(404));
  });

  it('records a server gone when its pod answers 404 for it', async () => {
    const created = await h
      .as('alice')
      .post('/compute/v2.1/servers', serverBody('vanishing', { availability_zone: 'az1' }))
      .set(...V('2.37'))
      .expect(202);
    const id = created.body.server.id as string;
    h.pods[0].sim.state.nova.servers.delete(id);
    await h.as('alice').get(`/compute/v2.1/servers/${id}`).expect(404);
    await eventually(async () => {
      const events = await h.store.readStream(`server-${id}`);
      expect(events.map((event) => event.type)).toContain('ServerDeleted');
    });
  });
});
