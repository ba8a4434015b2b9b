// A volume's sub-resources other than metadata (real sockets: `encryption`, through the catch-all route): the
// pod's answer passed on as it is, a write recorded; another tenant gets podgate's 404, the pod never asked.
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { createVolume, type Volume, volumeEvents } from './testing/volumes-e2e';

describe('other volume sub-resources (real sockets)', () => {
  let h: ComputeHarness;
  let volume: Volume;

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1' }, { az: 'az2' }] });
    volume = await createVolume(h, 'alice', { availability_zone: 'az1' });
  }, 120_000);
  afterAll(() => h?.close());

  const podNotFound = { itemNotFound: { code: 404, message: 'The resource could not be found.' } };

  it('passes the pod’s answer on unchanged, without taking its 404 for the volume’s', async () => {
    const alice = h.as('alice');
    const base = `/volume/v3/volumes/${volume.id}`;
    expect((await alice.get(`${base}/encryption`).expect(404)).body).toEqual(podNotFound);
    expect((await alice.get(`${base}/encryption/encryption_key_id?x=1`).expect(404)).body).toEqual(podNotFound);
    expect((await alice.put(`${base}/encryption/cipher`, { cipher: 'x' }).expect(404)).body).toEqual(podNotFound);
    // a sub-resource's 404 is not the volume's: it stays routed and shown
    const { types, actions } = await volumeEvents(h, volume.id);
    expect(types).not.toContain('ResourceUnrouted');
    expect(actions).toEqual(['PUT encryption']);
    expect(types.slice(-1)).toEqual(['VolumeActionFailed']);
    await alice.get(base).expect(200);
  });

  it('answers another tenant podgate’s 404 without asking the pod', async () => {
    const base = `/volume/v3/volumes/${volume.id}`;
    // a pod asked would answer 500, which podgate passes on as its 503
    h.pods[0].sim.faults.update({ errorRate: 1, errorStatus: 500 });
    try {
      const notFound = { itemNotFound: { code: 404, message: `Volume ${volume.id} could not be found.` } };
      expect((await h.as('bob').get(`${base}/encryption`).expect(404)).body).toEqual(notFound);
      expect((await h.as('bob').put(`${base}/encryption/cipher`, { cipher: 'x' }).expect(404)).body).toEqual(notFound);
      await h.as('alice').get(`${base}/encryption`).expect(503);
    } finally {
      h.pods[0].sim.faults.update({ errorRate: 0 });
    }
    expect((await volumeEvents(h, volume.id)).actions).toEqual(['PUT encryption']);
  });
});
