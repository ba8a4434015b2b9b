// A pod slower than podgate's per-call timeout (real sockets, the simulator's latencyMs): show, update, an action
// and delete of its volume answer podgate's 503 in time (recorded as 504); the route stays until the pod's 404.
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { podTimeoutFault, timed } from '../testing/pod-faults-e2e';
import { createVolume, simVolume, volumeStream } from './testing/volumes-e2e';

const TIMEOUT_MS = 800;
const LATENCY_MS = 4000;

describe('volumes of a slow pod (real sockets)', () => {
  let h: ComputeHarness;

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1' }, { az: 'az2' }], env: { PODGATE_POD_TIMEOUT_MS: String(TIMEOUT_MS) } });
  }, 120_000);
  afterAll(() => h?.close());

  it('answers show, update, os-extend and delete with 503 within the timeout, then 200; a timed-out delete does not unroute', async () => {
    const alice = h.as('alice');
    const kept = await createVolume(h, 'alice', { availability_zone: 'az1', name: 'kept' });
    const doomed = await createVolume(h, 'alice', { availability_zone: 'az1', name: 'doomed' });
    const other = await createVolume(h, 'alice', { availability_zone: 'az2' });
    const slowSince = Date.now();
    h.pods[0].sim.faults.update({ latencyMs: LATENCY_MS });
    let answers;
    try {
      answers = await Promise.all([
        timed(alice.get(`/volume/v3/volumes/${kept.id}`)),
        timed(alice.put(`/volume/v3/volumes/${kept.id}`, { volume: { name: 'renamed' } })),
        timed(alice.post(`/volume/v3/volumes/${kept.id}/action`, { 'os-extend': { new_size: 2 } })),
        timed(alice.delete(`/volume/v3/volumes/${doomed.id}`)),
      ]);
      // the other pod's volumes are not held up
      await alice.get(`/volume/v3/volumes/${other.id}`).expect(200);
    } finally {
      h.pods[0].sim.faults.update({ latencyMs: 0 });
    }
    for (const { status, body, ms } of answers) {
      expect(ms).toBeLessThan(TIMEOUT_MS + 2000);
      expect(status).toBe(503);
      expect(body).toEqual(podTimeoutFault(h.pods[0].name, TIMEOUT_MS));
    }

    // Recorded as failed, with the timeout's 504; the delete's route stays.
    const failed = (await volumeStream(h, kept.id)).filter((event) => event.type === 'VolumeActionFailed');
    expect(failed.map((event) => (event.data as { status: number }).status)).toEqual([504, 504]);
    const deleteEvents = await volumeStream(h, doomed.id);
    expect(deleteEvents.map((event) => event.type)).toEqual([
      'VolumeCreated',
      'ResourceRouted',
      'VolumeDeleteRequested',
      'VolumeDeleteFailed',
    ]);
    expect(deleteEvents[3].data).toMatchObject({ status: 504 });

    // Without the latency the pod answers at once; the requests still sleeping in it have not run yet.
    expect(Date.now() - slowSince).toBeLessThan(LATENCY_MS - 500);
    const shown = await alice.get(`/volume/v3/volumes/${kept.id}`).expect(200);
    expect(shown.body.volume).toMatchObject({ name: 'kept', size: 1 });
    await alice.get(`/volume/v3/volumes/${doomed.id}`).expect(200);

    // The simulator sleeps its latency before handling a request (an onRequest hook), and goes on
    // once podgate has hung up: the delete (no body) is then done, the update and the extend are not
    // (the pod cannot read a body from a closed connection). Once the pod's 404 is seen, the volume is gone.
    await new Promise((resolve) => setTimeout(resolve, slowSince + LATENCY_MS + 500 - Date.now()));
    expect(simVolume(h, kept.id)).toMatchObject({ name: 'kept', size: 1, status: 'available' });
    expect(simVolume(h, doomed.id)?.status ?? 'gone').toMatch(/^(deleting|gone)$/);
    const gone = await alice.get(`/volume/v3/volumes/${doomed.id}`).expect(404);
    expect(gone.body).toEqual({ itemNotFound: { code: 404, message: `Volume ${doomed.id} could not be found.` } });
    const found = (await volumeStream(h, doomed.id)).slice(4);
    expect(found.map((event) => event.type)).toEqual(['VolumeDeleted', 'ResourceUnrouted']);
    expect(found[0].data).toMatchObject({ deleteId: null });
    await alice.get(`/volume/v3/volumes/${kept.id}`).expect(200);
  }, 30_000);
});
