// A pod that is down, failing or slow (real sockets, the simulator's fault injection): lists answer
// 200 with the other pods' volumes within the per-pod timeout; calls on one of its volumes a 503 with a body.
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { createVolume, type Volume } from './testing/volumes-e2e';

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

  it('answers 503 with a body naming the pod for show, update, actions, metadata and delete', async () => {
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
        alice.delete(`/volume/v3/volumes/${id}`),
      ];
      for (const call of calls) {
        const answer = await call.expect(503);
        const [fault] = Object.values(answer.body) as { code: number; message: string }[];
        expect(Object.keys(answer.body)).toHaveLength(1);
        expect(fault.code).toBe(503);
        expect(fault.message).toContain(h.pods[1].name);
      }
    } finally {
      await h.pods[1].sim.up();
    }
    await h.as('alice').get(`/volume/v3/volumes/${id}`).expect(200);
  });
});
