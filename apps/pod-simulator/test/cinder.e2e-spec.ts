// The simulated Cinder v3 over real sockets: volume state machine, actions, metadata, types,
// snapshots, backups, attachments, and attaching through Nova.
import { DELAYS, TestSimulator, activeServer, startTestSimulator } from '../src/testing/sim-client';

describe('simulated Cinder v3', () => {
  let t: TestSimulator;

  beforeAll(async () => {
    t = await startTestSimulator();
  });
  afterAll(() => t.stop());

  const volume = async (id: string) => (await t.cinder.alice.get(`/volumes/${id}`)).body.volume;
  const act = (id: string, body: unknown) => t.cinder.alice.post(`/volumes/${id}/action`, body);
  async function availableVolume(name: string, size = 1): Promise<string> {
    const created = await t.cinder.alice.post('/volumes', { volume: { size, name } });
    expect(created.status).toBe(202);
    t.advance(DELAYS.volumeMs);
    return created.body.volume.id;
  }

  it("creates: 202 creating, then available; detail has Cinder's fields", async () => {
    const created = await t.cinder.alice.post('/volumes', { volume: { size: 2, name: 'data', metadata: { tier: 'gold' } } });
    expect([created.status, created.body.volume.status]).toEqual([202, 'creating']);
    t.advance(DELAYS.volumeMs);
    const v = await volume(created.body.volume.id);
    expect(v).toMatchObject({
      status: 'available',
      size: 2,
      name: 'data',
      bootable: 'false',
      multiattach: false,
      volume_type: '__DEFAULT__',
      metadata: { tier: 'gold' },
      attachments: [],
    });
    expect(v['os-vol-tenant-attr:tenant_id']).toBe(t.projectId('tenant-a'));
    expect(v.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    expect(v['os-vol-host-attr:host']).toBeUndefined();
    expect((await t.cinder.admin.get(`/volumes/${v.id}`)).body.volume['os-vol-host-attr:host']).toMatch(/.+@.+#.+/);
  });

  it('attaches through the legacy actions: reserve -> attach (in-use) -> begin_detaching -> detach', async () => {
    const id = await availableVolume('legacy');
    expect((await act(id, { 'os-reserve': null })).status).toBe(202);
    expect((await volume(id)).status).toBe('attaching');
    expect((await act(id, { 'os-reserve': null })).body.badRequest.message).toBe(
      'Invalid volume: Volume status must be available to reserve, but the current status is attaching.',
    );
    expect(
      (await act(id, { 'os-attach': { instance_uuid: '11111111-2222-3333-4444-555555555555', mountpoint: '/dev/vdb' } })).status,
    ).toBe(202);
    const attached = await volume(id);
    expect([attached.status, attached.attachments[0].server_id, attached.attachments[0].device]).toEqual([
      'in-use',
      '11111111-2222-3333-4444-555555555555',
      '/dev/vdb',
    ]);
    const connection = await act(id, { 'os-initialize_connection': { connector: { host: 'h' } } });
    expect(connection.body.connection_info.driver_volume_type).toBe('iscsi');
    await act(id, { 'os-begin_detaching': null });
    expect((await volume(id)).status).toBe('detaching');
    await act(id, { 'os-roll_detaching': null });
    expect((await volume(id)).status).toBe('in-use');
    await act(id, { 'os-detach': { attachment_id: attached.attachments[0].attachment_id } });
    expect((await volume(id)).status).toBe('available');
    expect((await act(id, { 'os-begin_detaching': null })).status).toBe(400);
  });

  it('extends (bigger only), retypes, sets bootable/readonly and image metadata', async () => {
    const id = await availableVolume('grow');
    expect((await act(id, { 'os-extend': { new_size: 1 } })).body.badRequest.message).toBe(
      'Invalid input received: New size for extend must be greater than current size. (current: 1, extended: 1).',
    );
    await act(id, { 'os-extend': { new_size: 3 } });
    expect((await volume(id)).status).toBe('extending');
    t.advance(DELAYS.volumeMs);
    expect([(await volume(id)).status, (await volume(id)).size]).toEqual(['available', 3]);
    await act(id, { 'os-retype': { new_type: 'fake', migration_policy: 'never' } });
    t.advance(DELAYS.volumeMs);
    expect((await volume(id)).volume_type).toBe('fake');
    expect((await act(id, { 'os-set_bootable': { bootable: true } })).status).toBe(200);
    expect((await volume(id)).bootable).toBe('true');
    expect((await act(id, { 'os-update_readonly_flag': { readonly: true } })).status).toBe(202);
    expect((await act(id, { 'os-set_image_metadata': { metadata: { os_distro: 'cirros' } } })).body).toEqual({
      metadata: { os_distro: 'cirros' },
    });
    expect((await act(id, { 'os-show_image_metadata': null })).body.metadata.os_distro).toBe('cirros');
    expect((await act(id, { 'os-unset_image_metadata': { key: 'os_distro' } })).status).toBe(200);
    expect((await act(id, { 'os-reset_status': { status: 'error' } })).status).toBe(403);
    expect((await t.cinder.admin.post(`/volumes/${id}/action`, { 'os-reset_status': { status: 'error' } })).status).toBe(202);
    expect((await volume(id)).status).toBe('error');
  });

  it('updates name and description, also under the v1 keys `openstack volume set` sends', async () => {
    const id = await availableVolume('before');
    await t.cinder.alice.put(`/volumes/${id}`, { volume: { display_name: 'renamed', display_description: 'told' } });
    expect(await volume(id)).toMatchObject({ name: 'renamed', description: 'told' });
    await t.cinder.alice.put(`/volumes/${id}`, { volume: { name: 'again', description: null } });
    expect(await volume(id)).toMatchObject({ name: 'again', description: null });
    expect((await t.cinder.alice.delete(`/volumes/${id}`)).status).toBe(202); // the tenant's quota is small
    t.advance(DELAYS.volumeMs);
  });

  it('manages metadata on the collection and per key', async () => {
    const id = await availableVolume('meta');
    expect((await t.cinder.alice.post(`/volumes/${id}/metadata`, { metadata: { a: '1', b: '2' } })).body).toEqual({
      metadata: { a: '1', b: '2' },
    });
    expect((await t.cinder.alice.put(`/volumes/${id}/metadata/a`, { meta: { a: '9' } })).body).toEqual({ meta: { a: '9' } });
    expect((await t.cinder.alice.put(`/volumes/${id}/metadata/a`, { meta: { z: '9' } })).body.badRequest.message).toBe(
      'Request body and URI mismatch',
    );
    expect((await t.cinder.alice.get(`/volumes/${id}/metadata/a`)).body).toEqual({ meta: { a: '9' } });
    expect((await t.cinder.alice.delete(`/volumes/${id}/metadata/b`)).status).toBe(200);
    expect((await t.cinder.alice.get(`/volumes/${id}/metadata/b`)).body.itemNotFound.message).toBe(
      `Volume ${id} has no metadata with key b.`,
    );
    expect((await t.cinder.alice.put(`/volumes/${id}/metadata`, { metadata: { c: '3' } })).body).toEqual({
      metadata: { c: '3' },
    });
  });

  it('snapshots: creating -> available, blocks volume delete, reverts (3.40+)', async () => {
    const id = await availableVolume('snapped');
    const snap = await t.cinder.alice.post('/snapshots', { snapshot: { volume_id: id, name: 's1' } });
    expect([snap.status, snap.body.snapshot.status]).toEqual([202, 'creating']);
    t.advance(DELAYS.volumeMs);
    const shown = (await t.cinder.alice.get(`/snapshots/${snap.body.snapshot.id}`)).body.snapshot;
    expect(shown).toMatchObject({
      status: 'available',
      size: 1,
      volume_id: id,
      'os-extended-snapshot-attributes:progress': '100%',
    });
    const refused = await t.cinder.alice.delete(`/volumes/${id}`);
    expect(refused.body.badRequest.message).toContain('have snapshots');
    expect((await act(id, { revert: { snapshot_id: shown.id } })).status).toBe(202);
    expect((await volume(id)).status).toBe('reverting');
    t.advance(DELAYS.volumeMs);
    expect((await volume(id)).status).toBe('available');
    await t.cinder.alice.delete(`/snapshots/${shown.id}`);
    t.advance(DELAYS.volumeMs);
    expect((await t.cinder.alice.get(`/snapshots/${shown.id}`)).status).toBe(404);
  });

  it('backs up (volume backing-up meanwhile) and restores into a new volume', async () => {
    const id = await availableVolume('precious', 2);
    const backup = await t.cinder.alice.post('/backups', { backup: { volume_id: id, name: 'b1' } });
    expect(backup.status).toBe(202);
    expect((await volume(id)).status).toBe('backing-up');
    t.advance(DELAYS.volumeMs);
    const detail = (await t.cinder.alice.get(`/backups/${backup.body.backup.id}`)).body.backup;
    expect(detail).toMatchObject({ status: 'available', size: 2, volume_id: id, is_incremental: false });
    const restore = await t.cinder.alice.post(`/backups/${detail.id}/restore`, { restore: { name: 'restored' } });
    expect(restore.status).toBe(202);
    expect((await volume(restore.body.restore.volume_id)).status).toBe('restoring-backup');
    t.advance(DELAYS.volumeMs);
    expect(await volume(restore.body.restore.volume_id)).toMatchObject({ status: 'available', size: 2, name: 'restored' });
  });

  it('attachments API (3.27+): reserved -> attaching (connector) -> in-use (os-complete) -> deleted', async () => {
    const id = await availableVolume('modern');
    const created = await t.cinder.alice.post('/attachments', {
      attachment: { volume_uuid: id, instance_uuid: '99999999-2222-3333-4444-555555555555' },
    });
    expect(created.body.attachment.status).toBe('reserved');
    expect((await volume(id)).status).toBe('reserved');
    const updated = await t.cinder.alice.put(`/attachments/${created.body.attachment.id}`, {
      attachment: { connector: { host: 'pod1-compute1', mountpoint: '/dev/vdc' } },
    });
    expect(updated.body.attachment.connection_info.driver_volume_type).toBe('iscsi');
    expect((await t.cinder.alice.post(`/attachments/${created.body.attachment.id}/action`, { 'os-complete': null })).status).toBe(
      204,
    );
    expect((await volume(id)).status).toBe('in-use');
    expect((await t.cinder.alice.delete(`/attachments/${created.body.attachment.id}`)).body).toEqual({ attachments: [] });
    expect((await volume(id)).status).toBe('available');
    const old = t.cinder.alice.with({ headers: { 'openstack-api-version': 'volume 3.26' } });
    expect((await old.get('/attachments')).status).toBe(404);
  });

  it('attaches through Nova: volume in-use with the server, detach back to available, delete refused while attached', async () => {
    const serverId = await activeServer(t, t.nova.alice, 'with-disk');
    const id = await availableVolume('disk');
    const attach = await t.nova.alice.post(`/servers/${serverId}/os-volume_attachments`, { volumeAttachment: { volumeId: id } });
    expect(attach.status).toBe(200);
    expect(attach.body.volumeAttachment).toMatchObject({
      device: '/dev/vdb',
      serverId,
      volumeId: id,
      delete_on_termination: false,
    });
    t.advance(DELAYS.volumeMs);
    const v = await volume(id);
    expect([v.status, v.attachments[0].server_id]).toEqual(['in-use', serverId]);
    expect((await t.nova.alice.get(`/servers/${serverId}`)).body.server['os-extended-volumes:volumes_attached']).toEqual([
      { id, delete_on_termination: false },
    ]);
    expect((await t.cinder.alice.delete(`/volumes/${id}`)).status).toBe(400);
    expect((await t.nova.alice.delete(`/servers/${serverId}/os-volume_attachments/${id}`)).status).toBe(202);
    expect((await volume(id)).status).toBe('detaching');
    t.advance(DELAYS.volumeMs);
    expect((await volume(id)).status).toBe('available');
    expect((await t.cinder.alice.delete(`/volumes/${id}`)).status).toBe(202);
  });

  it('manages volume types, extra specs and private access (admin only)', async () => {
    expect((await t.cinder.alice.post('/types', { volume_type: { name: 'nope' } })).status).toBe(403);
    const created = await t.cinder.admin.post('/types', {
      volume_type: { name: 'gold', 'os-volume-type-access:is_public': false },
    });
    const typeId = created.body.volume_type.id;
    expect(created.body.volume_type).toMatchObject({ name: 'gold', is_public: false, 'os-volume-type-access:is_public': false });
    expect((await t.cinder.alice.get(`/types/${typeId}`)).status).toBe(404);
    await t.cinder.admin.post(`/types/${typeId}/action`, { addProjectAccess: { project: t.projectId('tenant-a') } });
    expect((await t.cinder.alice.get(`/types/${typeId}`)).body.volume_type.name).toBe('gold');
    expect((await t.cinder.admin.get(`/types/${typeId}/os-volume-type-access`)).body.volume_type_access).toEqual([
      { volume_type_id: typeId, project_id: t.projectId('tenant-a') },
    ]);
    await t.cinder.admin.post(`/types/${typeId}/extra_specs`, { extra_specs: { volume_backend_name: 'fast' } });
    expect((await t.cinder.admin.get(`/types/${typeId}/extra_specs/volume_backend_name`)).body).toEqual({
      volume_backend_name: 'fast',
    });
    expect((await t.cinder.admin.delete(`/types/${typeId}/extra_specs/volume_backend_name`)).status).toBe(202);
    expect((await t.cinder.admin.get('/types/default')).body.volume_type.name).toBe('__DEFAULT__');
  });

  it('lists with volumes_links paging and with_count (3.45+)', async () => {
    const page = await t.cinder.alice.get('/volumes/detail?limit=2&with_count=true');
    expect(page.body.volumes).toHaveLength(2);
    expect(page.body.count).toBeGreaterThan(2);
    expect(new URL(page.body.volumes_links[0].href).searchParams.get('marker')).toBe(page.body.volumes[1].id);
    const sorted = await t.cinder.alice.get('/volumes?sort=name:asc');
    const names = sorted.body.volumes.map((v: { name: string }) => v.name);
    expect(names).toEqual([...names].sort());
  });

  it('filters volumes by metadata, and snapshots from 3.22 (Cinder drops the filter below), as a Python dict or JSON', async () => {
    const id = await availableVolume('tagged');
    await t.cinder.alice.post(`/volumes/${id}/metadata`, { metadata: { 'podgate:provisioning_id': 'p-1' } });
    const snap = (await t.cinder.alice.post('/snapshots', { snapshot: { volume_id: id, metadata: { tier: 'gold' } } })).body
      .snapshot;
    await t.cinder.alice.post('/snapshots', { snapshot: { volume_id: id, name: 'untagged' } });
    const volumes = await t.cinder.alice.get(
      `/volumes/detail?metadata=${encodeURIComponent("{'podgate:provisioning_id': 'p-1'}")}`,
    );
    expect(volumes.body.volumes.map((v: { id: string }) => v.id)).toEqual([id]);
    const v322 = t.cinder.alice.with({ headers: { 'openstack-api-version': 'volume 3.22' } });
    const gold = `/snapshots/detail?metadata=${encodeURIComponent('{"tier": "gold"}')}`;
    expect((await v322.get(gold)).body.snapshots.map((s: { id: string }) => s.id)).toEqual([snap.id]);
    expect((await v322.get(`/snapshots/detail?metadata=${encodeURIComponent('{"tier": "silver"}')}`)).body.snapshots).toEqual([]);
    const v321 = t.cinder.alice.with({ headers: { 'openstack-api-version': 'volume 3.21' } });
    expect((await v321.get(gold)).body.snapshots.length).toBeGreaterThan(1); // below 3.22: every snapshot of the project
  });

  it('lets only admins reset or force-delete a snapshot or backup, with the statuses Cinder allows', async () => {
    const id = await availableVolume('admin-actions');
    const snap = (await t.cinder.alice.post('/snapshots', { snapshot: { volume_id: id, name: 's' } })).body.snapshot;
    const backup = (await t.cinder.alice.post('/backups', { backup: { volume_id: id, name: 'b' } })).body.backup;
    t.advance(DELAYS.volumeMs);

    const refused = await t.cinder.alice.post(`/snapshots/${snap.id}/action`, { 'os-reset_status': { status: 'error' } });
    expect(refused.body.forbidden.message).toBe(
      "Policy doesn't allow volume_extension:snapshot_admin_actions:reset_status to be performed.",
    );
    expect(
      (await t.cinder.admin.post(`/snapshots/${snap.id}/action`, { 'os-reset_status': { status: 'error_deleting' } })).status,
    ).toBe(202);
    expect((await t.cinder.admin.get(`/snapshots/${snap.id}`)).body.snapshot.status).toBe('error_deleting');

    const badStatus = await t.cinder.admin.post(`/backups/${backup.id}/action`, { 'os-reset_status': { status: 'creating' } });
    expect(badStatus.body.badRequest.message).toBe('Invalid input received: Must specify a valid status');
    expect((await t.cinder.admin.post(`/backups/${backup.id}/action`, { 'os-force_delete': null })).status).toBe(202);
    t.advance(DELAYS.volumeMs);
    expect((await t.cinder.admin.get(`/backups/${backup.id}`)).status).toBe(404);
  });
});
