// POST /backups/{id}/restore over simulated pods (real sockets): a new volume in the backup's pod,
// routed there; into an existing volume only when it is in that pod.
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { eventually, podOfVolume } from '../volumes/testing/volumes-e2e';
import { createBackup, routedPods, streamEvents, volumeIn } from '../snapshots/testing/snapshots-e2e';

describe('backup restores over pods (real sockets)', () => {
  let h: ComputeHarness;
  let backupId: string;
  const volumesIn = (pod: number) => h.pods[pod].sim.state.cinder.volumes;
  const restore = (body?: object, user: 'alice' | 'bob' = 'alice') =>
    h.as(user).post(`/volume/v3/backups/${backupId}/restore`, body);

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1' }, { az: 'az2', podAz: 'nova' }] });
    backupId = (await createBackup(h, 'alice', await volumeIn(h, 'alice', 'az2'))).id;
  }, 120_000);
  afterAll(() => h?.close());

  it('restores into a new volume in the backup’s pod, routed and recorded as a volume, shown through podgate', async () => {
    const answer = await restore({ restore: { name: 'restored' } }).expect(202);
    const volumeId: string = answer.body.restore.volume_id;
    expect(answer.body.restore).toMatchObject({ backup_id: backupId, volume_name: 'restored' });
    expect(podOfVolume(h, volumeId)).toBe(1);
    const shown = await h.as('alice').get(`/volume/v3/volumes/${volumeId}`).expect(200);
    expect(shown.body.volume).toMatchObject({ id: volumeId, name: 'restored', availability_zone: 'az2' });
    await eventually(async () => expect(await routedPods(h, 'volume', volumeId)).toEqual([1]));
    const { types } = await streamEvents(h, `volume-${volumeId}`);
    expect(types).toContain('VolumeCreated');
    await h.as('bob').get(`/volume/v3/volumes/${volumeId}`).expect(404);
  });

  it('restores with an empty restore too: a new volume', async () => {
    const before = volumesIn(1).size;
    // The simulator settles its delayed changes (the backup's last restore) on each request.
    const answer = await restore({ restore: {} }).expect(202);
    expect(volumesIn(1).size).toBe(before + 1);
    await h.as('alice').get(`/volume/v3/volumes/${answer.body.restore.volume_id}`).expect(200);
  });

  it('refuses what Cinder’s restore schema refuses, in its words, and forwards nothing', async () => {
    const before = volumesIn(1).size;
    const none = await restore().expect(400);
    expect(none.body).toEqual({ badRequest: { code: 400, message: "'restore' is a required property" } });
    const notUuid = await restore({ restore: { volume_id: 'nope' } }).expect(400);
    // uuid_allow_null is a oneOf: jsonschema's first error names none of its branches.
    expect(notUuid.body.badRequest.message).toBe(
      "Invalid input for field/attribute volume_id. Value: nope. 'nope' is not valid under any of the given schemas",
    );
    expect(volumesIn(1).size).toBe(before);
    const nullId = await restore({ restore: { volume_id: null } }).expect(202);
    expect(podOfVolume(h, nullId.body.restore.volume_id)).toBe(1);
  });

  it('refuses a volume of another pod with a 400 and forwards nothing', async () => {
    const far = await volumeIn(h, 'alice', 'az1');
    const refused = await restore({ restore: { volume_id: far } }).expect(400);
    expect(refused.body.badRequest.message).toBe(
      `Invalid volume: Volume ${far} is not in the pod of backup ${backupId}; a backup restores only into a volume of its own pod.`,
    );
    expect(volumesIn(0).get(far)?.status).not.toBe('restoring-backup');
    expect((await streamEvents(h, `backup-${backupId}`)).actions).not.toContain('restore');
  });

  it('restores into a volume of the same pod, recorded on the backup', async () => {
    const near = await volumeIn(h, 'alice', 'az2');
    const before = volumesIn(1).size;
    const answer = await restore({ restore: { volume_id: near } }).expect(202);
    expect(answer.body.restore).toMatchObject({ backup_id: backupId, volume_id: near });
    expect(volumesIn(1).size).toBe(before);
    expect((await streamEvents(h, `backup-${backupId}`)).actions).toContain('restore');
  });

  it('hides another tenant’s backup and target volume', async () => {
    const hidden = await restore({ restore: {} }, 'bob').expect(404);
    expect(hidden.body.itemNotFound.message).toBe(`Backup ${backupId} could not be found.`);
    const bobs = await volumeIn(h, 'bob', 'az2');
    const target = await restore({ restore: { volume_id: bobs } }).expect(404);
    expect(target.body.itemNotFound.message).toBe(`Volume ${bobs} could not be found.`);
  });
});
