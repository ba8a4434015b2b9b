// Attachments (3.27+) of a pod that is down or slow (real sockets, the simulator's fault injection): writes
// answer 503 with a body naming the pod; a slow pod is cut from the merged list at the per-pod timeout.
import type { ComputeHarness } from '../../testing/gateway-harness';
import { expectEachPodDown, expectSlowPodLeftOut, startFailingPodsHarness } from '../testing/pod-faults-e2e';
import { VV } from '../volumes/testing/volumes-e2e';
import { streamEvents, volumeIn } from '../snapshots/testing/snapshots-e2e';

type Attachment = Record<string, unknown> & { id: string; volume_id: string };

describe('attachments of a failing pod (real sockets)', () => {
  let h: ComputeHarness;

  const attach = (volumeId: string) =>
    h
      .as('alice')
      .post('/volume/v3/attachments', { attachment: { volume_uuid: volumeId } })
      .set(...VV('3.27'));
  const attachmentsOf = (pod: number, volumeId: string) =>
    h.pods[pod].sim.state.cinder.volumes.get(volumeId)?.attachments.map((a) => a.id);

  beforeAll(async () => {
    h = await startFailingPodsHarness();
  }, 120_000);
  afterAll(() => h?.close());

  it('answers 503 naming the pod for create, update, os-complete and delete while the volume’s pod is down', async () => {
    const volumeId = await volumeIn(h, 'alice', 'az2');
    const { body } = await attach(volumeId).expect(200);
    const path = `/volume/v3/attachments/${body.attachment.id}`;
    const alice = h.as('alice');
    await h.pods[1].sim.down();
    try {
      const calls = [
        attach(volumeId),
        alice.put(path, { attachment: { connector: { host: 'compute-1', initiator: 'iqn.x' } } }).set(...VV('3.27')),
        alice.post(`${path}/action`, { 'os-complete': null }).set(...VV('3.44')),
        alice.delete(path).set(...VV('3.27')),
      ];
      await expectEachPodDown(calls, h.pods[1].name);
    } finally {
      await h.pods[1].sim.up();
    }
    const shown = await h
      .as('alice')
      .get(path)
      .set(...VV('3.27'))
      .expect(200);
    expect(shown.body.attachment).toMatchObject({ id: body.attachment.id, volume_id: volumeId, status: 'reserved' });
    expect(attachmentsOf(1, volumeId)).toEqual([body.attachment.id]);
    // the refused create is recorded as failed; update, os-complete and delete never found the attachment
    expect((await streamEvents(h, `volume-${volumeId}`)).types.slice(2)).toEqual([
      'VolumeActionRequested',
      'VolumeActionSucceeded',
      'VolumeActionRequested',
      'VolumeActionFailed',
    ]);
  });

  it('cuts a slow pod’s attachments from the merged list at the per-pod timeout, listing the other pod’s', async () => {
    const fast = (await attach(await volumeIn(h, 'alice', 'az2')).expect(200)).body.attachment as Attachment;
    const slow = (await attach(await volumeIn(h, 'alice', 'az1')).expect(200)).body.attachment as Attachment;
    const inPod = (pod: number) =>
      [...h.pods[pod].sim.state.cinder.volumes.values()]
        .filter((v) => v.projectId === h.projectIdOf('tenant-a'))
        .flatMap((v) => v.attachments.map((a) => a.id))
        .sort();
    expect([inPod(0), inPod(1)]).toEqual([expect.arrayContaining([slow.id]), expect.arrayContaining([fast.id])]);
    await expectSlowPodLeftOut(h, {
      paths: ['/volume/v3/attachments', '/volume/v3/attachments/detail'],
      listed: async (path) =>
        (
          (
            await h
              .as('alice')
              .get(path)
              .set(...VV('3.27'))
              .expect(200)
          ).body.attachments as Attachment[]
        )
          .map((a) => a.id)
          .sort(),
      slowPod: 0,
      others: inPod(1),
      all: [...inPod(0), ...inPod(1)].sort(),
    });
  });
});
