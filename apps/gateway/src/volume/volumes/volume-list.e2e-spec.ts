// GET /volumes and /volumes/detail merged over three simulated pods (real sockets).
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { createVolume, eventually } from './testing/volumes-e2e';

type Volume = Record<string, unknown> & { id: string; name: string; created_at: string; availability_zone: string };

describe('volume lists merged over pods (real sockets)', () => {
  let h: ComputeHarness;
  const PER_POD = 5;
  let all: string[];

  beforeAll(async () => {
    h = await startComputeHarness({
      pods: [{ az: 'az1' }, { az: 'az2', podAz: 'nova' }, { az: 'az3' }],
      env: { PODGATE_POD_LIST_TIMEOUT_MS: '800' },
    });
    let n = 0;
    for (const az of ['az1', 'az2', 'az3'])
      for (let i = 0; i < PER_POD; i += 1)
        await createVolume(h, 'alice', { name: `v${String(n++).padStart(2, '0')}`, availability_zone: az });
    await createVolume(h, 'bob', { name: 'bobs', availability_zone: 'az1' });
    all = h.pods.flatMap((pod) =>
      [...pod.sim.state.cinder.volumes.values()].filter((v) => v.projectId === h.projectIdOf('tenant-a')).map((v) => v.id),
    );
    expect(all).toHaveLength(3 * PER_POD);
    await eventually(async () => {
      expect((await h.as('alice').get('/volume/v3/volumes').expect(200)).body.volumes).toHaveLength(3 * PER_POD);
    });
  }, 120_000);
  afterAll(() => h?.close());

  const detail = async (query: string): Promise<{ volumes: Volume[]; next?: string }> => {
    const answer = await h.as('alice').get(`/volume/v3/volumes/detail${query}`).expect(200);
    return { volumes: answer.body.volumes, next: answer.body.volumes_links?.[0]?.href };
  };

  it('shows only the tenant’s volumes, newest first, each AZ as podgate names it', async () => {
    const { volumes, next } = await detail('');
    expect(volumes.map((v) => v.id).sort()).toEqual([...all].sort());
    const created = volumes.map((v) => v.created_at);
    expect(created).toEqual([...created].sort().reverse());
    expect(new Set(volumes.map((v) => v.availability_zone))).toEqual(new Set(['az1', 'az2', 'az3']));
    expect(next).toBeUndefined();
    const summary = await h.as('alice').get('/volume/v3/volumes').expect(200);
    expect(Object.keys(summary.body.volumes[0]).sort()).toEqual(['id', 'links', 'name']);
  });

  it('pages through the three pods with limit and marker, no duplicates, no gaps', async () => {
    const seen: Volume[] = [];
    let query: string | undefined = '?limit=4&sort=name:asc';
    while (query !== undefined) {
      const { volumes, next } = await detail(query);
      seen.push(...volumes);
      query = next === undefined ? undefined : next.slice(next.indexOf('?'));
      if (next !== undefined) expect(next.startsWith(`${h.url}/volume/v3/volumes/detail?`)).toBe(true);
    }
    expect(seen.map((v) => v.name)).toEqual([...Array(3 * PER_POD).keys()].map((n) => `v${String(n).padStart(2, '0')}`));
    expect(new Set(seen.map((v) => v.id)).size).toBe(3 * PER_POD);
  });

  it('filters by podgate’s AZ (the pod’s own asked), and refuses bad paging in Cinder’s words', async () => {
    const { volumes } = await detail('?availability_zone=az2');
    expect(volumes).toHaveLength(PER_POD);
    expect(volumes.every((v) => v.availability_zone === 'az2')).toBe(true);
    const bad = await h.as('alice').get('/volume/v3/volumes?limit=x').expect(400);
    expect(bad.body.badRequest.message).toBe('limit param must be an integer');
    await h.as('alice').get('/volume/v3/volumes?marker=00000000-0000-0000-0000-000000000000').expect(400);
  });

  it('lists every tenant’s volumes for an admin with all_tenants only', async () => {
    const admin = await h.as('admin').get('/volume/v3/volumes?all_tenants=1').expect(200);
    expect(admin.body.volumes).toHaveLength(3 * PER_POD + 1);
    const alice = await h.as('alice').get('/volume/v3/volumes?all_tenants=1').expect(200);
    expect(alice.body.volumes).toHaveLength(3 * PER_POD);
  });

  it('answers 200 without a down pod, and without a slow or failing one within the list timeout', async () => {
    await h.pods[2].sim.down();
    try {
      expect((await detail('')).volumes).toHaveLength(2 * PER_POD);
    } finally {
      await h.pods[2].sim.up();
    }
    h.pods[0].sim.faults.update({ latencyMs: 3000 });
    h.pods[1].sim.faults.update({ errorRate: 1, errorStatus: 500 });
    try {
      const started = Date.now();
      const { volumes } = await detail('');
      expect(Date.now() - started).toBeLessThan(2500);
      expect(volumes.every((v) => v.availability_zone === 'az3')).toBe(true);
      expect(volumes).toHaveLength(PER_POD);
    } finally {
      h.pods[0].sim.faults.update({ latencyMs: 0 });
      h.pods[1].sim.faults.update({ errorRate: 0 });
    }
  });
});
