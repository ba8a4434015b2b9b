// Backups of a pod that is down or slow (real sockets, the simulator's fault injection): create, update, delete,
// restore, export_record and actions answer 503 naming the pod; a slow pod is cut from the merged list in time.
import type { ComputeHarness } from '../../testing/gateway-harness';
import { expectEachPodDown, expectSlowPodLeftOut, startFailingPodsHarness, tenantIdsIn } from '../testing/pod-faults-e2e';
import { VV } from '../volumes/testing/volumes-e2e';
import { createBackup, streamEvents, volumeIn } from '../snapshots/testing/snapshots-e2e';

type Backup = Record<string, unknown> & { id: string };

describe('backups of a failing pod (real sockets)', () => {
  let h: ComputeHarness;
  const mine = (pod: number) => tenantIdsIn(h, pod, 'backups');

  beforeAll(async () => {
    h = await startFailingPodsHarness();
  }, 120_000);
  afterAll(() => h?.close());

  it('answers 503 naming the pod for create, update, delete, restores, export_record and actions while it is down', async () => {
    const volumeId = await volumeIn(h, 'alice', 'az2');
    const target = await volumeIn(h, 'alice', 'az2');
    const backup = await createBackup(h, 'alice', volumeId, { name: 'kept' });
    const path = `/volume/v3/backups/${backup.id}`;
    const [alice, admin] = [h.as('alice'), h.as('admin')];
    const volumesBefore = h.pods[1].sim.state.cinder.volumes.size;
    await h.pods[1].sim.down();
    try {
      const calls = [
        alice.post('/volume/v3/backups', { backup: { volume_id: volumeId } }),
        alice.put(path, { backup: { name: 'renamed' } }).set(...VV('3.9')),
        alice.delete(path),
        alice.post(`${path}/restore`, { restore: {} }),
        alice.post(`${path}/restore`, { restore: { volume_id: target } }),
        admin.get(`${path}/export_record`),
        admin.post(`${path}/action`, { 'os-reset_status': { status: 'error' } }),
      ];
      await expectEachPodDown(calls, h.pods[1].name);
    } finally {
      await h.pods[1].sim.up();
    }
    const shown = await h.as('alice').get(path).expect(200);
    expect(shown.body.backup).toMatchObject({ id: backup.id, name: 'kept', status: 'available', availability_zone: 'az2' });
    expect(mine(1)).toEqual([backup.id]);
    expect(h.pods[1].sim.state.cinder.volumes.size).toBe(volumesBefore);
    // The refused writes are recorded as failed with the 503; the backup stays routed.
    const { types } = await streamEvents(h, `backup-${backup.id}`);
    expect(types).toEqual([
      'BackupCreated',
      'ResourceRouted',
      'BackupActionRequested',
      'BackupActionFailed',
      'BackupDeleteRequested',
      'BackupDeleteFailed',
      'BackupActionRequested',
      'BackupActionFailed',
      'BackupActionRequested',
      'BackupActionFailed',
    ]);
  });

  it('cuts a slow pod’s backups from the merged list at the per-pod timeout, listing the other pod’s', async () => {
    const slow = await createBackup(h, 'alice', await volumeIn(h, 'alice', 'az1'));
    const fast = await createBackup(h, 'alice', await volumeIn(h, 'alice', 'az2'));
    expect([mine(0), mine(1)]).toEqual([expect.arrayContaining([slow.id]), expect.arrayContaining([fast.id])]);
    await expectSlowPodLeftOut(h, {
      paths: ['/volume/v3/backups', '/volume/v3/backups/detail'],
      listed: async (path) => ((await h.as('alice').get(path).expect(200)).body.backups as Backup[]).map((b) => b.id).sort(),
      slowPod: 0,
      others: mine(1).sort(),
      all: [...mine(0), ...mine(1)].sort(),
    });
  });
});
