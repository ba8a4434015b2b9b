// A pod that is down, failing or slow (real sockets, the simulator's fault injection): lists answer 200 with the
// other pods' volumes within the per-pod timeout; the summary, a create there, calls on its volumes a 503 naming it.
import { volumeProvisioningIdFor, volumeProvisioningStream } from '@podgate/volumes';
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { expectEachPodDown } from '../testing/pod-faults-e2e';
import { createVolume, podOfVolume, type Volume, VV } from './testing/volumes-e2e';

describe('volumes of a failing pod (real sockets)', () => {
  let h: ComputeHarness;
  const ids: string[][] = [[], [], []];

  beforeAll(async () => {
    h = await startComputeHarness({
      pods: [{ az: 'az1' }, { az: 'az2', podAz: 'nova' }, { az: 'az3' }],
      env: { PODGATE_POD_LIST_TIMEOUT_MS: '800' },
    });
    for (const [index, az] of ['az1', 'az2', 'az3'].entries())
      for (let i = 0; i < 2; i += 1) ids[index].push((await createVolume(h, 'alice', { availability_zone: az })).id);
  }, 120_000);
  afterAll(() => h?.close());

  const listed = async (path = '/volume/v3/volumes/detail'): Promise<string[]> =>
    ((await h.as('alice').get(path).expect(200)).body.volumes as Volume[]).map((v) => v.id).sort();
  /** podgate's answer when a pod's volume API refuses connections (it is down). */
  const refusedBy = (pod: number) => ({
    serviceUnavailable: { code: 503, message: `${h.pods[pod].name} volume is unreachable: connection refused.` },
  });

  it('answers a list without a down pod’s volumes, with a 200', async () => {
    await h.pods[2].sim.down();
    try {
      expect(await listed()).toEqual([...ids[0], ...ids[1]].sort());
      expect(await listed('/volume/v3/volumes')).toEqual([...ids[0], ...ids[1]].sort());
    } finally {
      await h.pods[2].sim.up();
    }
    expect(await listed()).toEqual(ids.flat().sort());
  });

  it('cuts a slow pod at the per-pod list timeout and leaves out a failing one', async () => {
    h.pods[0].sim.faults.update({ latencyMs: 3000 });
    h.pods[1].sim.faults.update({ errorRate: 1, errorStatus: 500 });
    try {
      const started = Date.now();
      expect(await listed()).toEqual([...ids[2]].sort());
      expect(Date.now() - started).toBeLessThan(2500);
    } finally {
      h.pods[0].sim.faults.update({ latencyMs: 0 });
      h.pods[1].sim.faults.update({ errorRate: 0 });
    }
  });

  it('answers 503 with a body naming the pod for show, update, actions, metadata (reads and writes) and delete', async () => {
    const [id] = ids[1];
    const alice = h.as('alice');
    await h.pods[1].sim.down();
    try {
      const calls = [
        alice.get(`/volume/v3/volumes/${id}`),
        alice.put(`/volume/v3/volumes/${id}`, { volume: { name: 'x' } }),
        alice.post(`/volume/v3/volumes/${id}/action`, { 'os-extend': { new_size: 2 } }),
        alice.get(`/volume/v3/volumes/${id}/metadata`),
        alice.post(`/volume/v3/volumes/${id}/metadata`, { metadata: { a: 'b' } }),
        alice.put(`/volume/v3/volumes/${id}/metadata`, { metadata: { a: 'b' } }),
        alice.put(`/volume/v3/volumes/${id}/metadata/a`, { meta: { a: 'c' } }),
        alice.delete(`/volume/v3/volumes/${id}/metadata/a`),
        alice.delete(`/volume/v3/volumes/${id}`),
      ];
      await expectEachPodDown(calls, h.pods[1].name);
    } finally {
      await h.pods[1].sim.up();
    }
    await h.as('alice').get(`/volume/v3/volumes/${id}`).expect(200);
  });

  it('answers the summary 503 naming a down pod, never a partial sum, and the whole sum once it is up', async () => {
    const summary = () =>
      h
        .as('alice')
        .get('/volume/v3/volumes/summary')
        .set(...VV('3.12'));
    await h.pods[2].sim.down();
    try {
      const down = await summary().expect(503);
      expect(down.body).toEqual(refusedBy(2));
    } finally {
      await h.pods[2].sim.up();
    }
    const total = ids.flat().length; // 1 GiB each
    expect((await summary().expect(200)).body).toEqual({ 'volume-summary': { total_count: total, total_size: total } });
  });

  it('answers a create whose pod is down 503 naming it, records the failure and routes nothing; then creates', async () => {
    // alice's binding in az3 is the pod of her volumes there
    await h.pods[2].sim.down();
    let refused;
    try {
      refused = await h
        .as('alice')
        .post('/volume/v3/volumes', { volume: { size: 1, availability_zone: 'az3' } })
        .expect(503);
    } finally {
      await h.pods[2].sim.up();
    }
    expect(refused.body).toEqual(refusedBy(2));
    const provisioningId = volumeProvisioningIdFor('volume', refused.headers['x-openstack-request-id']);
    const intent = await h.store.readStream(volumeProvisioningStream('volume', provisioningId));
    expect(intent.map((event) => event.type)).toEqual(['VolumeProvisioningRequested', 'VolumeProvisioningFailed']);
    expect(intent[1].data).toMatchObject({ podId: h.pods[2].podId, status: 503 });
    expect(h.pods[2].sim.state.cinder.volumes.size).toBe(ids[2].length);
    expect(await listed()).toEqual(ids.flat().sort());

    const created = await createVolume(h, 'alice', { availability_zone: 'az3' });
    expect(podOfVolume(h, created.id)).toBe(2);
    expect(await listed()).toEqual([...ids.flat(), created.id].sort());
  });
});
