// POST /servers and the calls on one server, through podgate to simulated pods (real sockets).
import { randomUUID } from 'node:crypto';
import { PROVISIONING_METADATA_KEY } from '@podgate/servers';
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { eventually, FLAVOR_ID, IMAGE_ID, prepareServers, serverBody, V } from './testing/servers-e2e';

describe('servers API through podgate (real sockets)', () => {
  let h: ComputeHarness;
  let serverId: string;
  const podServer = (pod: number, id: string) => h.pods[pod].sim.state.nova.servers.get(id);
  /** A volume podgate routed to pod 0 (Pod1, az1) for `projectId`, as the volumes slice records it. */
  const routeVolume = (volumeId: string, projectId: string) =>
    h.store.append(
      `volume-${volumeId}`,
      [
        {
          id: randomUUID(),
          type: 'ResourceRouted',
          data: {
            resourceType: 'volume',
            topId: volumeId,
            bottomId: volumeId,
            podId: h.pods[0].podId as string,
            projectId,
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

  beforeAll(async () => {
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

  it('shows the pinned AZ (2.96) as the user’s in show, detail, update and rebuild answers', async () => {
    const alice = h.as('alice');
    const pinned = { 'OS-EXT-AZ:availability_zone': 'az2', pinned_availability_zone: 'az2' };
    const shown = await alice
      .get(`/compute/v2.1/servers/${serverId}`)
      .set(...V('2.96'))
      .expect(200);
    expect(shown.body.server).toMatchObject(pinned);
    const listed = await alice
      .get('/compute/v2.1/servers/detail?availability_zone=az2')
      .set(...V('2.96'))
      .expect(200);
    expect(listed.body.servers.find((s: { id: string }) => s.id === serverId)).toMatchObject(pinned);
    const updated = await alice
      .put(`/compute/v2.1/servers/${serverId}`, { server: { name: 'web-one' } })
      .set(...V('2.96'))
      .expect(200);
    expect(updated.body.server).toMatchObject(pinned);
    const rebuilt = await alice
      .post(`/compute/v2.1/servers/${serverId}/action`, { rebuild: { imageRef: IMAGE_ID } })
      .set(...V('2.96'))
      .expect(202);
    expect(rebuilt.body.server).toMatchObject(pinned);
    expect(podServer(1, serverId)?.pinnedAz).toBe('nova');
  });

  it('links in the project form of the URL when the client used it, as Nova', async () => {
    const project = h.projectIdOf('tenant-a');
    const root = `${h.url}/compute/v2.1/${project}`;
    const created = await h
      .as('alice')
      .post(`/compute/v2.1/${project}/servers`, serverBody('project-form', { availability_zone: 'az1' }))
      .set(...V('2.37'))
      .expect(202);
    const id = created.body.server.id as string;
    expect(created.headers.location).toBe(`${root}/servers/${id}`);
    expect(created.body.server.links).toEqual([
      { rel: 'self', href: `${root}/servers/${id}` },
      { rel: 'bookmark', href: `${h.url}/compute/${project}/servers/${id}` },
    ]);
    const shown = await h
      .as('alice')
      .get(`/compute/v2.1/${project}/servers/${id}`)
      .set(...V('2.37'))
      .expect(200);
    expect(shown.body.server.links[0].href).toBe(`${root}/servers/${id}`);
    expect(shown.body.server.image.links[0].href).toBe(`${h.url}/compute/${project}/images/${IMAGE_ID}`);
    const listed = await h.as('alice').get(`/compute/v2.1/${project}/servers?limit=1`).expect(200);
    expect(listed.body.servers[0].links[0].href).toBe(`${root}/servers/${listed.body.servers[0].id}`);
    expect(listed.body.servers_links[0].href).toBe(`${root}/servers?limit=1&marker=${listed.body.servers[0].id}`);
    // The plain form keeps plain links.
    const plain = await h.as('alice').get(`/compute/v2.1/servers/${id}`).expect(200);
    expect(plain.body.server.links[0].href).toBe(`${h.url}/compute/v2.1/servers/${id}`);
    await h.as('alice').delete(`/compute/v2.1/servers/${id}`).expect(204);
  });

  it('links the next page as Nova: a repeated parameter keeps its greatest value', async () => {
    const listed = await h.as('alice').get('/compute/v2.1/servers?limit=1&sort_key=uuid&sort_key=display_name').expect(200);
    const last = listed.body.servers[0].id as string;
    expect(listed.body.servers_links[0].href).toBe(`${h.url}/compute/v2.1/servers?limit=1&sort_key=uuid&marker=${last}`);
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
    expect(malformed.body.badRequest.message).toBe('Malformed request body');
    await h.as('alice').post(`/compute/v2.1/servers/${serverId}/action`, { 'os-start': null }).expect(202);
  });

  it('records no unbounded action name: Nova’s 400 for an unknown action, the name cut; 404 for a sub-resource', async () => {
    const huge = 'x'.repeat(1_000_000);
    const refused = await h
      .as('alice')
      .post(`/compute/v2.1/servers/${serverId}/action`, { [huge]: null })
      .expect(400);
    expect(refused.body.badRequest.message).toBe(`There is no such action: ${'x'.repeat(64)}…`);
    const odd = await h.as('alice').post(`/compute/v2.1/servers/${serverId}/action`, { 'os stop': null }).expect(400);
    expect(odd.body.badRequest.message).toBe('There is no such action: os stop');
    const sub = await h
      .as('alice')
      .post(`/compute/v2.1/servers/${serverId}/${'y'.repeat(100)}`, {})
      .expect(404);
    expect(sub.body.itemNotFound.message).toBe('The resource could not be found.');
    const events = await h.store.readStream(`server-${serverId}`);
    const actions = events.map((event) => (event.data as { action?: string }).action ?? '');
    expect(actions.filter((action) => action.includes('xxxx') || action.includes('yyyy') || action === 'os stop')).toEqual([]);
  });

  it('unshelves into the user’s AZ of the server’s pod (2.77), refuses any other, and passes an unpin (2.91)', async () => {
    const alice = h.as('alice');
    const act = (body: object, version: string) =>
      alice.post(`/compute/v2.1/servers/${serverId}/action`, body).set(...V(version));
    // The simulator moves its servers on when asked about them: through the API.
    const status = async () => (await alice.get(`/compute/v2.1/servers/${serverId}`).expect(200)).body.server.status;
    const shelved = async () => expect(await status()).toMatch(/^SHELVED/);
    const active = async () => expect(await status()).toBe('ACTIVE');
    await act({ shelve: null }, '2.77').expect(202);
    await eventually(shelved);
    const other = await act({ unshelve: { availability_zone: 'az1' } }, '2.77').expect(400);
    expect(other.body.badRequest.message).toBe('The requested availability zone is not available');
    await shelved();
    await act({ unshelve: { availability_zone: 'az2' } }, '2.77').expect(202);
    await eventually(active);
    await act({ shelve: null }, '2.91').expect(202);
    await eventually(shelved);
    await act({ unshelve: { availability_zone: null } }, '2.91').expect(202);
    await eventually(active);
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
    await routeVolume(volumeId, h.projectIdOf('tenant-a'));
    const body = { volumeAttachment: { volumeId } };
    const refused = await eventually(async () =>
      h.as('alice').post(`/compute/v2.1/servers/${serverId}/os-volume_attachments`, body).expect(400),
    );
    expect(refused.body.badRequest.message).toBe(`Volume ${volumeId} and server ${serverId} must be in the same pod.`);
    const unknown = { volumeAttachment: { volumeId: '11111111-2222-4333-8444-555555555555' } };
    await h.as('alice').post(`/compute/v2.1/servers/${serverId}/os-volume_attachments`, unknown).expect(404);
  });

  it('judges the pod of a volume only among the caller’s project’s (an admin’s: any), revealing no other tenant’s', async () => {
    const bobsVolume = '2c9d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
    await routeVolume(bobsVolume, h.projectIdOf('tenant-b'));
    const body = { volumeAttachment: { volumeId: bobsVolume } };
    // The admin's check sees the route once projected: then alice's answer below is not a projection lag.
    const refused = await eventually(async () =>
      h.as('admin').post(`/compute/v2.1/servers/${serverId}/os-volume_attachments`, body).expect(400),
    );
    expect(refused.body.badRequest.message).toBe(`Volume ${bobsVolume} and server ${serverId} must be in the same pod.`);
    // For alice it is a volume podgate does not know: the pod judges (and has no such volume).
    const forwarded = await h.as('alice').post(`/compute/v2.1/servers/${serverId}/os-volume_attachments`, body).expect(404);
    expect(JSON.stringify(forwarded.body)).not.toContain('same pod');
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
