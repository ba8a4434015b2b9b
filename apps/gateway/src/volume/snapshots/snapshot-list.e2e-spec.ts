// GET /snapshots and /snapshots/detail merged over three simulated pods (real sockets).
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { eventually } from '../volumes/testing/volumes-e2e';
import { createSnapshot, volumeIn } from './testing/snapshots-e2e';

type Snapshot = Record<string, unknown> & { id: string; name: string; created_at: string };

describe('snapshot lists merged over pods (real sockets)', () => {
  let h: ComputeHarness;
  const PER_POD = 4;
  let all: string[];

  beforeAll(async () => {
    h = await startComputeHarness({
      pods: [{ az: 'az1' }, { az: 'az2', podAz: 'nova' }, { az: 'az3' }],
      env: { PODGATE_POD_LIST_TIMEOUT_MS: '800' },
    });
    let n = 0;
    for (const az of ['az1', 'az2', 'az3']) {
      const volumeId = await volumeIn(h, 'alice', az);
      for (let i = 0; i < PER_POD; i += 1)
        await createSnapshot(h, 'alice', volumeId, { name: `s${String(n++).padStart(2, '0')}` });
    }
    await createSnapshot(h, 'bob', await volumeIn(h, 'bob', 'az1'), { name: 'bobs' });
    all = h.pods.flatMap((pod) =>
      [...pod.sim.state.cinder.snapshots.values()].filter((s) => s.projectId === h.projectIdOf('tenant-a')).map((s) => s.id),
    );
    expect(all).toHaveLength(3 * PER_POD);
    await eventually(async () => {
      expect((await h.as('alice').get('/volume/v3/snapshots').expect(200)).body.snapshots).toHaveLength(3 * PER_POD);
    });
  }, 120_000);
  afterAll(() => h?.close());

  const detail = async (query: string): Promise<{ snapshots: Snapshot[]; next?: string }> => {
    const answer = await h.as('alice').get(`/volume/v3/snapshots/detail${query}`).expect(200);
    return { snapshots: answer.body.snapshots, next: answer.body.snapshots_links?.[0]?.href };
  };

  it('shows only the tenant’s snapshots of every pod, newest first; the summary without extended fields', async () => {
    const { snapshots, next } = await detail('');
    expect(snapshots.map((s) => s.id).sort()).toEqual([...all].sort());
    const created = snapshots.map((s) => s.created_at);
    expect(created).toEqual([...created].sort().reverse());
    expect(snapshots[0]['os-extended-snapshot-attributes:project_id']).toBe(h.projectIdOf('tenant-a'));
    expect(next).toBeUndefined();
    const summary = await h.as('alice').get('/volume/v3/snapshots').expect(200);
    expect(Object.keys(summary.body.snapshots[0])).not.toContain('os-extended-snapshot-attributes:project_id');
    expect(summary.body.snapshots.map((s: Snapshot) => s.id)).toEqual(snapshots.map((s) => s.id));
  });

  it('pages through the three pods with limit and marker, no duplicates, no gaps', async () => {
    const seen: Snapshot[] = [];
    let query: string | undefined = '?limit=5&sort=name:asc';
    let pages = 0;
    while (query !== undefined) {
      const { snapshots, next } = await detail(query);
      seen.push(...snapshots);
      pages += 1;
      if (next !== undefined) expect(next.startsWith(`${h.url}/volume/v3/snapshots/detail?`)).toBe(true);
      query = next === undefined ? undefined : next.slice(next.indexOf('?'));
    }
    expect(pages).toBe(3);
    expect(seen.map((s) => s.name)).toEqual([...Array(3 * PER_POD).keys()].map((n) => `s${String(n).padStart(2, '0')}`));
    expect(new Set(seen.map((s) => s.id)).size).toBe(3 * PER_POD);
  });

  it('pages the summary list too, its links on /snapshots', async () => {
    const first = await h.as('alice').get('/volume/v3/snapshots?limit=7').expect(200);
    expect(first.body.snapshots).toHaveLength(7);
    const next: string = first.body.snapshots_links[0].href;
    expect(next.startsWith(`${h.url}/volume/v3/snapshots?`)).toBe(true);
    const second = await h.as('alice').get(next.slice(h.url.length)).expect(200);
    const ids = [...first.body.snapshots, ...second.body.snapshots].map((s: Snapshot) => s.id);
    expect(ids.sort()).toEqual([...all].sort());
  });

  it('lists every tenant’s snapshots for an admin with all_tenants only', async () => {
    const admin = await h.as('admin').get('/volume/v3/snapshots?all_tenants=1').expect(200);
    expect(admin.body.snapshots).toHaveLength(3 * PER_POD + 1);
    const alice = await h.as('alice').get('/volume/v3/snapshots?all_tenants=1').expect(200);
    expect(alice.body.snapshots).toHaveLength(3 * PER_POD);
    const unknown = await h.as('alice').get('/volume/v3/snapshots?marker=00000000-0000-0000-0000-000000000000').expect(404);
    expect(unknown.body.itemNotFound.message).toBe('Snapshot 00000000-0000-0000-0000-000000000000 could not be found.');
  });

  it('answers 200 with the other pods’ snapshots when a pod is down', async () => {
    await h.pods[2].sim.down();
    try {
      const { snapshots } = await detail('');
      expect(snapshots).toHaveLength(2 * PER_POD);
      expect(snapshots.every((s) => !h.pods[2].sim.state.cinder.snapshots.has(s.id))).toBe(true);
    } finally {
      await h.pods[2].sim.up();
    }
  });

  it('answers the marker pod’s 503, not “marker not found”, when the pod holding the marker is down', async () => {
    const marker = [...h.pods[2].sim.state.cinder.snapshots.keys()][0];
    await h.pods[2].sim.down();
    try {
      const down = await h.as('alice').get(`/volume/v3/snapshots/detail?marker=${marker}`).expect(503);
      expect(Object.keys(down.body)).toHaveLength(1);
    } finally {
      await h.pods[2].sim.up();
    }
  });
});
