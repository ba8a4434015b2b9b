// A volume's update and delete (real sockets): the pod's answers, recorded; the delete confirmed
// once the pod no longer has the volume (VolumeDeleted with ResourceUnrouted), then Cinder's 404.
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { createVolume, eventually, volumeEvents } from './testing/volumes-e2e';

describe('volume update and delete (real sockets)', () => {
  let h: ComputeHarness;

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1' }, { az: 'az2', podAz: 'nova' }] });
  }, 120_000);
  afterAll(() => h?.close());

  it('updates in the pod and answers podgate’s AZ, recorded as PUT volume', async () => {
    const volume = await createVolume(h, 'alice', { availability_zone: 'az2' });
    const updated = await h
      .as('alice')
      .put(`/volume/v3/volumes/${volume.id}`, { volume: { name: 'renamed', description: 'd' } })
      .expect(200);
    expect(updated.body.volume).toMatchObject({ name: 'renamed', description: 'd', availability_zone: 'az2' });
    expect(h.pods[1].sim.state.cinder.volumes.get(volume.id)?.name).toBe('renamed');
    expect((await volumeEvents(h, volume.id)).actions).toEqual(['PUT volume']);
  });

  it('deletes: recorded, confirmed with the route ended, then gone from show and lists', async () => {
    const volume = await createVolume(h, 'alice', { availability_zone: 'az1' });
    await h.as('alice').delete(`/volume/v3/volumes/${volume.id}`).expect(202);
    expect((await volumeEvents(h, volume.id)).types).toContain('VolumeDeleteRequested');
    await eventually(async () =>
      expect((await volumeEvents(h, volume.id)).types).toEqual(expect.arrayContaining(['VolumeDeleted', 'ResourceUnrouted'])),
    );
    expect(h.pods[0].sim.state.cinder.volumes.has(volume.id)).toBe(false);
    const gone = await h.as('alice').get(`/volume/v3/volumes/${volume.id}`).expect(404);
    expect(gone.body).toEqual({ itemNotFound: { code: 404, message: `Volume ${volume.id} could not be found.` } });
    const listed = await h.as('alice').get('/volume/v3/volumes').expect(200);
    expect(listed.body.volumes.map((v: { id: string }) => v.id)).not.toContain(volume.id);
  });

  it('passes a refused delete on, recorded as failed, and keeps the volume', async () => {
    const volume = await createVolume(h, 'alice', { availability_zone: 'az1' });
    await h.as('alice').post(`/volume/v3/volumes/${volume.id}/action`, { 'os-reserve': null }).expect(202);
    const refused = await h.as('alice').delete(`/volume/v3/volumes/${volume.id}`).expect(400);
    expect(Object.keys(refused.body)).toEqual(['badRequest']);
    expect((await volumeEvents(h, volume.id)).types).toContain('VolumeDeleteFailed');
    await h.as('alice').get(`/volume/v3/volumes/${volume.id}`).expect(200);
  });
});
