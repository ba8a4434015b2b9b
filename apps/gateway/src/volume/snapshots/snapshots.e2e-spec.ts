// Snapshots over simulated pods (real sockets): made in the volume's pod and recorded; show, update,
// delete, metadata, actions; another tenant's volume and snapshot; no token; a down pod; a volume from a snapshot.
import { withoutProvisioningTag } from '../../api/provisioning-tag';
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { eventually, podOfVolume } from '../volumes/testing/volumes-e2e';
import { createSnapshot, routedPods, streamEvents, volumeIn } from './testing/snapshots-e2e';

describe('snapshots over pods (real sockets)', () => {
  let h: ComputeHarness;
  const snapshotsIn = (pod: number) => h.pods[pod].sim.state.cinder.snapshots;

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1' }, { az: 'az2', podAz: 'nova' }] });
  }, 120_000);
  afterAll(() => h?.close());

  it('makes a snapshot in its volume’s pod, routes and records it, and reads it back at once', async () => {
    const volumeId = await volumeIn(h, 'alice', 'az2');
    const snapshot = await createSnapshot(h, 'alice', volumeId, { name: 'snap' });
    expect(snapshot).toMatchObject({ volume_id: volumeId, name: 'snap' });
    expect(snapshotsIn(1).has(snapshot.id)).toBe(true);
    expect(snapshotsIn(0).has(snapshot.id)).toBe(false);
    const shown = await h.as('alice').get(`/volume/v3/snapshots/${snapshot.id}`).expect(200);
    expect(shown.body.snapshot).toMatchObject({ id: snapshot.id, volume_id: volumeId });
    await eventually(async () => expect(await routedPods(h, 'snapshot', snapshot.id)).toEqual([1]));
    const { types } = await streamEvents(h, `snapshot-${snapshot.id}`);
    expect(types).toContain('SnapshotCreated');
    const intents = await h.sql.query<{ n: string }>(
      "SELECT count(*)::text AS n FROM rm_routings WHERE top_id = $1 AND resource_type = 'volume'",
      [snapshot.id],
    );
    expect(intents.rows[0].n).toBe('0');
  });

  it('records the intent, parented by the volume, in its own stream', async () => {
    const volumeId = await volumeIn(h, 'alice', 'az1');
    const snapshot = await createSnapshot(h, 'alice', volumeId);
    const [created] = (await h.store.readStream(`snapshot-${snapshot.id}`)).filter((e) => e.type === 'SnapshotCreated');
    const { provisioningId } = created.data as { provisioningId: string };
    const intent = await h.store.readStream(`snapshotProvisioning-${provisioningId}`);
    expect(intent.map((e) => e.type)).toEqual(['SnapshotProvisioningRequested']);
    expect(intent[0].data).toMatchObject({ parent: { kind: 'volume', id: volumeId }, podId: h.pods[0].podId, bindingId: null });
  });

  it('refuses another tenant’s volume in Cinder’s words and forwards nothing', async () => {
    const volumeId = await volumeIn(h, 'bob', 'az1');
    const before = [snapshotsIn(0).size, snapshotsIn(1).size];
    const refused = await h
      .as('alice')
      .post('/volume/v3/snapshots', { snapshot: { volume_id: volumeId } })
      .expect(404);
    expect(refused.body).toEqual({ itemNotFound: { code: 404, message: `Volume ${volumeId} could not be found.` } });
    await h.as('alice').post('/volume/v3/snapshots', { snapshot: {} }).expect(400);
    expect([snapshotsIn(0).size, snapshotsIn(1).size]).toEqual(before);
  });

  it('updates, then deletes: the pod’s answers, recorded, SnapshotDeleted in the end', async () => {
    const snapshot = await createSnapshot(h, 'alice', await volumeIn(h, 'alice', 'az2'));
    const updated = await h
      .as('alice')
      .put(`/volume/v3/snapshots/${snapshot.id}`, { snapshot: { name: 'renamed', description: 'd' } })
      .expect(200);
    expect(updated.body.snapshot).toMatchObject({ id: snapshot.id, name: 'renamed', description: 'd' });
    expect(snapshotsIn(1).get(snapshot.id)?.name).toBe('renamed');
    await h.as('bob').get(`/volume/v3/snapshots/${snapshot.id}`).expect(404);
    await h.as('bob').delete(`/volume/v3/snapshots/${snapshot.id}`).expect(404);
    await h.as('alice').delete(`/volume/v3/snapshots/${snapshot.id}`).expect(202);
    await eventually(async () => {
      const { types, actions } = await streamEvents(h, `snapshot-${snapshot.id}`);
      expect(actions).toContain('PUT snapshot');
      expect(types).toEqual(expect.arrayContaining(['SnapshotDeleteRequested', 'SnapshotDeleted']));
    });
    const gone = await h.as('alice').get(`/volume/v3/snapshots/${snapshot.id}`).expect(404);
    expect(gone.body.itemNotFound.message).toBe(`Snapshot ${snapshot.id} could not be found.`);
    await eventually(async () => expect(await routedPods(h, 'snapshot', snapshot.id)).toEqual([]));
  });

  it('serves every metadata endpoint and records the writes', async () => {
    const snapshot = await createSnapshot(h, 'alice', await volumeIn(h, 'alice', 'az1'), { metadata: { a: '1' } });
    const base = `/volume/v3/snapshots/${snapshot.id}/metadata`;
    const alice = h.as('alice');
    expect((await alice.get(base).expect(200)).body.metadata).toEqual({ a: '1' });
    expect((await alice.post(base, { metadata: { b: '2' } }).expect(200)).body.metadata).toEqual({ a: '1', b: '2' });
    expect((await alice.get(`${base}/b`).expect(200)).body.meta).toEqual({ b: '2' });
    expect((await alice.put(`${base}/b`, { meta: { b: '3' } }).expect(200)).body.meta).toEqual({ b: '3' });
    await alice.delete(`${base}/a`).expect(200);
    expect((await alice.get(base).expect(200)).body.metadata).toEqual({ b: '3' });
    expect((await alice.put(base, { metadata: { c: '4' } }).expect(200)).body.metadata).toEqual({ c: '4' });
    // A missing key is the pod's 404 for the key; the snapshot itself stays routed.
    await alice.get(`${base}/gone`).expect(404);
    await alice.get(`/volume/v3/snapshots/${snapshot.id}`).expect(200);
    await h.as('bob').get(base).expect(404);
    await h
      .as('bob')
      .post(base, { metadata: { x: 'y' } })
      .expect(404);
    expect(withoutProvisioningTag(snapshotsIn(0).get(snapshot.id)!.metadata)).toEqual({ c: '4' });
    const { actions } = await streamEvents(h, `snapshot-${snapshot.id}`);
    expect(actions).toEqual(['POST metadata', 'PUT metadata', 'DELETE metadata', 'PUT metadata']);
  });

  it('forwards and records actions; the pod judges who may', async () => {
    const snapshot = await createSnapshot(h, 'alice', await volumeIn(h, 'alice', 'az2'));
    const path = `/volume/v3/snapshots/${snapshot.id}/action`;
    const body = { 'os-reset_status': { status: 'error' } };
    await h.as('alice').post(path, body).expect(403);
    const hidden = await h.as('bob').post(path, body).expect(404);
    expect(hidden.body).toEqual({ itemNotFound: { code: 404, message: `Snapshot ${snapshot.id} could not be found.` } });
    await h.as('admin').post(path, body).expect(202);
    expect(snapshotsIn(1).get(snapshot.id)?.status).toBe('error');
    expect((await h.as('alice').post(path, {}).expect(400)).body.badRequest.message).toBe('Malformed request body');
    const { actions, types } = await streamEvents(h, `snapshot-${snapshot.id}`);
    expect(actions.filter((a) => a === 'os-reset_status')).toHaveLength(2);
    expect(types).toEqual(expect.arrayContaining(['SnapshotActionFailed', 'SnapshotActionSucceeded']));
  });

  it('needs a token (401) for the snapshot routes, and forwards nothing without one', async () => {
    const snapshot = await createSnapshot(h, 'alice', await volumeIn(h, 'alice', 'az1'), { name: 'kept' });
    const path = `/volume/v3/snapshots/${snapshot.id}`;
    await h.as().get('/volume/v3/snapshots/detail').expect(401);
    await h.as().get(path).expect(401);
    await h
      .as()
      .put(path, { snapshot: { name: 'x' } })
      .expect(401);
    await h.withToken('not-a-token').delete(path).expect(401);
    expect(snapshotsIn(0).get(snapshot.id)?.name).toBe('kept');
    expect((await streamEvents(h, `snapshot-${snapshot.id}`)).types).toEqual(['SnapshotCreated', 'ResourceRouted']);
  });

  it('makes a volume from a snapshot in the snapshot’s pod', async () => {
    const snapshot = await createSnapshot(h, 'alice', await volumeIn(h, 'alice', 'az2'));
    const created = await h
      .as('alice')
      .post('/volume/v3/volumes', { volume: { size: 1, snapshot_id: snapshot.id } })
      .expect(202);
    expect(podOfVolume(h, created.body.volume.id)).toBe(1);
    expect(created.body.volume.availability_zone).toBe('az2');
    expect(h.pods[1].sim.state.cinder.volumes.get(created.body.volume.id)?.snapshotId).toBe(snapshot.id);
    await h.as('alice').get(`/volume/v3/volumes/${created.body.volume.id}`).expect(200);
    await eventually(async () => expect(await routedPods(h, 'volume', created.body.volume.id)).toEqual([1]));
    const hidden = await h
      .as('bob')
      .post('/volume/v3/volumes', { volume: { size: 1, snapshot_id: snapshot.id } })
      .expect(404);
    expect(hidden.body.itemNotFound.message).toBe(`Snapshot ${snapshot.id} could not be found.`);
  });

  it('answers a down pod’s snapshot with a 503 body', async () => {
    const snapshot = await createSnapshot(h, 'alice', await volumeIn(h, 'alice', 'az2'));
    await h.pods[1].sim.down();
    try {
      const down = await h.as('alice').get(`/volume/v3/snapshots/${snapshot.id}`).expect(503);
      expect(Object.keys(down.body)).toHaveLength(1);
      expect(JSON.stringify(down.body)).toContain('Pod2');
    } finally {
      await h.pods[1].sim.up();
    }
    await h.as('alice').get(`/volume/v3/snapshots/${snapshot.id}`).expect(200);
  });
});
