// The volumes API over simulated pods (real sockets): create, show, update, delete, metadata, actions, AZs.
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { prepareServers, serverBody, V } from '../../compute/servers/testing/servers-e2e';
import { createVolume, eventually, podOfVolume, volumeEvents, VV } from './testing/volumes-e2e';

describe('volumes over pods (real sockets)', () => {
  let h: ComputeHarness;

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1' }, { az: 'az2', podAz: 'nova' }] });
    await prepareServers(h);
  }, 120_000);
  afterAll(() => h?.close());

  it('creates in the AZ asked, answers in podgate’s AZ and reads its own write at once', async () => {
    const volume = await createVolume(h, 'alice', { name: 'data', availability_zone: 'az2' });
    expect(volume.availability_zone).toBe('az2');
    expect(podOfVolume(h, volume.id)).toBe(1);
    expect(h.pods[1].sim.state.cinder.volumes.get(volume.id)?.az).toBe('nova');
    const shown = await h.as('alice').get(`/volume/v3/volumes/${volume.id}`).expect(200);
    expect(shown.body.volume).toMatchObject({ id: volume.id, name: 'data', availability_zone: 'az2' });
    expect(shown.body.volume.links[0].href).toBe(`${h.url}/volume/v3/volumes/${volume.id}`);
    const { types } = await volumeEvents(h, volume.id);
    expect(types).toEqual(expect.arrayContaining(['VolumeProvisioningRequested', 'VolumeCreated']));
  });

  it('refuses an unknown AZ and a bad body in Cinder’s words, and creates nothing', async () => {
    const before = h.pods.map((pod) => pod.sim.state.cinder.volumes.size);
    const unknown = await h
      .as('alice')
      .post('/volume/v3/volumes', { volume: { size: 1, availability_zone: 'mars' } })
      .expect(400);
    expect(unknown.body.badRequest.message).toBe("Availability zone 'mars' is invalid.");
    const bad = await h
      .as('alice')
      .post('/volume/v3/volumes', { volume: { size: 0 } })
      .expect(400);
    expect(bad.body.badRequest.message).toBe('Invalid input for field/attribute size. Value: 0. 0 is less than the minimum of 1');
    await h.as('alice').post('/volume/v3/volumes', {}).expect(400);
    const type = await h
      .as('alice')
      .post('/volume/v3/volumes', { volume: { size: 1, volume_type: 'no-such' } })
      .expect(404);
    expect(type.body.itemNotFound.message).toBe('Volume type with name no-such could not be found.');
    expect(h.pods.map((pod) => pod.sim.state.cinder.volumes.size)).toEqual(before);
  });

  it('puts a volume without AZ in the pod of the tenant’s servers, and a copy in its source’s pod', async () => {
    await h
      .as('bob')
      .post('/compute/v2.1/servers', serverBody('bobs', { availability_zone: 'az2' }))
      .set(...V('2.37'))
      .expect(202);
    const volume = await createVolume(h, 'bob', { name: 'plain' });
    expect(volume.availability_zone).toBe('az2');
    expect(podOfVolume(h, volume.id)).toBe(1);
    const copy = await createVolume(h, 'bob', { source_volid: volume.id });
    expect(podOfVolume(h, copy.id)).toBe(1);
    expect(copy.availability_zone).toBe('az2');
  });

  it('hides another tenant’s volume and needs a token', async () => {
    const volume = await createVolume(h, 'alice', { availability_zone: 'az1' });
    const hidden = await h.as('bob').get(`/volume/v3/volumes/${volume.id}`).expect(404);
    expect(hidden.body.itemNotFound.message).toBe(`Volume ${volume.id} could not be found.`);
    await h.as('bob').delete(`/volume/v3/volumes/${volume.id}`).expect(404);
    await h.as().get('/volume/v3/volumes').expect(401);
    await h.as().get(`/volume/v3/volumes/${volume.id}`).expect(401);
    await h.as('admin').get(`/volume/v3/volumes/${volume.id}`).expect(200);
  });

  it('updates, then deletes: the pod’s answers, recorded', async () => {
    const volume = await createVolume(h, 'alice', { availability_zone: 'az2' });
    const updated = await h
      .as('alice')
      .put(`/volume/v3/volumes/${volume.id}`, { volume: { name: 'renamed' } })
      .expect(200);
    expect(updated.body.volume).toMatchObject({ name: 'renamed', availability_zone: 'az2' });
    await h.as('alice').delete(`/volume/v3/volumes/${volume.id}`).expect(202);
    const { types, actions } = await volumeEvents(h, volume.id);
    expect(actions).toContain('PUT volume');
    expect(types).toContain('VolumeDeleteRequested');
    await eventually(async () => {
      await h.as('alice').get(`/volume/v3/volumes/${volume.id}`).expect(404);
    });
  });

  it('serves every metadata endpoint and records the writes', async () => {
    const volume = await createVolume(h, 'alice', { availability_zone: 'az1', metadata: { a: '1' } });
    const base = `/volume/v3/volumes/${volume.id}/metadata`;
    const alice = h.as('alice');
    expect((await alice.get(base).expect(200)).body.metadata).toEqual({ a: '1' });
    expect((await alice.post(base, { metadata: { b: '2' } }).expect(200)).body.metadata).toEqual({ a: '1', b: '2' });
    expect((await alice.get(`${base}/b`).expect(200)).body.meta).toEqual({ b: '2' });
    await alice.put(`${base}/b`, { meta: { b: '3' } }).expect(200);
    await alice.delete(`${base}/a`).expect(200);
    expect((await alice.get(base).expect(200)).body.metadata).toEqual({ b: '3' });
    expect((await alice.put(base, { metadata: { availability_zone: 'nova' } }).expect(200)).body.metadata).toEqual({
      availability_zone: 'nova',
    });
    await alice.get(`${base}/gone`).expect(404);
    await alice.get(`/volume/v3/volumes/${volume.id}`).expect(200);
    const { actions } = await volumeEvents(h, volume.id);
    expect(actions).toEqual(['POST metadata', 'PUT metadata', 'DELETE metadata', 'PUT metadata']);
  });

  it('forwards and records actions, refuses malformed ones and attaching a server of another pod', async () => {
    const volume = await createVolume(h, 'alice', { availability_zone: 'az1' });
    const action = (body: unknown) => h.as('alice').post(`/volume/v3/volumes/${volume.id}/action`, body as object);
    await action({ 'os-extend': { new_size: 2 } }).expect(202);
    expect(h.pods[0].sim.state.cinder.volumes.get(volume.id)?.size).toBe(2);
    expect((await action({}).expect(400)).body.badRequest.message).toBe('Malformed request body');
    await action({ 'os-extend': {}, 'os-reserve': null }).expect(400);
    const far = await h
      .as('alice')
      .post('/compute/v2.1/servers', serverBody('far', { availability_zone: 'az2' }))
      .set(...V('2.37'))
      .expect(202);
    const refused = await action({ 'os-attach': { instance_uuid: far.body.server.id, mountpoint: '/dev/vdb' } }).expect(400);
    expect(refused.body.badRequest.message).toBe(`Server ${far.body.server.id} and volume ${volume.id} must be in the same pod.`);
    const near = await h
      .as('alice')
      .post('/compute/v2.1/servers', serverBody('near', { availability_zone: 'az1' }))
      .set(...V('2.37'))
      .expect(202);
    await eventually(async () => {
      await action({ 'os-attach': { instance_uuid: near.body.server.id, mountpoint: '/dev/vdb' } }).expect(202);
    });
    const { actions } = await volumeEvents(h, volume.id);
    expect(actions).toEqual(expect.arrayContaining(['os-extend', 'os-attach']));
    expect(actions).not.toContain('');
  });

  it('lists podgate’s AZs in Cinder’s shape', async () => {
    const answer = await h.as('alice').get('/volume/v3/os-availability-zone').expect(200);
    expect(answer.body).toEqual({
      availabilityZoneInfo: [
        { zoneName: 'az1', zoneState: { available: true } },
        { zoneName: 'az2', zoneState: { available: true } },
      ],
    });
  });

  it('answers a down pod’s volume with a 503 body, and serves the project URL form', async () => {
    const volume = await createVolume(h, 'alice', { availability_zone: 'az2' });
    const project = h.projectIdOf('tenant-a');
    await h
      .as('alice')
      .get(`/volume/v3/${project}/volumes/${volume.id}`)
      .set(...VV('3.0'))
      .expect(200);
    await h.pods[1].sim.down();
    try {
      const down = await h.as('alice').get(`/volume/v3/volumes/${volume.id}`).expect(503);
      expect(Object.keys(down.body)).toHaveLength(1);
    } finally {
      await h.pods[1].sim.up();
    }
  });
});
