// POST /volume/v3/volumes/{id}/action (real sockets): every Cinder action reaches the volume's pod
// and is recorded (VolumeActionRequested, then Succeeded or Failed, naming it); os-attach only to a
// server in the volume's pod.
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { prepareServers, serverBody, V } from '../../compute/servers/testing/servers-e2e';
import type { SeedUser } from '../../testing/gateway-harness';
import { createVolume, eventually, volumeStream, VV } from './testing/volumes-e2e';

type Outcome = { action: string; outcome: string };

describe('volume actions (real sockets)', () => {
  let h: ComputeHarness;

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1' }, { az: 'az2', podAz: 'nova' }] });
    await prepareServers(h);
  }, 120_000);
  afterAll(() => h?.close());

  const act = (id: string, body: unknown, user: SeedUser = 'alice') =>
    h
      .as(user)
      .post(`/volume/v3/volumes/${id}/action`, body as object)
      .set(...VV('3.42'));

  /** Each recorded action with how it ended (`Succeeded`, `Failed`), in request order. */
  async function outcomes(id: string): Promise<Outcome[]> {
    const events = await volumeStream(h, id);
    const byId = new Map<string, string>();
    const result: Outcome[] = [];
    for (const { type, data } of events) {
      const { actionId, action } = data as { actionId?: string; action?: string };
      if (type === 'VolumeActionRequested') byId.set(actionId as string, action as string);
      else if (type === 'VolumeActionSucceeded' || type === 'VolumeActionFailed')
        result.push({ action: byId.get(actionId as string) ?? '?', outcome: type.replace('VolumeAction', '') });
    }
    return result;
  }

  async function server(name: string, az: string): Promise<string> {
    const created = await h
      .as('alice')
      .post('/compute/v2.1/servers', serverBody(name, { availability_zone: az }))
      .set(...V('2.37'))
      .expect(202);
    return created.body.server.id as string;
  }

  it('forwards every action to the pod, with its answer, and records each outcome by name', async () => {
    const volume = await createVolume(h, 'alice', { availability_zone: 'az1' });
    const near = await server('near', 'az1');
    const id = volume.id;
    await act(id, { 'os-extend': { new_size: 2 } }).expect(202);
    // the simulated Cinder extends asynchronously (`extending`, then the size), as Cinder does
    await eventually(async () => expect((await h.as('alice').get(`/volume/v3/volumes/${id}`)).body.volume.size).toBe(2));
    await act(id, { 'os-set_bootable': { bootable: true } }).expect(200);
    await act(id, { 'os-update_readonly_flag': { readonly: false } }).expect(202);
    const set = await act(id, { 'os-set_image_metadata': { metadata: { os_distro: 'debian' } } }).expect(200);
    expect(set.body.metadata).toEqual({ os_distro: 'debian' });
    const shown = await act(id, { 'os-show_image_metadata': null }).expect(200);
    expect(shown.body).toEqual({ metadata: { os_distro: 'debian' } });
    await act(id, { 'os-unset_image_metadata': { key: 'os_distro' } }).expect(200);
    await act(id, { 'os-reserve': null }).expect(202);
    await act(id, { 'os-unreserve': null }).expect(202);
    const connection = await act(id, { 'os-initialize_connection': { connector: { host: 'h' } } }).expect(200);
    expect(connection.body.connection_info.data.volume_id).toBe(id);
    await act(id, { 'os-terminate_connection': { connector: { host: 'h' } } }).expect(202);
    await eventually(() => act(id, { 'os-attach': { instance_uuid: near, mountpoint: '/dev/vdb' } }).expect(202));
    await act(id, { 'os-begin_detaching': null }).expect(202);
    await act(id, { 'os-roll_detaching': null }).expect(202);
    await act(id, { 'os-detach': {} }).expect(202);
    await act(id, { 'os-reset_status': { status: 'available' } }, 'admin').expect(202);
    const upload = await act(id, { 'os-volume_upload_image': { image_name: 'from-volume' } }).expect(202);
    expect(upload.body['os-volume_upload_image']).toMatchObject({ id });
    expect((await outcomes(id)).map(({ action, outcome }) => `${action} ${outcome}`)).toEqual(
      [
        'os-extend', 'os-set_bootable', 'os-update_readonly_flag', 'os-set_image_metadata', 'os-show_image_metadata',
        'os-unset_image_metadata', 'os-reserve', 'os-unreserve', 'os-initialize_connection', 'os-terminate_connection',
        'os-attach', 'os-begin_detaching', 'os-roll_detaching', 'os-detach', 'os-reset_status', 'os-volume_upload_image',
      ].map((action) => `${action} Succeeded`), // prettier-ignore
    );
  });

  it('passes the pod’s refusals on in Cinder’s words and records them as failed', async () => {
    const volume = await createVolume(h, 'alice', { availability_zone: 'az2' });
    const smaller = await act(volume.id, { 'os-extend': { new_size: 1 } }).expect(400);
    expect(smaller.body.badRequest.message).toContain('New size for extend must be greater than current size.');
    const forbidden = await act(volume.id, { 'os-reset_status': { status: 'error' } }).expect(403);
    expect(Object.keys(forbidden.body)).toEqual(['forbidden']);
    expect(await outcomes(volume.id)).toEqual([
      { action: 'os-extend', outcome: 'Failed' },
      { action: 'os-reset_status', outcome: 'Failed' },
    ]);
  });

  it('refuses malformed bodies before the pod, recording nothing', async () => {
    const volume = await createVolume(h, 'alice', { availability_zone: 'az1' });
    expect((await act(volume.id, {}).expect(400)).body.badRequest.message).toBe('Malformed request body');
    await act(volume.id, { 'os-extend': {}, 'os-reserve': null }).expect(400);
    const unknown = await act(volume.id, { 'os extend!': {} }).expect(400);
    expect(unknown.body.badRequest.message).toContain('There is no such action: os extend!.');
    expect(await outcomes(volume.id)).toEqual([]);
  });

  it('refuses os-attach to a server in another pod, or one the caller does not have, with Cinder’s 400', async () => {
    const volume = await createVolume(h, 'alice', { availability_zone: 'az1' });
    const far = await server('far', 'az2');
    const refused = await act(volume.id, { 'os-attach': { instance_uuid: far, mountpoint: '/dev/vdb' } }).expect(400);
    expect(refused.body).toEqual({
      badRequest: { code: 400, message: `Server ${far} and volume ${volume.id} must be in the same pod.` },
    });
    const bobs = await h
      .as('bob')
      .post('/compute/v2.1/servers', serverBody('bobs', { availability_zone: 'az1' }))
      .set(...V('2.37'))
      .expect(202);
    await act(volume.id, { 'os-attach': { instance_uuid: bobs.body.server.id, mountpoint: '/dev/vdb' } }).expect(400);
    expect(h.pods[0].sim.state.cinder.volumes.get(volume.id)?.attachments).toEqual([]);
    expect(await outcomes(volume.id)).toEqual([]);
  });
});
