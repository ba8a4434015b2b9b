// /volume/v3/volumes/{id}/metadata[/{key}] (real sockets): every endpoint Cinder has, per-key GET
// included (Trio2o answered it 405), served by the volume's pod; the writes recorded.
import { withoutProvisioningTag } from '../../api/provisioning-tag';
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { createVolume, volumeEvents } from './testing/volumes-e2e';

describe('volume metadata (real sockets)', () => {
  let h: ComputeHarness;

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1' }, { az: 'az2', podAz: 'nova' }] });
  }, 120_000);
  afterAll(() => h?.close());

  it('serves the collection and each key, and records every write by method', async () => {
    const volume = await createVolume(h, 'alice', { availability_zone: 'az2', metadata: { a: '1' } });
    const base = `/volume/v3/volumes/${volume.id}/metadata`;
    const alice = h.as('alice');
    expect((await alice.get(base).expect(200)).body).toEqual({ metadata: { a: '1' } });
    expect((await alice.post(base, { metadata: { b: '2' } }).expect(200)).body.metadata).toEqual({ a: '1', b: '2' });
    expect((await alice.get(`${base}/b`).expect(200)).body).toEqual({ meta: { b: '2' } });
    expect((await alice.put(`${base}/b`, { meta: { b: '3' } }).expect(200)).body).toEqual({ meta: { b: '3' } });
    await alice.delete(`${base}/a`).expect(200);
    expect((await alice.get(base).expect(200)).body.metadata).toEqual({ b: '3' });
    // user metadata is the user's: an `availability_zone` key is not translated either way
    const replaced = await alice.put(base, { metadata: { availability_zone: 'nova' } }).expect(200);
    expect(replaced.body.metadata).toEqual({ availability_zone: 'nova' });
    // (the pod also keeps podgate's provisioning tag, when the volume has one: provisioning-tag.e2e-spec.ts)
    expect(withoutProvisioningTag(h.pods[1].sim.state.cinder.volumes.get(volume.id)!.metadata)).toEqual({
      availability_zone: 'nova',
    });
    expect((await volumeEvents(h, volume.id)).actions).toEqual([
      'POST metadata',
      'PUT metadata',
      'DELETE metadata',
      'PUT metadata',
    ]);
  });

  it('passes the pod’s 404 for a missing key on, and keeps the volume routed', async () => {
    const volume = await createVolume(h, 'alice', { availability_zone: 'az1' });
    const missing = await h.as('alice').get(`/volume/v3/volumes/${volume.id}/metadata/gone`).expect(404);
    expect(Object.keys(missing.body)).toEqual(['itemNotFound']);
    await h.as('alice').delete(`/volume/v3/volumes/${volume.id}/metadata/gone`).expect(404);
    await h.as('alice').get(`/volume/v3/volumes/${volume.id}`).expect(200);
    expect((await volumeEvents(h, volume.id)).types).not.toContain('ResourceUnrouted');
  });

  it('shows the metadata in the volume itself', async () => {
    const volume = await createVolume(h, 'alice', { availability_zone: 'az1', metadata: { role: 'db' } });
    await h
      .as('alice')
      .put(`/volume/v3/volumes/${volume.id}/metadata/tier`, { meta: { tier: 'gold' } })
      .expect(200);
    const shown = await h.as('alice').get(`/volume/v3/volumes/${volume.id}`).expect(200);
    expect(shown.body.volume.metadata).toEqual({ role: 'db', tier: 'gold' });
  });
});
