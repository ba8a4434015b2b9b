// Snapshots of a pod that is down or slow (real sockets, the simulator's fault injection): writes, actions and
// metadata answer 503 naming the pod; a slow pod is cut from merged lists and a show on it times out in time.
import { withoutProvisioningTag } from '../../api/provisioning-tag';
import type { ComputeHarness } from '../../testing/gateway-harness';
import {
  expectEachPodDown,
  expectSlowPodLeftOut,
  podTimeoutFault,
  startFailingPodsHarness,
  tenantIdsIn,
} from '../testing/pod-faults-e2e';
import { createSnapshot, streamEvents, volumeIn } from './testing/snapshots-e2e';

const TIMEOUT_MS = 1000;

type Snapshot = Record<string, unknown> & { id: string };

describe('snapshots of a failing pod (real sockets)', () => {
  let h: ComputeHarness;
  const snapshotsIn = (pod: number) => h.pods[pod].sim.state.cinder.snapshots;
  const mine = (pod: number) => tenantIdsIn(h, pod, 'snapshots');

  beforeAll(async () => {
    h = await startFailingPodsHarness({ PODGATE_POD_TIMEOUT_MS: String(TIMEOUT_MS) });
  }, 120_000);
  afterAll(() => h?.close());

  it('answers 503 naming the pod for create, update, delete, actions and metadata (reads and writes) while it is down', async () => {
    const volumeId = await volumeIn(h, 'alice', 'az2');
    const snapshot = await createSnapshot(h, 'alice', volumeId, { name: 'kept', metadata: { a: '1' } });
    const path = `/volume/v3/snapshots/${snapshot.id}`;
    const [alice, admin] = [h.as('alice'), h.as('admin')];
    await h.pods[1].sim.down();
    try {
      const calls = [
        alice.post('/volume/v3/snapshots', { snapshot: { volume_id: volumeId } }),
        alice.put(path, { snapshot: { name: 'renamed' } }),
        admin.post(`${path}/action`, { 'os-reset_status': { status: 'error' } }),
        alice.get(`${path}/metadata`),
        alice.get(`${path}/metadata/a`),
        alice.post(`${path}/metadata`, { metadata: { b: '2' } }),
        alice.put(`${path}/metadata`, { metadata: { c: '3' } }),
        alice.put(`${path}/metadata/a`, { meta: { a: '9' } }),
        alice.delete(`${path}/metadata/a`),
        alice.delete(path),
      ];
      await expectEachPodDown(calls, h.pods[1].name);
    } finally {
      await h.pods[1].sim.up();
    }
    const shown = await alice.get(path).expect(200);
    expect(shown.body.snapshot).toMatchObject({ id: snapshot.id, name: 'kept', status: 'available' });
    expect(mine(1)).toEqual([snapshot.id]);
    expect(withoutProvisioningTag(snapshotsIn(1).get(snapshot.id)!.metadata)).toEqual({ a: '1' });
    // Each write sent is recorded as failed; a PUT of all metadata fails reading the pod's tag, before it is recorded.
    const { types, actions } = await streamEvents(h, `snapshot-${snapshot.id}`);
    expect(actions).toEqual(['PUT snapshot', 'os-reset_status', 'POST metadata', 'PUT metadata', 'DELETE metadata']);
    expect(types.slice(2).filter((type) => type.endsWith('Failed'))).toEqual([
      ...Array<string>(5).fill('SnapshotActionFailed'),
      'SnapshotDeleteFailed',
    ]);
    expect(types).not.toContain('SnapshotActionSucceeded');
  });

  it('cuts a slow pod’s snapshots from the merged lists at the per-pod timeout, listing the other pod’s', async () => {
    const slow = await createSnapshot(h, 'alice', await volumeIn(h, 'alice', 'az1'));
    const fast = await createSnapshot(h, 'alice', await volumeIn(h, 'alice', 'az2'));
    expect([mine(0), mine(1)]).toEqual([expect.arrayContaining([slow.id]), expect.arrayContaining([fast.id])]);
    await expectSlowPodLeftOut(h, {
      paths: ['/volume/v3/snapshots', '/volume/v3/snapshots/detail'],
      listed: async (path) => ((await h.as('alice').get(path).expect(200)).body.snapshots as Snapshot[]).map((s) => s.id).sort(),
      slowPod: 0,
      others: mine(1).sort(),
      all: [...mine(0), ...mine(1)].sort(),
    });
  });

  it('answers a show on a pod slower than the per-call timeout with podgate’s 503 in time, then 200', async () => {
    const snapshot = await createSnapshot(h, 'alice', await volumeIn(h, 'alice', 'az1'));
    const path = `/volume/v3/snapshots/${snapshot.id}`;
    h.pods[0].sim.faults.update({ latencyMs: TIMEOUT_MS + 3000 });
    let answer;
    const started = Date.now();
    try {
      answer = await h.as('alice').get(path);
    } finally {
      h.pods[0].sim.faults.reset();
    }
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 2000);
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual(podTimeoutFault(h.pods[0].name, TIMEOUT_MS));
    expect((await h.as('alice').get(path).expect(200)).body.snapshot).toMatchObject({ id: snapshot.id });
  });
});
