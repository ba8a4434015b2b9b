// A volume type's affinity tag steers the create (real sockets): a type with `podgate:affinity_tag`
// binds the tenant to a pod with that tag, a volume without it stays on the untagged pod; the pod
// gets the type by name (its own id differs).
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { createVolume, eventually, podOfVolume, simVolume, VV } from './testing/volumes-e2e';

describe('volume type affinity (real sockets)', () => {
  let h: ComputeHarness;
  let fastId: string;

  // The simulated Cinder applies its delayed transitions when asked.
  const settled = (id: string) => {
    for (const pod of h.pods) pod.sim.state.settle();
    return simVolume(h, id);
  };
  const typeOn = (pod: number, name: string) =>
    [...h.pods[pod].sim.state.cinder.types.values()].find((type) => type.name === name);

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1' }, { az: 'az1' }] });
    await h
      .as('admin')
      .put(`/v1.0/pods/${h.pods[1].podId}`, { pod: { affinity_tag: 'ssd' } })
      .expect(200);
    const type = { volume_type: { name: 'fast', extra_specs: { 'podgate:affinity_tag': 'ssd' } } };
    fastId = (await h.as('admin').post('/volume/v3/types', type).expect(200)).body.volume_type.id;
    await eventually(() => expect([typeOn(0, 'fast'), typeOn(1, 'fast')]).not.toContain(undefined), 30_000);
  }, 120_000);
  afterAll(() => h?.close());

  it('puts a volume of a tagged type in the pod with the tag, by the type’s name there', async () => {
    for (const user of ['alice', 'bob'] as const) {
      const volume = await createVolume(h, user, { volume_type: 'fast', availability_zone: 'az1' });
      expect(podOfVolume(h, volume.id)).toBe(1);
      expect(simVolume(h, volume.id)?.volumeTypeId).toBe(typeOn(1, 'fast')?.id);
      expect(volume.volume_type).toBe('fast');
    }
  });

  it('keeps a volume without the tag out of the tagged pod', async () => {
    for (const user of ['alice', 'bob'] as const) {
      const volume = await createVolume(h, user, { availability_zone: 'az1' });
      expect(podOfVolume(h, volume.id)).toBe(0);
    }
  });

  it('gives a copy its source’s type when the client names none (no __DEFAULT__ forced on the pod)', async () => {
    const source = await createVolume(h, 'alice', { volume_type: 'fast', availability_zone: 'az1' });
    await eventually(() => expect(settled(source.id)?.status).toBe('available'));
    const copy = await createVolume(h, 'alice', { source_volid: source.id });
    expect(podOfVolume(h, copy.id)).toBe(1);
    expect(simVolume(h, copy.id)?.volumeTypeId).toBe(typeOn(1, 'fast')?.id);
    expect(copy.volume_type).toBe('fast');
  });

  it('retypes to a type named by podgate’s id (what `volume set --type` sends), by its name in the pod', async () => {
    const volume = await createVolume(h, 'alice', { availability_zone: 'az1' });
    await eventually(() => expect(settled(volume.id)?.status).toBe('available'));
    const action = (newType: string) =>
      h.as('alice').post(`/volume/v3/volumes/${volume.id}/action`, { 'os-retype': { new_type: newType } });
    await action(fastId).expect(202);
    await eventually(() => expect(settled(volume.id)?.volumeTypeId).toBe(typeOn(podOfVolume(h, volume.id), 'fast')?.id));
    const unknown = await action('no-such').expect(404);
    expect(unknown.body).toEqual({ itemNotFound: { code: 404, message: 'Volume type with name no-such could not be found.' } });
  });

  it('shows podgate’s type id as volume_type_id (3.63) in create, show, update and list answers', async () => {
    const created = await h
      .as('bob')
      .post('/volume/v3/volumes', { volume: { size: 1, volume_type: fastId, availability_zone: 'az1' } })
      .set(...VV('3.63'))
      .expect(202);
    const { id } = created.body.volume;
    expect(created.body.volume.volume_type_id).toBe(fastId);
    const shown = await h
      .as('bob')
      .get(`/volume/v3/volumes/${id}`)
      .set(...VV('3.63'))
      .expect(200);
    expect(shown.body.volume).toMatchObject({ volume_type: 'fast', volume_type_id: fastId });
    const updated = await h
      .as('bob')
      .put(`/volume/v3/volumes/${id}`, { volume: { name: 'renamed' } })
      .set(...VV('3.63'))
      .expect(200);
    expect(updated.body.volume.volume_type_id).toBe(fastId);
    const listed = await h
      .as('bob')
      .get('/volume/v3/volumes/detail')
      .set(...VV('3.63'))
      .expect(200);
    expect(listed.body.volumes.find((v: { id: string }) => v.id === id).volume_type_id).toBe(fastId);
  });
});
