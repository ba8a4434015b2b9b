// Backups over simulated pods (real sockets): made in the volume's pod and recorded; merged lists,
// show, update (3.9+), delete, export_record forwarded, import_record refused, actions; 404s, 401s.
import type { Response } from 'supertest';
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { eventually, VV } from '../volumes/testing/volumes-e2e';
import { createBackup, routedPods, streamEvents, volumeIn } from '../snapshots/testing/snapshots-e2e';

type Backup = Record<string, unknown> & { id: string; name: string };

describe('backups over pods (real sockets)', () => {
  let h: ComputeHarness;
  const backupsIn = (pod: number) => h.pods[pod].sim.state.cinder.backups;

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1' }, { az: 'az2', podAz: 'nova' }] });
  }, 120_000);
  afterAll(() => h?.close());

  it('makes a backup in its volume’s pod, routes and records it, and shows it in podgate’s AZ', async () => {
    const volumeId = await volumeIn(h, 'alice', 'az2');
    const backup = await createBackup(h, 'alice', volumeId, { name: 'b' });
    expect(backupsIn(1).has(backup.id)).toBe(true);
    expect(backup.links).toEqual(expect.arrayContaining([{ rel: 'self', href: `${h.url}/volume/v3/backups/${backup.id}` }]));
    const shown = await h.as('alice').get(`/volume/v3/backups/${backup.id}`).expect(200);
    expect(shown.body.backup).toMatchObject({ id: backup.id, volume_id: volumeId, availability_zone: 'az2' });
    await eventually(async () => expect(await routedPods(h, 'backup', backup.id)).toEqual([1]));
    const project = h.projectIdOf('tenant-a');
    const projectForm = await h.as('alice').get(`/volume/v3/${project}/backups/${backup.id}`).expect(200);
    expect(projectForm.body.backup.links).toEqual(
      expect.arrayContaining([{ rel: 'self', href: `${h.url}/volume/v3/${project}/backups/${backup.id}` }]),
    );
    const [created] = (await h.store.readStream(`backup-${backup.id}`)).filter((e) => e.type === 'BackupCreated');
    const { provisioningId } = created.data as { provisioningId: string };
    const intent = await h.store.readStream(`backupProvisioning-${provisioningId}`);
    expect(intent[0]).toMatchObject({ type: 'BackupProvisioningRequested', data: { parent: { kind: 'volume', id: volumeId } } });
  });

  it('refuses another tenant’s volume and a malformed body, forwarding nothing', async () => {
    const volumeId = await volumeIn(h, 'bob', 'az1');
    const before = [backupsIn(0).size, backupsIn(1).size];
    const hidden = await h
      .as('alice')
      .post('/volume/v3/backups', { backup: { volume_id: volumeId } })
      .expect(404);
    expect(hidden.body.itemNotFound.message).toBe(`Volume ${volumeId} could not be found.`);
    const bad = await h
      .as('alice')
      .post('/volume/v3/backups', { backup: { volume_id: 'nope' } })
      .expect(400);
    expect(bad.body.badRequest.message).toContain("'nope' is not a 'uuid'");
    expect([backupsIn(0).size, backupsIn(1).size]).toEqual(before);
  });

  it('merges the lists of both pods, pages them, and hides other tenants’', async () => {
    for (const az of ['az1', 'az2']) await createBackup(h, 'alice', await volumeIn(h, 'alice', az), { name: `l-${az}` });
    const mine = h.pods.flatMap((pod) =>
      [...pod.sim.state.cinder.backups.values()].filter((b) => b.projectId === h.projectIdOf('tenant-a')).map((b) => b.id),
    );
    const detail = await h.as('alice').get('/volume/v3/backups/detail').expect(200);
    expect(detail.body.backups.map((b: Backup) => b.id).sort()).toEqual([...mine].sort());
    expect(new Set(detail.body.backups.map((b: Backup) => b.availability_zone))).toEqual(new Set(['az1', 'az2']));
    const summary = await h.as('alice').get('/volume/v3/backups').expect(200);
    expect(Object.keys(summary.body.backups[0]).sort()).toEqual(['id', 'links', 'name']);
    const seen: string[] = [];
    let next: string | undefined = '/volume/v3/backups/detail?limit=1';
    while (next !== undefined) {
      const page: Response = await h.as('alice').get(next).expect(200);
      seen.push(...page.body.backups.map((b: Backup) => b.id));
      const href: string | undefined = page.body.backups_links?.[0]?.href;
      next = href === undefined ? undefined : href.slice(h.url.length);
    }
    expect(seen.sort()).toEqual([...mine].sort());
    expect((await h.as('bob').get('/volume/v3/backups').expect(200)).body.backups).toEqual([]);
    await h.as('alice').get('/volume/v3/backups?all_tenants=maybe').expect(400);
  });

  it('updates at 3.9 and later only (before: Cinder’s 404), recorded', async () => {
    const backup = await createBackup(h, 'alice', await volumeIn(h, 'alice', 'az1'));
    const path = `/volume/v3/backups/${backup.id}`;
    const old = await h
      .as('alice')
      .put(path, { backup: { name: 'x' } })
      .set(...VV('3.8'))
      .expect(404);
    expect(old.body).toEqual({ itemNotFound: { code: 404, message: 'The resource could not be found.' } });
    expect(backupsIn(0).get(backup.id)?.name).not.toBe('x');
    const updated = await h
      .as('alice')
      .put(path, { backup: { name: 'renamed' } })
      .set(...VV('3.9'))
      .expect(200);
    expect(updated.body.backup).toMatchObject({ id: backup.id, name: 'renamed' });
    expect(backupsIn(0).get(backup.id)?.name).toBe('renamed');
    const hidden = await h
      .as('bob')
      .put(path, { backup: { name: 'bobs' } })
      .set(...VV('3.9'))
      .expect(404);
    expect(hidden.body).toEqual({ itemNotFound: { code: 404, message: `Backup ${backup.id} could not be found.` } });
    expect(backupsIn(0).get(backup.id)?.name).toBe('renamed');
    expect((await streamEvents(h, `backup-${backup.id}`)).actions).toEqual(['PUT backup']);
  });

  it('deletes, recorded, BackupDeleted in the end; another tenant’s is not found', async () => {
    const backup = await createBackup(h, 'alice', await volumeIn(h, 'alice', 'az2'));
    await h.as('bob').get(`/volume/v3/backups/${backup.id}`).expect(404);
    await h.as('bob').delete(`/volume/v3/backups/${backup.id}`).expect(404);
    await h.as('alice').delete(`/volume/v3/backups/${backup.id}`).expect(202);
    await eventually(async () => {
      expect((await streamEvents(h, `backup-${backup.id}`)).types).toEqual(
        expect.arrayContaining(['BackupDeleteRequested', 'BackupDeleted']),
      );
    });
    const gone = await h.as('alice').get(`/volume/v3/backups/${backup.id}`).expect(404);
    expect(gone.body.itemNotFound.message).toBe(`Backup ${backup.id} could not be found.`);
  });

  it('forwards export_record to the backup’s pod, and refuses import_record clearly', async () => {
    const backup = await createBackup(h, 'alice', await volumeIn(h, 'alice', 'az2'));
    const path = `/volume/v3/backups/${backup.id}/export_record`;
    await h.as('alice').get(path).expect(403);
    const hidden = await h.as('bob').get(path).expect(404);
    expect(hidden.body).toEqual({ itemNotFound: { code: 404, message: `Backup ${backup.id} could not be found.` } });
    const record = await h.as('admin').get(path).expect(200);
    expect(record.body['backup-record']).toMatchObject({ backup_service: expect.any(String), backup_url: expect.any(String) });
    const before = [backupsIn(0).size, backupsIn(1).size];
    const refused = await h
      .as('admin')
      .post('/volume/v3/backups/import_record', { 'backup-record': record.body['backup-record'] })
      .expect(400);
    expect(refused.body.badRequest.message).toContain('podgate cannot import backup records');
    expect([backupsIn(0).size, backupsIn(1).size]).toEqual(before);
  });

  it('forwards and records actions; the pod judges who may; another tenant’s is not found', async () => {
    const backup = await createBackup(h, 'alice', await volumeIn(h, 'alice', 'az2'));
    const path = `/volume/v3/backups/${backup.id}/action`;
    const body = { 'os-reset_status': { status: 'error' } };
    const refused = await h.as('alice').post(path, body).expect(403);
    expect(refused.body).toEqual({
      forbidden: {
        code: 403,
        message: "Policy doesn't allow volume_extension:backup_admin_actions:reset_status to be performed.",
      },
    });
    expect(backupsIn(1).get(backup.id)?.status).toBe('available');
    const hidden = await h.as('bob').post(path, body).expect(404);
    expect(hidden.body).toEqual({ itemNotFound: { code: 404, message: `Backup ${backup.id} could not be found.` } });
    for (const bad of [{}, undefined, { 'os-reset_status': {}, 'os-force_delete': {} }])
      expect((await h.as('admin').post(path, bad).expect(400)).body.badRequest.message).toBe('Malformed request body');
    expect(backupsIn(1).get(backup.id)?.status).toBe('available');
    expect((await h.as('admin').post(path, body).expect(202)).text).toBe('');
    expect(backupsIn(1).get(backup.id)?.status).toBe('error');
    const events = (await h.store.readStream(`backup-${backup.id}`)).slice(2);
    const recorded = events.map(({ type, data }) => [
      type,
      (data as { action?: string }).action ?? (data as { status: number }).status,
    ]);
    expect(recorded).toEqual([
      ['BackupActionRequested', 'os-reset_status'],
      ['BackupActionFailed', 403],
      ['BackupActionRequested', 'os-reset_status'],
      ['BackupActionSucceeded', 202],
    ]);
  });

  it('needs a token (401) for the backup routes', async () => {
    const backup = await createBackup(h, 'alice', await volumeIn(h, 'alice', 'az1'));
    await h.as().get('/volume/v3/backups').expect(401);
    await h.as().get(`/volume/v3/backups/${backup.id}`).expect(401);
    await h
      .as()
      .post(`/volume/v3/backups/${backup.id}/action`, { 'os-reset_status': { status: 'error' } })
      .expect(401);
    await h.withToken('not-a-token').delete(`/volume/v3/backups/${backup.id}`).expect(401);
    // nothing reached the pod: no reset, no delete
    expect(backupsIn(0).get(backup.id)?.status).toMatch(/^(creating|available)$/);
    expect((await streamEvents(h, `backup-${backup.id}`)).types).toEqual(['BackupCreated', 'ResourceRouted']);
  });

  it('answers a down pod’s backup with a 503 body, and lists the other pod’s', async () => {
    const backup = await createBackup(h, 'alice', await volumeIn(h, 'alice', 'az2'));
    await h.pods[1].sim.down();
    try {
      const down = await h.as('alice').get(`/volume/v3/backups/${backup.id}`).expect(503);
      expect(Object.keys(down.body)).toHaveLength(1);
      const listed = await h.as('alice').get('/volume/v3/backups/detail').expect(200);
      expect(listed.body.backups.length).toBeGreaterThan(0);
      expect(listed.body.backups.every((b: Backup) => b.availability_zone === 'az1')).toBe(true);
    } finally {
      await h.pods[1].sim.up();
    }
  });
});
