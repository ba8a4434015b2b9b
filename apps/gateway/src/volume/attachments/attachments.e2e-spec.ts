// The attachments API (3.27+) over simulated pods (real sockets): created in the volume's pod for a
// server of that pod, merged lists, show/update/delete, os-complete (3.44), tenants kept apart.
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { prepareServers, serverBody, V } from '../../compute/servers/testing/servers-e2e';
import { eventually, VV } from '../volumes/testing/volumes-e2e';
import { routedPods, streamEvents, volumeIn } from '../snapshots/testing/snapshots-e2e';

type Attachment = Record<string, unknown> & { id: string; volume_id: string };

describe('volume attachments over pods (real sockets)', () => {
  let h: ComputeHarness;
  const servers: string[] = [];
  const at = (version = '3.27') => VV(version);

  const serverIn = async (az: string): Promise<string> => {
    const answer = await h
      .as('alice')
      .post('/compute/v2.1/servers', serverBody(`s-${az}`, { availability_zone: az }))
      .set(...V('2.37'))
      .expect(202);
    const id: string = answer.body.server.id;
    await eventually(async () => expect(await routedPods(h, 'server', id)).toHaveLength(1));
    return id;
  };

  const attach = (volumeId: string, serverId: string, version = '3.27') =>
    h
      .as('alice')
      .post('/volume/v3/attachments', { attachment: { volume_uuid: volumeId, instance_uuid: serverId } })
      .set(...at(version));

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1' }, { az: 'az2', podAz: 'nova' }] });
    await prepareServers(h);
    servers.push(await serverIn('az1'), await serverIn('az2'));
  }, 120_000);
  afterAll(() => h?.close());

  it('attaches a volume to a server of its pod, recorded on the volume', async () => {
    const volumeId = await volumeIn(h, 'alice', 'az2');
    const answer = await attach(volumeId, servers[1]).expect(200);
    const attachment = answer.body.attachment as Attachment;
    expect(attachment).toMatchObject({ volume_id: volumeId, instance: servers[1], status: 'reserved' });
    expect(h.pods[1].sim.state.cinder.volumes.get(volumeId)?.attachments.map((a) => a.id)).toEqual([attachment.id]);
    expect((await streamEvents(h, `volume-${volumeId}`)).actions).toEqual(['attachment create']);
  });

  it('refuses a server of another pod with a 400 and forwards nothing', async () => {
    const volumeId = await volumeIn(h, 'alice', 'az1');
    const refused = await attach(volumeId, servers[1]).expect(400);
    expect(refused.body.badRequest.message).toBe(`Server ${servers[1]} and volume ${volumeId} must be in the same pod.`);
    expect(h.pods[0].sim.state.cinder.volumes.get(volumeId)?.attachments).toEqual([]);
    expect((await streamEvents(h, `volume-${volumeId}`)).actions).toEqual([]);
  });

  it('is not there below 3.27 (Cinder’s bare 404), os-complete not below 3.44', async () => {
    const volumeId = await volumeIn(h, 'alice', 'az1');
    const old = await attach(volumeId, servers[0], '3.26').expect(404);
    expect(old.body).toEqual({ itemNotFound: { code: 404, message: 'The resource could not be found.' } });
    await h.as('alice').get('/volume/v3/attachments').expect(404);
    const { body } = await attach(volumeId, servers[0]).expect(200);
    const path = `/volume/v3/attachments/${body.attachment.id}`;
    await h
      .as('alice')
      .get(path)
      .set(...at('3.26'))
      .expect(404);
    await h
      .as('alice')
      .delete(path)
      .set(...at('3.26'))
      .expect(404);
    await h
      .as('alice')
      .post(`${path}/action`, { 'os-complete': null })
      .set(...at('3.43'))
      .expect(404);
    expect(h.pods[0].sim.state.cinder.volumes.get(volumeId)?.attachments).toHaveLength(1);
  });

  it('shows, updates with a connector, completes at 3.44 and deletes, each recorded', async () => {
    const volumeId = await volumeIn(h, 'alice', 'az2');
    const { body } = await attach(volumeId, servers[1]).expect(200);
    const path = `/volume/v3/attachments/${body.attachment.id}`;
    const shown = await h
      .as('alice')
      .get(path)
      .set(...at())
      .expect(200);
    expect(shown.body.attachment).toMatchObject({ id: body.attachment.id, volume_id: volumeId, instance: servers[1] });
    const connector = { host: 'compute-1', mountpoint: '/dev/vdb', initiator: 'iqn.x' };
    const updated = await h
      .as('alice')
      .put(path, { attachment: { connector } })
      .set(...at())
      .expect(200);
    expect(updated.body.attachment.connection_info).toMatchObject({ driver_volume_type: 'iscsi' });
    await h
      .as('alice')
      .post(`${path}/action`, { 'os-complete': null })
      .set(...at('3.44'))
      .expect(204);
    expect(h.pods[1].sim.state.cinder.volumes.get(volumeId)?.status).toBe('in-use');
    await h
      .as('alice')
      .delete(path)
      .set(...at())
      .expect(200);
    expect(h.pods[1].sim.state.cinder.volumes.get(volumeId)?.attachments).toEqual([]);
    await h
      .as('alice')
      .get(path)
      .set(...at())
      .expect(404);
    expect((await streamEvents(h, `volume-${volumeId}`)).actions).toEqual([
      'attachment create',
      'attachment update',
      'attachment os-complete',
      'attachment delete',
    ]);
  });

  it('lists the attachments of both pods, summary and detail', async () => {
    const ids: string[] = [];
    for (const [pod, az] of [
      [0, 'az1'],
      [1, 'az2'],
    ] as const)
      ids.push((await attach(await volumeIn(h, 'alice', az), servers[pod]).expect(200)).body.attachment.id);
    const detail = await h
      .as('alice')
      .get('/volume/v3/attachments/detail')
      .set(...at())
      .expect(200);
    const listed = (detail.body.attachments as Attachment[]).map((a) => a.id);
    expect(listed).toEqual(expect.arrayContaining(ids));
    expect(new Set(listed).size).toBe(listed.length);
    const mine = h.pods.flatMap((pod) =>
      [...pod.sim.state.cinder.volumes.values()]
        .filter((v) => v.projectId === h.projectIdOf('tenant-a'))
        .flatMap((v) => v.attachments),
    );
    expect(listed.sort()).toEqual(mine.map((a) => a.id).sort());
    expect(detail.body.attachments[0]).toHaveProperty('attach_mode');
    const summary = await h
      .as('alice')
      .get('/volume/v3/attachments')
      .set(...at())
      .expect(200);
    expect(Object.keys(summary.body.attachments[0]).sort()).toEqual(['id', 'instance', 'status', 'volume_id']);
    expect(summary.body.attachments).toHaveLength(listed.length);
    expect(
      (
        await h
          .as('bob')
          .get('/volume/v3/attachments')
          .set(...at())
          .expect(200)
      ).body.attachments,
    ).toEqual([]);
  });

  it('hides another tenant’s attachment and volume', async () => {
    const volumeId = await volumeIn(h, 'alice', 'az1');
    const { body } = await attach(volumeId, servers[0]).expect(200);
    const path = `/volume/v3/attachments/${body.attachment.id}`;
    const hidden = await h
      .as('bob')
      .get(path)
      .set(...at())
      .expect(404);
    expect(hidden.body.itemNotFound.message).toBe(
      `Volume attachment could not be found with filter: attachment_id = ${body.attachment.id}.`,
    );
    await h
      .as('bob')
      .delete(path)
      .set(...at())
      .expect(404);
    await h
      .as('bob')
      .put(path, { attachment: { connector: { host: 'x' } } })
      .set(...at())
      .expect(404);
    expect(h.pods[0].sim.state.cinder.volumes.get(volumeId)?.attachments).toHaveLength(1);
    const theirs = await h
      .as('bob')
      .post('/volume/v3/attachments', { attachment: { volume_uuid: volumeId } })
      .set(...at())
      .expect(404);
    expect(theirs.body.itemNotFound.message).toBe(`Volume ${volumeId} could not be found.`);
  });

  it('answers 503 with a body when the attachment’s pod is down, and lists the other pod’s', async () => {
    const volumeId = await volumeIn(h, 'alice', 'az2');
    const { body } = await attach(volumeId, servers[1]).expect(200);
    await h.pods[1].sim.down();
    try {
      const down = await h
        .as('alice')
        .get(`/volume/v3/attachments/${body.attachment.id}`)
        .set(...at())
        .expect(503);
      expect(Object.keys(down.body)).toHaveLength(1);
      const listed = await h
        .as('alice')
        .get('/volume/v3/attachments')
        .set(...at())
        .expect(200);
      expect((listed.body.attachments as Attachment[]).some((a) => a.id === body.attachment.id)).toBe(false);
    } finally {
      await h.pods[1].sim.up();
    }
  });

  it('answers 503, not 404, when the attachment’s pod answers 5xx, and deletes nothing', async () => {
    const volumeId = await volumeIn(h, 'alice', 'az2');
    const { body } = await attach(volumeId, servers[1]).expect(200);
    h.pods[1].sim.faults.update({ errorRate: 1, errorStatus: 503, pathPrefix: '/volume' });
    try {
      const failed = await h
        .as('alice')
        .delete(`/volume/v3/attachments/${body.attachment.id}`)
        .set(...at())
        .expect(503);
      expect(failed.body.serviceUnavailable.message).toMatch(/^Pod2 volume answered HTTP 503/);
    } finally {
      h.pods[1].sim.faults.reset();
    }
    expect(h.pods[1].sim.state.cinder.volumes.get(volumeId)?.attachments.map((a) => a.id)).toEqual([body.attachment.id]);
    expect((await streamEvents(h, `volume-${volumeId}`)).actions).toEqual(['attachment create']);
  });
});
