// A pod that accepts connections and never answers (real sockets, the simulator's `hang` fault): snapshot and
// backup writes, creates included, answer podgate's 503 within the per-call timeout and are recorded as 504;
// a merged list leaves the pod out; nothing on the pod changes, and the other pod is not held up.
import { volumeProvisioningIdFor, volumeProvisioningStream } from '@podgate/volumes';
import { type ComputeHarness, startComputeHarness } from '../testing/gateway-harness';
import { createBackup, createSnapshot, streamEvents, volumeIn } from './snapshots/testing/snapshots-e2e';
import { podTimeoutFault, timed } from './testing/pod-faults-e2e';
import { VV } from './volumes/testing/volumes-e2e';

const TIMEOUT_MS = 800;

describe('volume API in front of a hung pod (real sockets)', () => {
  let h: ComputeHarness;

  beforeAll(async () => {
    h = await startComputeHarness({
      pods: [{ az: 'az1' }, { az: 'az2' }],
      env: { PODGATE_POD_TIMEOUT_MS: String(TIMEOUT_MS), PODGATE_POD_LIST_TIMEOUT_MS: String(TIMEOUT_MS) },
    });
  }, 120_000);
  afterAll(() => h?.close());

  it('answers snapshot and backup writes and creates 503 in time (recorded as 504), lists the other pod, changes nothing', async () => {
    const [alice, admin] = [h.as('alice'), h.as('admin')];
    const volumeId = await volumeIn(h, 'alice', 'az1');
    const elsewhere = await volumeIn(h, 'alice', 'az2');
    const snapshot = await createSnapshot(h, 'alice', volumeId, { name: 'kept', metadata: { a: '1' } });
    const backup = await createBackup(h, 'alice', volumeId, { name: 'kept' });
    const cinder = h.pods[0].sim.state.cinder;
    const before = { volumes: cinder.volumes.size, snapshots: cinder.snapshots.size, backups: cinder.backups.size };
    const [snapshotPath, backupPath] = [`/volume/v3/snapshots/${snapshot.id}`, `/volume/v3/backups/${backup.id}`];

    h.pods[0].sim.faults.update({ hang: true });
    let writes, creates, listed;
    try {
      [writes, creates, listed] = await Promise.all([
        Promise.all([
          timed(alice.put(snapshotPath, { snapshot: { name: 'renamed' } })),
          timed(alice.post(`${snapshotPath}/metadata`, { metadata: { b: '2' } })),
          timed(admin.post(`${snapshotPath}/action`, { 'os-reset_status': { status: 'error' } })),
          timed(alice.delete(snapshotPath)),
          timed(alice.put(backupPath, { backup: { name: 'renamed' } }).set(...VV('3.9'))),
          timed(alice.delete(backupPath)),
        ]),
        Promise.all([
          timed(alice.post('/volume/v3/snapshots', { snapshot: { volume_id: volumeId } })),
          timed(alice.post('/volume/v3/backups', { backup: { volume_id: volumeId } })),
          timed(alice.post(`${backupPath}/restore`, { restore: {} })),
        ]),
        timed(alice.get('/volume/v3/volumes')),
      ]);
      // the other pod is not held up by the hung one
      await alice.get(`/volume/v3/volumes/${elsewhere}`).expect(200);
    } finally {
      h.pods[0].sim.faults.reset();
    }

    for (const { status, body, ms } of [...writes, ...creates]) {
      expect({ status, body }).toEqual({ status: 503, body: podTimeoutFault(h.pods[0].name, TIMEOUT_MS) });
      expect(ms).toBeLessThan(TIMEOUT_MS + 2000);
    }
    expect(listed.status).toBe(200);
    expect(listed.ms).toBeLessThan(TIMEOUT_MS + 2000);
    expect((listed.body.volumes as { id: string }[]).map((v) => v.id)).toEqual([elsewhere]);

    // The hung requests were never handled: the pod holds what it held, as it was.
    expect({ volumes: cinder.volumes.size, snapshots: cinder.snapshots.size, backups: cinder.backups.size }).toEqual(before);
    expect((await alice.get(snapshotPath).expect(200)).body.snapshot).toMatchObject({ name: 'kept', status: 'available' });
    expect((await alice.get(`${snapshotPath}/metadata`).expect(200)).body).toEqual({ metadata: { a: '1' } });
    expect((await alice.get(backupPath).expect(200)).body.backup).toMatchObject({ name: 'kept', status: 'available' });

    // Every write sent is recorded as failed with the timeout's 504; both routes stay.
    const snapshotEvents = await h.store.readStream(`snapshot-${snapshot.id}`);
    const backupEvents = await h.store.readStream(`backup-${backup.id}`);
    const failures = (events: typeof snapshotEvents) =>
      events.filter((e) => e.type.endsWith('Failed')).map((e) => `${e.type} ${(e.data as { status: number }).status}`);
    expect(failures(snapshotEvents).sort()).toEqual([
      ...Array<string>(3).fill('SnapshotActionFailed 504'),
      'SnapshotDeleteFailed 504',
    ]);
    expect(failures(backupEvents).sort()).toEqual(['BackupActionFailed 504', 'BackupDeleteFailed 504']);
    expect((await streamEvents(h, `snapshot-${snapshot.id}`)).types).not.toContain('SnapshotDeleted');
    expect((await streamEvents(h, `backup-${backup.id}`)).types).not.toContain('BackupDeleted');

    // Each create's intent (a restore into a new volume is a volume's) is recorded failed with 504: the pod
    // may have made it. Nothing was made, nothing routed.
    const kinds = [
      ['snapshot', 'Snapshot'],
      ['backup', 'Backup'],
      ['volume', 'Volume'],
    ] as const;
    for (const [i, [kind, name]] of kinds.entries()) {
      const provisioningId = volumeProvisioningIdFor(kind, creates[i].headers['x-openstack-request-id']);
      const intent = await h.store.readStream(volumeProvisioningStream(kind, provisioningId));
      expect(intent.map((e) => e.type)).toEqual([`${name}ProvisioningRequested`, `${name}ProvisioningFailed`]);
      expect(intent[1].data).toMatchObject({ podId: h.pods[0].podId, status: 504 });
    }
    const listedSnapshots = (await alice.get('/volume/v3/snapshots').expect(200)).body.snapshots as { id: string }[];
    expect(listedSnapshots.map((s) => s.id)).toEqual([snapshot.id]);
    const listedBackups = (await alice.get('/volume/v3/backups').expect(200)).body.backups as { id: string }[];
    expect(listedBackups.map((b) => b.id)).toEqual([backup.id]);
  }, 30_000);
});
