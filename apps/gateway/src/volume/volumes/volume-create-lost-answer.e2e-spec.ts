// A volume create whose answer never came back (real sockets: the simulated Cinder makes the volume
// and answers after podgate's pod timeout): the client gets a 503, and podgate adopts
// the volume by its hidden provisioning tag, so it becomes reachable through podgate like any other.
import { PROVISIONING_METADATA_KEY } from '@podgate/routed-resources';
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { eventually, volumeStream } from './testing/volumes-e2e';

describe('a volume create whose answer was lost (real sockets)', () => {
  let h: ComputeHarness;

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1' }], env: { PODGATE_POD_TIMEOUT_MS: '400' } });
  }, 120_000);
  afterAll(() => h?.close());

  it('answers 503, then adopts the volume the pod made: shown, listed and deleted through podgate, its tag never visible', async () => {
    const alice = h.as('alice');
    h.pods[0].sim.faults.update({ answerDelayMs: 800 });
    let lost;
    try {
      lost = await alice.post('/volume/v3/volumes', { volume: { size: 1, name: 'answer-lost' } });
    } finally {
      h.pods[0].sim.faults.update({ answerDelayMs: 0 });
    }
    expect(lost.status).toBe(503);
    expect(JSON.stringify(lost.body)).toContain('Pod1');

    const made = await eventually(() => {
      const volume = [...h.pods[0].sim.state.cinder.volumes.values()].find((v) => v.name === 'answer-lost');
      if (!volume) throw new Error('the pod has not made the volume yet');
      return volume;
    });
    expect(Object.keys(made.metadata)).toEqual([PROVISIONING_METADATA_KEY]);
    await eventually(async () =>
      expect((await volumeStream(h, made.id)).map((e) => e.type)).toEqual(['VolumeCreated', 'ResourceRouted']),
    );

    const shown = await alice.get(`/volume/v3/volumes/${made.id}`).expect(200);
    expect(shown.body.volume).toMatchObject({ id: made.id, name: 'answer-lost', availability_zone: 'az1', metadata: {} });
    const listed = await alice.get('/volume/v3/volumes/detail').expect(200);
    expect(listed.body.volumes.find((v: { id: string }) => v.id === made.id)?.metadata).toEqual({});
    await alice.delete(`/volume/v3/volumes/${made.id}`).expect(202);
  });
});
