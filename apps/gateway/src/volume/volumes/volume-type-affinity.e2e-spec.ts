// A volume type's affinity tag steers the create (real sockets): a type with `podgate:affinity_tag`
// binds the tenant to a pod with that tag, a volume without it stays on the untagged pod; the pod
// gets the type by name (its own id differs).
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { createVolume, eventually, podOfVolume, simVolume } from './testing/volumes-e2e';

describe('volume type affinity (real sockets)', () => {
  let h: ComputeHarness;

  const typeOn = (pod: number, name: string) =>
    [...h.pods[pod].sim.state.cinder.types.values()].find((type) => type.name === name);

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1' }, { az: 'az1' }] });
    await h
      .as('admin')
      .put(`/v1.0/pods/${h.pods[1].podId}`, { pod: { affinity_tag: 'ssd' } })
      .expect(200);
    const type = { volume_type: { name: 'fast', extra_specs: { 'podgate:affinity_tag': 'ssd' } } };
    await h.as('admin').post('/volume/v3/types', type).expect(200);
    await eventually(() => expect(typeOn(1, 'fast')).toBeDefined(), 30_000);
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
});
