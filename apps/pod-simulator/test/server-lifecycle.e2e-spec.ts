// Servers of the simulated Nova over real sockets: build, actions, state checks, delete.
import { DELAYS, TestSimulator, activeServer, bootBody, startTestSimulator } from '../src/testing/sim-client';

describe('simulated Nova server lifecycle', () => {
  let t: TestSimulator;

  beforeAll(async () => {
    t = await startTestSimulator();
  });
  afterAll(() => t.stop());

  const show = async (id: string) => (await t.nova.alice.get(`/servers/${id}`)).body.server;
  const act = (id: string, body: unknown) => t.nova.alice.post(`/servers/${id}/action`, body);

  it('builds: 202 with Location and adminPass, BUILD until the delay, then ACTIVE on a host', async () => {
    const created = await t.nova.alice.post('/servers', bootBody('web-1'));
    expect(created.status).toBe(202);
    const id = created.body.server.id;
    expect(created.headers.get('location')).toBe(`${t.pod.computeUrl}/servers/${id}`);
    expect(Object.keys(created.body.server).sort()).toEqual(['OS-DCF:diskConfig', 'adminPass', 'id', 'links', 'security_groups']);
    let server = await show(id);
    expect([server.status, server['OS-EXT-STS:vm_state'], server['OS-EXT-STS:task_state']]).toEqual([
      'BUILD',
      'building',
      'scheduling',
    ]);
    t.advance(DELAYS.buildMs - 1);
    expect((await show(id)).status).toBe('BUILD');
    t.advance(1);
    server = await show(id);
    expect([server.status, server['OS-EXT-STS:power_state'], server['OS-EXT-STS:task_state']]).toEqual(['ACTIVE', 1, null]);
    expect(server['OS-SRV-USG:launched_at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    expect(server.hostId).toMatch(/^[0-9a-f]{56}$/);
    expect(server.flavor).toEqual({
      vcpus: 1,
      ram: 512,
      disk: 1,
      ephemeral: 0,
      swap: 0,
      original_name: 'm1.tiny',
      extra_specs: {},
    });
    expect(server['OS-EXT-SRV-ATTR:host']).toBeUndefined();
    const asAdmin = (await t.nova.admin.get(`/servers/${id}`)).body.server;
    expect(asAdmin['OS-EXT-SRV-ATTR:host']).toMatch(/^pod1-compute\d$/);
  });

  it('walks stop/start/pause/unpause/suspend/resume through their task states', async () => {
    const id = await activeServer(t, t.nova.alice, 'power');
    const steps: Array<[unknown, string, string]> = [
      [{ 'os-stop': null }, 'powering-off', 'SHUTOFF'],
      [{ 'os-start': null }, 'powering-on', 'ACTIVE'],
      [{ pause: null }, 'pausing', 'PAUSED'],
      [{ unpause: null }, 'unpausing', 'ACTIVE'],
      [{ suspend: null }, 'suspending', 'SUSPENDED'],
      [{ resume: null }, 'resuming', 'ACTIVE'],
      [{ reboot: { type: 'HARD' } }, 'rebooting_hard', 'ACTIVE'],
    ];
    for (const [body, task, end] of steps) {
      expect((await act(id, body)).status).toBe(202);
      expect((await show(id))['OS-EXT-STS:task_state']).toBe(task);
      t.advance(DELAYS.actionMs);
      expect((await show(id)).status).toBe(end);
    }
  });

  it('answers 409 conflictingRequest for actions the state does not allow', async () => {
    const id = await activeServer(t, t.nova.alice, 'conflicts');
    await act(id, { 'os-stop': null });
    const busy = await act(id, { pause: null });
    expect(busy.status).toBe(409);
    expect(busy.body).toEqual({
      conflictingRequest: { code: 409, message: `Cannot 'pause' instance ${id} while it is in task_state powering-off` },
    });
    t.advance(DELAYS.actionMs);
    const stopped = await act(id, { pause: null });
    expect(stopped.body.conflictingRequest.message).toBe(`Cannot 'pause' instance ${id} while it is in vm_state stopped`);
    expect((await act(id, { reboot: { type: 'SOFT' } })).status).toBe(409);
    expect((await act(id, { confirmResize: null })).status).toBe(409);
    expect((await act(id, { frobnicate: null })).body).toEqual({
      badRequest: { code: 400, message: 'There is no such action: frobnicate' },
    });
    expect((await act(id, { reboot: { type: 'GENTLE' } })).status).toBe(400);
  });

  it('resizes to VERIFY_RESIZE, reverts to the old flavor, then confirms a second resize', async () => {
    const id = await activeServer(t, t.nova.alice, 'resizer');
    expect((await act(id, { resize: { flavorRef: '1' } })).body.badRequest.message).toBe(
      'When resizing, instances must change flavor!',
    );
    expect((await act(id, { resize: { flavorRef: '2' } })).status).toBe(202);
    expect((await show(id)).status).toBe('RESIZE');
    t.advance(DELAYS.actionMs);
    expect((await show(id)).status).toBe('VERIFY_RESIZE');
    expect((await show(id)).flavor.original_name).toBe('m1.small');
    await act(id, { revertResize: null });
    expect((await show(id)).status).toBe('REVERT_RESIZE');
    t.advance(DELAYS.actionMs);
    expect([(await show(id)).status, (await show(id)).flavor.original_name]).toEqual(['ACTIVE', 'm1.tiny']);
    await act(id, { resize: { flavorRef: '3' } });
    t.advance(DELAYS.actionMs);
    expect((await act(id, { confirmResize: null })).status).toBe(204);
    expect([(await show(id)).status, (await show(id)).flavor.original_name]).toEqual(['ACTIVE', 'm1.medium']);
  });

  it('shelves (offloading at once, like shelved_offload_time = 0) and unshelves onto a host', async () => {
    const id = await activeServer(t, t.nova.alice, 'shelver');
    await act(id, { shelve: null });
    t.advance(DELAYS.actionMs);
    expect((await show(id)).status).toBe('SHELVED');
    t.advance(DELAYS.actionMs);
    const offloaded = (await t.nova.admin.get(`/servers/${id}`)).body.server;
    expect([offloaded.status, offloaded['OS-EXT-SRV-ATTR:host']]).toEqual(['SHELVED_OFFLOADED', null]);
    expect((await act(id, { shelveOffload: null })).status).toBe(409);
    await act(id, { unshelve: null });
    t.advance(DELAYS.actionMs);
    const back = (await t.nova.admin.get(`/servers/${id}`)).body.server;
    expect([back.status, typeof back['OS-EXT-SRV-ATTR:host']]).toEqual(['ACTIVE', 'string']);
  });

  it('rebuilds (full view + adminPass), snapshots (image_id at 2.45+), rescues and changes passwords', async () => {
    const id = await activeServer(t, t.nova.alice, 'rebuilder');
    const rebuilt = await act(id, {
      rebuild: { imageRef: t.sim.pods[0]?.state.images.images.keys().next().value, name: 'renamed' },
    });
    expect(rebuilt.status).toBe(202);
    expect([rebuilt.body.server.status, rebuilt.body.server.name, typeof rebuilt.body.server.adminPass]).toEqual([
      'REBUILD',
      'renamed',
      'string',
    ]);
    t.advance(DELAYS.actionMs);
    const snapshot = await act(id, { createImage: { name: 'snap-1' } });
    expect(snapshot.status).toBe(202);
    const imageId = snapshot.body.image_id;
    const glance = t.nova.alice.with({ baseUrl: `${t.pod.url}/image/v2` });
    expect((await glance.get(`/images/${imageId}`)).body.status).toBe('queued');
    t.advance(DELAYS.actionMs);
    expect((await glance.get(`/images/${imageId}`)).body.status).toBe('active');
    const old = await t.nova.alice
      .with({ headers: { 'openstack-api-version': 'compute 2.44' } })
      .post(`/servers/${id}/action`, { createImage: { name: 'snap-2' } });
    expect([old.status, old.text, old.headers.get('location')?.includes('/image/v2/images/')]).toEqual([202, '', true]);
    t.advance(DELAYS.actionMs);
    const rescue = await act(id, { rescue: { adminPass: 'let-me-in' } });
    expect([rescue.status, rescue.body]).toEqual([200, { adminPass: 'let-me-in' }]);
    t.advance(DELAYS.actionMs);
    expect((await show(id)).status).toBe('RESCUE');
    await act(id, { unrescue: null });
    t.advance(DELAYS.actionMs);
    expect((await act(id, { changePassword: { adminPass: 'x' } })).status).toBe(202);
    expect((await show(id)).status).toBe('PASSWORD');
  });

  it('locks: the owner gets 409 on actions and delete, an admin may still act; admin locks need admin unlocks', async () => {
    const id = await activeServer(t, t.nova.alice, 'locked');
    await act(id, { lock: { locked_reason: 'maintenance' } });
    const server = await show(id);
    expect([server.locked, server.locked_reason]).toEqual([true, 'maintenance']);
    expect((await act(id, { 'os-stop': null })).body.conflictingRequest.message).toBe(`Instance ${id} is locked`);
    expect((await t.nova.alice.delete(`/servers/${id}`)).status).toBe(409);
    expect((await t.nova.admin.post(`/servers/${id}/action`, { 'os-stop': null })).status).toBe(202);
    await act(id, { unlock: null });
    await t.nova.admin.post(`/servers/${id}/action`, { lock: null });
    expect((await act(id, { unlock: null })).status).toBe(403);
  });

  it('lets only admins migrate, evacuate and reset state', async () => {
    const id = await activeServer(t, t.nova.alice, 'admin-acts');
    expect((await act(id, { migrate: null })).body.forbidden.message).toBe(
      "Policy doesn't allow os_compute_api:os-migrate-server:migrate to be performed.",
    );
    const before = (await t.nova.admin.get(`/servers/${id}`)).body.server['OS-EXT-SRV-ATTR:host'];
    expect((await t.nova.admin.post(`/servers/${id}/action`, { migrate: null })).status).toBe(202);
    t.advance(DELAYS.actionMs);
    const migrated = (await t.nova.admin.get(`/servers/${id}`)).body.server;
    expect(migrated.status).toBe('VERIFY_RESIZE');
    expect(migrated['OS-EXT-SRV-ATTR:host']).not.toBe(before);
    await t.nova.admin.post(`/servers/${id}/action`, { confirmResize: null });
    const evacuate = await t.nova.admin.post(`/servers/${id}/action`, { evacuate: {} });
    expect(evacuate.body.badRequest.message).toBe(`Compute service of ${migrated['OS-EXT-SRV-ATTR:host']} is still in use.`);
    expect((await t.nova.admin.post(`/servers/${id}/action`, { 'os-resetState': { state: 'error' } })).status).toBe(202);
    expect((await show(id)).status).toBe('ERROR');
  });

  it('deletes: 204, task_state deleting, then 404 itemNotFound', async () => {
    const id = await activeServer(t, t.nova.alice, 'doomed');
    expect((await t.nova.alice.delete(`/servers/${id}`)).status).toBe(204);
    expect((await show(id))['OS-EXT-STS:task_state']).toBe('deleting');
    t.advance(DELAYS.actionMs);
    const gone = await t.nova.alice.get(`/servers/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ itemNotFound: { code: 404, message: `Instance ${id} could not be found.` } });
    expect(gone.headers.get('x-compute-request-id')).toBe(gone.headers.get('x-openstack-request-id'));
  });

  it('records os-instance-actions with request ids and finished events', async () => {
    const id = await activeServer(t, t.nova.alice, 'audited');
    const stop = await act(id, { 'os-stop': null });
    t.advance(DELAYS.actionMs);
    const actions = (await t.nova.alice.get(`/servers/${id}/os-instance-actions`)).body.instanceActions;
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['stop', 'create']);
    expect(actions[0].request_id).toBe(stop.headers.get('x-openstack-request-id'));
    const detail = (await t.nova.alice.get(`/servers/${id}/os-instance-actions/${actions[0].request_id}`)).body.instanceAction;
    expect(detail.events[0]).toMatchObject({ event: 'compute_stop', result: 'Success' });
  });

  it('validates create like Nova: flavor, image, networks at 2.37, availability zone', async () => {
    const create = (extra: Record<string, unknown>) => t.nova.alice.post('/servers', bootBody('bad', extra));
    expect((await create({ flavorRef: '999' })).body.badRequest.message).toBe('Invalid flavorRef provided.');
    expect((await create({ imageRef: 'no-such-image' })).body.badRequest.message).toBe('Can not find requested image');
    expect((await create({ availability_zone: 'az9' })).body.badRequest.message).toBe(
      'The requested availability zone is not available',
    );
    const noNetworks = await t.nova.alice.post('/servers', {
      server: { name: 'x', flavorRef: '1', imageRef: bootBody('x').server.imageRef },
    });
    expect(noNetworks.body.badRequest.message).toContain("'networks' is a required property");
    const old = await t.nova.alice
      .with({ headers: { 'openstack-api-version': 'compute 2.1' } })
      .post('/servers', { server: { name: 'old', flavorRef: '1', imageRef: bootBody('x').server.imageRef } });
    expect(old.status).toBe(202);
  });
});
