// GET /volumes and /volumes/detail merged over three simulated pods (real sockets).
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { createVolume, eventually, type Volume, VV } from './testing/volumes-e2e';

describe('volume lists merged over pods (real sockets)', () => {
  let h: ComputeHarness;
  const PER_POD = 5;
  let all: string[];

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1' }, { az: 'az2', podAz: 'nova' }, { az: 'az3' }] });
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
    const [first] = summary.body.volumes;
    expect(first.links[0].href).toBe(`${h.url}/volume/v3/volumes/${first.id}`);
  });

  /** Every page from `query` on, following volumes_links; each page's names. */
  async function pages(path: string, query: string): Promise<string[][]> {
    const seen: string[][] = [];
    let next: string | undefined = `${h.url}${path}${query}`;
    while (next !== undefined) {
      expect(next.startsWith(`${h.url}${path}?`)).toBe(true);
      const answer: { body: { volumes: Volume[]; volumes_links?: { href: string }[] } } = await h
        .as('alice')
        .get(next.slice(h.url.length))
        .expect(200);
      seen.push(answer.body.volumes.map((v: Volume) => v.name));
      next = answer.body.volumes_links?.[0]?.href;
      expect(seen.length).toBeLessThan(10);
    }
    return seen;
  }
  const names = [...Array(3 * PER_POD).keys()].map((n) => `v${String(n).padStart(2, '0')}`);

  it('pages through the three pods with limit and marker, no duplicates, no gaps', async () => {
    const seen = await pages('/volume/v3/volumes/detail', '?limit=4&sort=name:asc');
    expect(seen.map((page) => page.length)).toEqual([4, 4, 4, 3]);
    expect(seen.flat()).toEqual(names);
  });

  it('pages summary lists too, sorted by the deprecated sort_key/sort_dir', async () => {
    const seen = await pages('/volume/v3/volumes', '?sort_key=name&sort_dir=desc&limit=5');
    // a full last page links to an empty one, as Cinder's does
    expect(seen.map((page) => page.length)).toEqual([5, 5, 5, 0]);
    expect(seen.flat()).toEqual([...names].reverse());
  });

  it('sorts by several keys across pods, and skips with offset', async () => {
    const { volumes } = await detail('?sort=availability_zone:desc,name:asc');
    expect(volumes.map((v) => v.name)).toEqual([...names.slice(10), ...names.slice(5, 10), ...names.slice(0, 5)]);
    const skipped = await detail('?sort=name:asc&limit=3&offset=6');
    expect(skipped.volumes.map((v) => v.name)).toEqual(names.slice(6, 9));
  });

  it('filters by podgate’s AZ (the pod’s own asked), and refuses bad paging in Cinder’s words', async () => {
    const { volumes } = await detail('?availability_zone=az2');
    expect(volumes).toHaveLength(PER_POD);
    expect(volumes.every((v) => v.availability_zone === 'az2')).toBe(true);
    const bad = await h.as('alice').get('/volume/v3/volumes?limit=x').expect(400);
    expect(bad.body.badRequest.message).toBe('limit param must be an integer');
    const unknown = await h.as('alice').get('/volume/v3/volumes?marker=00000000-0000-0000-0000-000000000000').expect(404);
    expect(unknown.body.itemNotFound.message).toBe('Volume 00000000-0000-0000-0000-000000000000 could not be found.');
  });

  it('lists every tenant’s volumes for an admin with all_tenants only', async () => {
    const admin = await h.as('admin').get('/volume/v3/volumes?all_tenants=1').expect(200);
    expect(admin.body.volumes).toHaveLength(3 * PER_POD + 1);
    const alice = await h.as('alice').get('/volume/v3/volumes?all_tenants=1').expect(200);
    expect(alice.body.volumes).toHaveLength(3 * PER_POD);
  });

  it('answers with_count (3.45) as the sum over the pods, with Cinder’s next link while limit <= count', async () => {
    const first = await h
      .as('alice')
      .get('/volume/v3/volumes?with_count=true&limit=4&sort=name:asc')
      .set(...VV('3.45'))
      .expect(200);
    expect(first.body.count).toBe(3 * PER_POD);
    const last = await h
      .as('alice')
      .get(`/volume/v3/volumes?with_count=true&limit=4&sort=name:asc&offset=12`)
      .set(...VV('3.45'))
      .expect(200);
    expect(last.body.volumes).toHaveLength(3);
    expect(last.body.count).toBe(3 * PER_POD);
    expect(last.body.volumes_links).toHaveLength(1);
    const old = await h
      .as('alice')
      .get('/volume/v3/volumes?limit=4')
      .set(...VV('3.44'))
      .expect(200);
    expect(old.body).not.toHaveProperty('count');
  });

  it('routes GET /volumes/summary from 3.12 (below: Cinder’s bare 404), over the caller’s pods', async () => {
    const before = await h
      .as('admin')
      .get('/volume/v3/volumes/summary')
      .set(...VV('3.11'))
      .expect(404);
    expect(before.body.itemNotFound.message).toBe('The resource could not be found.');
    // The admin's project has no volumes, so no pod is asked.
    const none = await h
      .as('admin')
      .get('/volume/v3/volumes/summary')
      .set(...VV('3.12'))
      .expect(200);
    expect(none.body).toEqual({ 'volume-summary': { total_count: 0, total_size: 0 } });
    const withMetadata = await h
      .as('admin')
      .get('/volume/v3/volumes/summary')
      .set(...VV('3.36'))
      .expect(200);
    expect(withMetadata.body).toEqual({ 'volume-summary': { total_count: 0, total_size: 0, metadata: {} } });
  });

  it('sums the summary over every pod of the caller (each pod answers for its own volumes)', async () => {
    const answer = await h
      .as('alice')
      .get('/volume/v3/volumes/summary')
      .set(...VV('3.12'))
      .expect(200);
    // Every volume of alice's is 1 GiB (createVolume's default), PER_POD in each of the three pods.
    expect(answer.body).toEqual({ 'volume-summary': { total_count: 3 * PER_POD, total_size: 3 * PER_POD } });
  });
});
