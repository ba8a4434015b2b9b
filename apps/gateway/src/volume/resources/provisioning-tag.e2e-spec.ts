// podgate's provisioning tag on volumes and snapshots (real sockets): put into the simulated pods'
// metadata directly, as the volumes slice puts it on every create, then looked for in every answer
// a user can get, written at in every way Cinder offers, and replaced around.
import { PROVISIONING_METADATA_KEY as KEY } from '@podgate/routed-resources';
import type { Test } from 'supertest';
import { type Caller, type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { createSnapshot, streamEvents } from '../snapshots/testing/snapshots-e2e';
import { createVolume, eventually, VV } from '../volumes/testing/volumes-e2e';

type Metadata = Record<string, string>;

const RESERVED = { badRequest: { code: 400, message: `Metadata key ${KEY} is reserved by podgate.` } };

describe('the provisioning tag on volumes and snapshots (real sockets)', () => {
  let h: ComputeHarness;
  let volumeId: string;
  let snapshotId: string;
  /** The simulated Cinder's own records (pod 2, whose AZ is `nova`). */
  const podVolume = (id: string) => h.pods[1].sim.state.cinder.volumes.get(id);
  const podSnapshot = (id: string) => h.pods[1].sim.state.cinder.snapshots.get(id);
  const podSnapshotCount = () => h.pods.reduce((n, pod) => n + pod.sim.state.cinder.snapshots.size, 0);
  const tag = (metadata: Metadata, value: string) => Object.assign(metadata, { [KEY]: value });

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1' }, { az: 'az2', podAz: 'nova' }] });
    volumeId = (await createVolume(h, 'alice', { availability_zone: 'az2', metadata: { role: 'db' } })).id;
    snapshotId = (await createSnapshot(h, 'alice', volumeId, { metadata: { kind: 'daily' } })).id;
    tag(podVolume(volumeId)!.metadata, 'p-volume');
    tag(podSnapshot(snapshotId)!.metadata, 'p-snapshot');
    // Lists ask the pods the routes name: the projection must have caught up.
    await eventually(async () => {
      expect((await h.as('alice').get('/volume/v3/volumes').expect(200)).body.volumes).toHaveLength(1);
      expect((await h.as('alice').get('/volume/v3/snapshots').expect(200)).body.snapshots).toHaveLength(1);
    });
  }, 120_000);
  afterAll(() => h?.close());

  /** The answer's body, which must not name the tag anywhere. */
  const untagged = (body: unknown) => {
    expect(JSON.stringify(body)).not.toContain(KEY);
    return body as Record<string, unknown>;
  };

  it('hides the tag from volume show, update, lists, metadata and the summary', async () => {
    const alice = h.as('alice');
    const base = `/volume/v3/volumes/${volumeId}`;
    expect(untagged((await alice.get(base).expect(200)).body).volume).toMatchObject({ metadata: { role: 'db' } });
    const updated = untagged((await alice.put(base, { volume: { description: 'd' } }).expect(200)).body);
    expect(updated.volume).toMatchObject({ description: 'd', metadata: { role: 'db' } });
    const detail = untagged((await alice.get('/volume/v3/volumes/detail').expect(200)).body);
    expect(detail.volumes).toEqual([expect.objectContaining({ id: volumeId, metadata: { role: 'db' } })]);
    untagged((await alice.get('/volume/v3/volumes').expect(200)).body);
    expect(untagged((await alice.get(`${base}/metadata`).expect(200)).body)).toEqual({ metadata: { role: 'db' } });
    const merged = untagged((await alice.post(`${base}/metadata`, { metadata: { tier: 'gold' } }).expect(200)).body);
    expect(merged).toEqual({ metadata: { role: 'db', tier: 'gold' } });
    const summary = await alice
      .get('/volume/v3/volumes/summary')
      .set(...VV('3.36'))
      .expect(200);
    expect(untagged(summary.body)['volume-summary']).toMatchObject({ metadata: { role: ['db'], tier: ['gold'] } });
    expect(podVolume(volumeId)?.metadata).toEqual({ role: 'db', tier: 'gold', [KEY]: 'p-volume' });
  });

  it('hides the tag from snapshot show, update, both lists and metadata', async () => {
    const alice = h.as('alice');
    const base = `/volume/v3/snapshots/${snapshotId}`;
    expect(untagged((await alice.get(base).expect(200)).body).snapshot).toMatchObject({ metadata: { kind: 'daily' } });
    const updated = untagged((await alice.put(base, { snapshot: { name: 'renamed' } }).expect(200)).body);
    expect(updated.snapshot).toMatchObject({ name: 'renamed', metadata: { kind: 'daily' } });
    for (const list of ['/volume/v3/snapshots', '/volume/v3/snapshots/detail']) {
      const listed = untagged((await alice.get(list).expect(200)).body);
      expect(listed.snapshots).toEqual([expect.objectContaining({ id: snapshotId, metadata: { kind: 'daily' } })]);
    }
    expect(untagged((await alice.get(`${base}/metadata`).expect(200)).body)).toEqual({ metadata: { kind: 'daily' } });
    expect(podSnapshot(snapshotId)?.metadata).toEqual({ kind: 'daily', [KEY]: 'p-snapshot' });
  });

  it('answers a GET of the tag’s key with Cinder’s 404 for a missing key, the pod not asked; another tenant’s with the resource’s', async () => {
    for (const [path, noun, id] of [
      [`/volume/v3/volumes/${volumeId}`, 'Volume', volumeId],
      [`/volume/v3/snapshots/${snapshotId}`, 'Snapshot', snapshotId],
    ]) {
      const message = `${noun} ${id} has no metadata with key ${KEY}.`;
      for (const key of [KEY, encodeURIComponent(KEY)]) {
        const missing = await h.as('alice').get(`${path}/metadata/${key}`).expect(404);
        expect(missing.body).toEqual({ itemNotFound: { code: 404, message } });
      }
      const hidden = await h.as('bob').get(`${path}/metadata/${KEY}`).expect(404);
      expect(hidden.body.itemNotFound.message).toBe(`${noun} ${id} could not be found.`);
    }
    await h.pods[1].sim.down();
    try {
      await h.as('alice').get(`/volume/v3/volumes/${volumeId}/metadata/${KEY}`).expect(404);
    } finally {
      await h.pods[1].sim.up();
    }
  });

  /**
   * Each call answers Cinder's 400 naming the tag, and nothing changed: the resource's metadata on
   * its pod, how many of its kind the pods hold (a create), and what its stream recorded.
   */
  async function expectRefused(kind: 'volume' | 'snapshot', id: string, calls: (alice: Caller) => Test[]) {
    const stateOf = async () => {
      const held = h.pods.map((pod) => pod.sim.state.cinder[`${kind}s`]);
      const count = held.reduce((n, items) => n + items.size, 0);
      return { metadata: { ...held[1].get(id)!.metadata }, count, actions: (await streamEvents(h, `${kind}-${id}`)).actions };
    };
    const before = await stateOf();
    for (const call of calls(h.as('alice'))) expect((await call.expect(400)).body).toEqual(RESERVED);
    expect(await stateOf()).toEqual(before);
  }

  it('refuses every volume write naming the tag with Cinder’s 400, the pod’s metadata and the record untouched', async () => {
    const base = `/volume/v3/volumes/${volumeId}`;
    await expectRefused('volume', volumeId, (alice) => [
      alice.post('/volume/v3/volumes', { volume: { size: 1, metadata: { [KEY]: 'mine' } } }),
      alice.put(base, { volume: { metadata: { [KEY]: 'mine' } } }),
      alice.post(`${base}/metadata`, { metadata: { [KEY]: 'mine' } }),
      alice.put(`${base}/metadata`, { metadata: { a: 'b', [KEY]: 'mine' } }),
      alice.put(`${base}/metadata/${KEY}`, { meta: { [KEY]: 'mine' } }),
      alice.put(`${base}/metadata/${encodeURIComponent(KEY)}`, { meta: { [KEY]: 'mine' } }),
      alice.put(`${base}/metadata/a`, { meta: { [KEY]: 'mine' } }),
      alice.delete(`${base}/metadata/${KEY}`),
      // What Cinder's router reads as the same paths: its .json format suffix, percent-encoding.
      alice.post(`${base}/metadata.json`, { metadata: { [KEY]: 'mine' } }),
      alice.post(`${base}/%6Detadata`, { metadata: { [KEY]: 'mine' } }),
      alice.delete(`${base}/metadata/${KEY}.json`),
    ]);
  });

  it('refuses every snapshot write naming the tag with Cinder’s 400, the pod’s metadata and the record untouched', async () => {
    const base = `/volume/v3/snapshots/${snapshotId}/metadata`;
    await expectRefused('snapshot', snapshotId, (alice) => [
      alice.post('/volume/v3/snapshots', { snapshot: { volume_id: volumeId, metadata: { [KEY]: 'mine' } } }),
      alice.post(base, { metadata: { [KEY]: 'mine' } }),
      alice.put(base, { metadata: { [KEY]: 'mine' } }),
      alice.put(`${base}/${KEY}`, { meta: { [KEY]: 'mine' } }),
      alice.delete(`${base}/${KEY}`),
    ]);
  });

  it('refuses metadata Cinder would refuse before the tag joins it: Cinder’s 400 echoes the map, podgate’s names only the user’s', async () => {
    const alice = h.as('alice');
    const bad = { no$dollars: 'x' };
    const calls = [
      alice.post('/volume/v3/snapshots', { snapshot: { volume_id: volumeId, metadata: bad } }),
      alice.put(`/volume/v3/volumes/${volumeId}`, { volume: { metadata: bad } }),
      alice.put(`/volume/v3/volumes/${volumeId}/metadata`, { metadata: bad }),
      alice.put(`/volume/v3/snapshots/${snapshotId}/metadata`, { metadata: bad }),
    ];
    const snapshots = podSnapshotCount();
    for (const call of calls) {
      const { body } = await call.expect(400);
      expect(body.badRequest.message).toContain("Invalid input for field/attribute metadata. Value: {'no$dollars': 'x'}.");
      untagged(body);
      expect(JSON.stringify(body)).not.toMatch(/p-volume|p-snapshot/);
    }
    expect(podSnapshotCount()).toBe(snapshots);
    expect(podVolume(volumeId)?.metadata[KEY]).toBe('p-volume');
  });

  it('keeps the pod’s tag when a user replaces all metadata, and adds none where there was none', async () => {
    const alice = h.as('alice');
    const volume = `/volume/v3/volumes/${volumeId}`;
    expect((await alice.put(`${volume}/metadata`, { metadata: { c: '3' } }).expect(200)).body).toEqual({ metadata: { c: '3' } });
    expect(podVolume(volumeId)?.metadata).toEqual({ c: '3', [KEY]: 'p-volume' });
    const updated = await alice.put(volume, { volume: { metadata: { d: '4' } } }).expect(200);
    expect(untagged(updated.body).volume).toMatchObject({ metadata: { d: '4' } });
    expect(podVolume(volumeId)?.metadata).toEqual({ d: '4', [KEY]: 'p-volume' });
    const snapshot = `/volume/v3/snapshots/${snapshotId}/metadata`;
    expect((await alice.put(snapshot, { metadata: {} }).expect(200)).body).toEqual({ metadata: {} });
    expect(podSnapshot(snapshotId)?.metadata).toEqual({ [KEY]: 'p-snapshot' });
    // A volume whose pod holds no tag (made before podgate tagged creates) gets none.
    const plain = await createVolume(h, 'alice', { availability_zone: 'az2' });
    delete podVolume(plain.id)?.metadata[KEY];
    await alice.put(`/volume/v3/volumes/${plain.id}/metadata`, { metadata: { e: '5' } }).expect(200);
    expect(podVolume(plain.id)?.metadata).toEqual({ e: '5' });
    expect((await streamEvents(h, `volume-${volumeId}`)).actions).toEqual(
      expect.arrayContaining(['POST metadata', 'PUT metadata', 'PUT volume']),
    );
  });

  it('shows a created volume and snapshot without the tag the volumes slice gives them', async () => {
    const volume = await createVolume(h, 'alice', { availability_zone: 'az1', metadata: { x: 'y' } });
    expect(volume.metadata).toEqual({ x: 'y' });
    const snapshot = await createSnapshot(h, 'alice', volume.id, { metadata: { s: 't' } });
    expect(snapshot.metadata).toEqual({ s: 't' });
  });
});
