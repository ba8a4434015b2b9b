// Where POST /volume/v3/volumes puts a volume (real sockets): the AZ asked or the default, the pod
// of the tenant's servers, refusals before anything is created, read-your-writes, the intent recorded.
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { prepareServers, serverBody, V } from '../../compute/servers/testing/servers-e2e';
import { createVolume, eventually, podOfVolume, provisioningEvents, volumeEvents } from './testing/volumes-e2e';

describe('volume create (real sockets)', () => {
  let h: ComputeHarness;

  // az2 has two pods, so "the pod of the tenant's servers" is a choice, not the only pod.
  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1' }, { az: 'az2', podAz: 'nova' }, { az: 'az2', podAz: 'nova' }] });
    await prepareServers(h);
  }, 120_000);
  afterAll(() => h?.close());

  const serverPod = (id: string) => h.pods.findIndex((pod) => pod.sim.state.nova.servers.has(id));

  it('creates in the AZ asked, answers podgate’s AZ, and shows it right after (read-your-writes)', async () => {
    const volume = await createVolume(h, 'alice', { name: 'data', availability_zone: 'az1' });
    expect(volume.availability_zone).toBe('az1');
    expect(podOfVolume(h, volume.id)).toBe(0);
    const shown = await h.as('alice').get(`/volume/v3/volumes/${volume.id}`).expect(200);
    expect(shown.body.volume).toMatchObject({ id: volume.id, name: 'data', availability_zone: 'az1' });
    expect(shown.body.volume.links[0].href).toBe(`${h.url}/volume/v3/volumes/${volume.id}`);
  });

  it('records the intent in the provisioning stream, then VolumeCreated and the route in the volume’s', async () => {
    const volume = await createVolume(h, 'alice', { availability_zone: 'az1' });
    const intent = await provisioningEvents(h, volume.id);
    expect(intent.map((event) => event.type)).toEqual(['VolumeProvisioningRequested']);
    expect(intent[0].data).toMatchObject({ azName: 'az1', podId: h.pods[0].podId, projectId: h.projectIdOf('tenant-a') });
    expect((await volumeEvents(h, volume.id)).types).toEqual(['VolumeCreated', 'ResourceRouted']);
  });

  it('refuses an unknown AZ, a bad body and an unknown type in Cinder’s words, and creates nothing', async () => {
    const before = h.pods.map((pod) => pod.sim.state.cinder.volumes.size);
    const create = (volume: object) => h.as('alice').post('/volume/v3/volumes', volume);
    const unknown = await create({ volume: { size: 1, availability_zone: 'mars' } }).expect(400);
    expect(unknown.body).toEqual({ badRequest: { code: 400, message: "Availability zone 'mars' is invalid." } });
    // podgate's names only: the pods' own AZ is not one users can ask for
    await create({ volume: { size: 1, availability_zone: 'nova' } }).expect(400);
    const bad = await create({ volume: { size: 0 } }).expect(400);
    expect(bad.body.badRequest.message).toBe('Invalid input for field/attribute size. Value: 0. 0 is less than the minimum of 1');
    await create({}).expect(400);
    const type = await create({ volume: { size: 1, volume_type: 'no-such' } }).expect(404);
    expect(type.body.itemNotFound.message).toBe('Volume type with name no-such could not be found.');
    expect(h.pods.map((pod) => pod.sim.state.cinder.volumes.size)).toEqual(before);
  });

  it('puts a volume in the pod of the tenant’s servers in that AZ, named or by default', async () => {
    for (const user of ['alice', 'bob'] as const) {
      const server = await h
        .as(user)
        .post('/compute/v2.1/servers', serverBody(`${user}-srv`, { availability_zone: 'az2' }))
        .set(...V('2.37'))
        .expect(202);
      const pod = serverPod(server.body.server.id);
      expect([1, 2]).toContain(pod);
      const named = await createVolume(h, user, { availability_zone: 'az2' });
      expect(podOfVolume(h, named.id)).toBe(pod);
      if (user === 'bob') {
        // bob's only binding is az2's: a volume without AZ follows it there
        const plain = await createVolume(h, user, {});
        expect(plain.availability_zone).toBe('az2');
        expect(podOfVolume(h, plain.id)).toBe(pod);
      }
    }
  });

  it('copies a volume and a snapshot in their own pod, whatever the tenant’s binding', async () => {
    const source = await createVolume(h, 'alice', { availability_zone: 'az1' });
    const copy = await createVolume(h, 'alice', { source_volid: source.id });
    expect(podOfVolume(h, copy.id)).toBe(0);
    expect(copy.availability_zone).toBe('az1');
    const snapshot = await h
      .as('alice')
      .post('/volume/v3/snapshots', { snapshot: { volume_id: source.id, name: 'snap' } })
      .expect(202);
    // the simulated Cinder settles its transitions when it is next asked
    await eventually(async () => {
      const shown = await h.as('alice').get(`/volume/v3/snapshots/${snapshot.body.snapshot.id}`).expect(200);
      expect(shown.body.snapshot.status).toBe('available');
    });
    const restored = await createVolume(h, 'alice', { snapshot_id: snapshot.body.snapshot.id });
    expect(podOfVolume(h, restored.id)).toBe(0);
    const intent = await provisioningEvents(h, restored.id);
    expect(intent[0].data).toMatchObject({ parent: { kind: 'snapshot', id: snapshot.body.snapshot.id }, bindingId: null });
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
});
