// Attachment requests refused (real sockets): bad create and update bodies (400, Cinder's badRequest),
// another tenant's os-complete (404), no token (401); none of them changes the attachment.
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { VV } from '../volumes/testing/volumes-e2e';
import { streamEvents, volumeIn } from '../snapshots/testing/snapshots-e2e';

describe('attachment requests refused (real sockets)', () => {
  let h: ComputeHarness;
  let volumeId: string;
  let attachmentId: string;

  const create = (attachment: Record<string, unknown>, caller = h.as('alice')) =>
    caller.post('/volume/v3/attachments', { attachment }).set(...VV('3.27'));
  const simVolume = () => h.pods[0].sim.state.cinder.volumes.get(volumeId);

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1' }] });
    volumeId = await volumeIn(h, 'alice', 'az1');
    attachmentId = (await create({ volume_uuid: volumeId }).expect(200)).body.attachment.id;
  }, 120_000);
  afterAll(() => h?.close());

  it('refuses a create without volume_uuid or with one that is not a UUID (400), forwarding nothing', async () => {
    const missing = await create({ instance_uuid: volumeId }).expect(400);
    expect(Object.keys(missing.body)).toEqual(['badRequest']);
    expect(missing.body.badRequest.code).toBe(400);
    expect(missing.body.badRequest.message).toBe(
      `Invalid input for field/attribute attachment. Value: {'instance_uuid': '${volumeId}'}. 'volume_uuid' is a required property`,
    );
    const notUuid = await create({ volume_uuid: 'not-a-uuid' }).expect(400);
    expect(Object.keys(notUuid.body)).toEqual(['badRequest']);
    expect(notUuid.body.badRequest.code).toBe(400);
    expect(notUuid.body.badRequest.message).toBe(
      "Invalid input for field/attribute volume_uuid. Value: not-a-uuid. 'not-a-uuid' is not a 'uuid'",
    );
    expect(simVolume()?.attachments.map((a) => a.id)).toEqual([attachmentId]);
  });

  it('passes on the pod’s 400 for an update without a connector, recorded as failed, the attachment still reserved', async () => {
    const path = `/volume/v3/attachments/${attachmentId}`;
    for (const body of [{ attachment: {} }, { attachment: { connector: 'compute-1' } }]) {
      const refused = await h
        .as('alice')
        .put(path, body)
        .set(...VV('3.27'))
        .expect(400);
      expect(Object.keys(refused.body)).toEqual(['badRequest']);
      // the pod's refusal, passed on in its words
      expect(refused.body.badRequest).toEqual({
        code: 400,
        message: "Invalid input received: 'connector' is a required property",
      });
    }
    expect(simVolume()?.attachments).toEqual([
      expect.objectContaining({ id: attachmentId, status: 'reserved', connector: null }),
    ]);
    expect(simVolume()?.status).toBe('reserved');
    const { types } = await streamEvents(h, `volume-${volumeId}`);
    expect(types.slice(-4)).toEqual([
      'VolumeActionRequested',
      'VolumeActionFailed',
      'VolumeActionRequested',
      'VolumeActionFailed',
    ]);
  });

  it('hides another tenant’s attachment from os-complete (404) and completes nothing', async () => {
    await volumeIn(h, 'bob', 'az1'); // so that the pod is asked, with bob's token
    const hidden = await h
      .as('bob')
      .post(`/volume/v3/attachments/${attachmentId}/action`, { 'os-complete': null })
      .set(...VV('3.44'))
      .expect(404);
    expect(hidden.body).toEqual({
      itemNotFound: {
        code: 404,
        message: `Volume attachment could not be found with filter: attachment_id = ${attachmentId}.`,
      },
    });
    expect(simVolume()?.status).toBe('reserved');
    expect((await streamEvents(h, `volume-${volumeId}`)).actions).not.toContain('attachment os-complete');
  });

  it('answers 401 without a token, in keystonemiddleware’s words, and creates nothing', async () => {
    const refused = await create({ volume_uuid: volumeId }, h.as()).expect(401);
    expect(refused.body).toEqual({
      unauthorized: { code: 401, message: 'The request you have made requires authentication.' },
    });
    expect(simVolume()?.attachments.map((a) => a.id)).toEqual([attachmentId]);
  });
});
