// Listing servers of the simulated Nova: paging over 120 servers with limit/marker/sort (no
// duplicates, no gaps), servers_links, filters and project scope.
import { DELAYS, SimClient, TestSimulator, bootBody, startTestSimulator } from '../src/testing/sim-client';

const UNLIMITED = { instances: -1, cores: -1, ram: -1 };

describe('simulated Nova server listing', () => {
  let t: TestSimulator;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await startTestSimulator({ pods: [{ quotas: UNLIMITED, capacity: { vcpus: 64 } }] });
    // Three batches a second apart: created_at ties inside a batch exercise the id tie-break.
    for (const batch of ['a', 'b', 'c']) {
      const created = await t.nova.alice.post(
        '/servers',
        bootBody(`web-${batch}`, { flavorRef: '42', min_count: 40, max_count: 40, return_reservation_id: true }),
      );
      expect(created.body.reservation_id).toMatch(/^r-/);
      t.advance(1000);
    }
    t.advance(DELAYS.buildMs);
    const all = await t.nova.alice.get('/servers?limit=1000');
    ids.push(...all.body.servers.map((s: { id: string }) => s.id));
    await t.nova.bob.post('/servers', bootBody('bobs-own'));
  });
  afterAll(() => t.stop());

  /** Follows servers_links until a page comes without one; returns ids in page order. */
  async function walk(client: SimClient, firstPath: string): Promise<{ ids: string[]; pages: number }> {
    const seen: string[] = [];
    let path: string | undefined = firstPath;
    let pages = 0;
    while (path) {
      const page = await client.get(path);
      expect(page.status).toBe(200);
      pages += 1;
      seen.push(...page.body.servers.map((s: { id: string }) => s.id));
      const next = page.body.servers_links?.find((l: { rel: string }) => l.rel === 'next')?.href as string | undefined;
      path = next ? next.slice(t.pod.computeUrl.length) : undefined;
    }
    return { ids: seen, pages };
  }

  it('sees 120 servers, newest first (created_at desc, id desc)', () => {
    expect(ids).toHaveLength(120);
    expect(new Set(ids).size).toBe(120);
    const expected = [...t.pod.state.nova.servers.values()]
      .filter((s) => s.projectId === t.projectId('tenant-a'))
      .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
      .map((s) => s.id);
    expect(ids).toEqual(expected);
    expect(t.pod.state.nova.servers.get(ids[0] as string)?.name).toMatch(/^web-c-/);
  });

  it('pages with limit/marker through servers_links without duplicates or gaps', async () => {
    const { ids: paged, pages } = await walk(t.nova.alice, '/servers?limit=7');
    expect(paged).toEqual(ids);
    // 120 / 7 = 17 full pages + 1 page of 1 item.
    expect(pages).toBe(18);
  });

  it('keeps the other query parameters in the next link', async () => {
    const page = await t.nova.alice.get('/servers/detail?limit=5&name=web-b');
    const href = page.body.servers_links[0].href as string;
    const url = new URL(href);
    expect(url.origin + url.pathname).toBe(`${t.pod.computeUrl}/servers/detail`);
    expect(url.searchParams.get('limit')).toBe('5');
    expect(url.searchParams.get('name')).toBe('web-b');
    expect(url.searchParams.get('marker')).toBe(page.body.servers[4].id);
  });

  it('pages a custom sort (display_name asc) consistently', async () => {
    const full = await t.nova.alice.get('/servers/detail?sort_key=display_name&sort_dir=asc&limit=1000');
    const names = full.body.servers.map((s: { name: string }) => s.name);
    expect(names).toEqual([...names].sort());
    const { ids: paged } = await walk(t.nova.alice, '/servers?sort_key=display_name&sort_dir=asc&limit=11');
    expect(paged).toEqual(full.body.servers.map((s: { id: string }) => s.id));
  });

  it('answers 400 for an unknown marker and a bad limit', async () => {
    const bad = await t.nova.alice.get('/servers?marker=00000000-0000-0000-0000-000000000000');
    expect(bad.status).toBe(400);
    expect(bad.body.badRequest.message).toBe('marker [00000000-0000-0000-0000-000000000000] not found');
    expect((await t.nova.alice.get('/servers?limit=-3')).status).toBe(400);
  });

  it('filters by name regex, status and flavor', async () => {
    expect((await t.nova.alice.get('/servers?name=^web-c-1')).body.servers.map((s: { name: string }) => s.name).sort()).toEqual(
      ['web-c-1', ...Array.from({ length: 10 }, (_v, i) => `web-c-1${i}`)].sort(),
    );
    expect((await t.nova.alice.get('/servers?status=ACTIVE&limit=1000')).body.servers).toHaveLength(120);
    expect((await t.nova.alice.get('/servers?status=SHUTOFF')).body.servers).toHaveLength(0);
    expect((await t.nova.alice.get('/servers?flavor=42&limit=1000')).body.servers).toHaveLength(120);
    expect((await t.nova.alice.get('/servers?status=BOGUS')).body.badRequest.message).toBe('Invalid status value');
    const old = t.nova.alice.with({ headers: { 'openstack-api-version': 'compute 2.37' } });
    expect((await old.get('/servers?status=BOGUS')).body).toEqual({ servers: [] });
  });

  it('scopes lists to the project; admin sees everyone only with all_tenants', async () => {
    expect((await t.nova.bob.get('/servers')).body.servers.map((s: { name: string }) => s.name)).toEqual(['bobs-own']);
    expect((await t.nova.admin.get('/servers')).body.servers).toHaveLength(0);
    expect((await t.nova.admin.get('/servers?all_tenants=1&limit=1000')).body.servers).toHaveLength(121);
    const bobs = await t.nova.admin.get(`/servers?all_tenants=1&project_id=${t.projectId('tenant-b')}`);
    expect(bobs.body.servers.map((s: { name: string }) => s.name)).toEqual(['bobs-own']);
    const refused = await t.nova.alice.get('/servers?all_tenants=1');
    expect(refused.status).toBe(403);
    expect(refused.body.forbidden.message).toContain('get_all_tenants');
  });

  it('sorts names as Nova on MySQL does: case-insensitively, ties to the next key', async () => {
    for (const name of ['web-2', 'Web-2', 'db_1', 'dbz', 'DBA', 'Alpha']) await t.nova.bob.post('/servers', bootBody(name));
    const asc = await t.nova.bob.get('/servers?sort_key=display_name&sort_dir=asc&sort_key=uuid&sort_dir=asc');
    const names = asc.body.servers.map((s: { name: string }) => s.name);
    expect(names.slice(0, 5)).toEqual(['Alpha', 'bobs-own', 'DBA', 'dbz', 'db_1']);
    expect(new Set(names.slice(5))).toEqual(new Set(['web-2', 'Web-2']));
    // The two spellings of web-2 are one value: the uuid (the next key) orders them.
    const ids = asc.body.servers.slice(5).map((s: { id: string }) => s.id);
    expect(ids).toEqual([...ids].sort());
  });
});
