// GET /servers and /servers/detail merged over three simulated pods (real sockets).
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { eventually, prepareServers, serverBody, V } from './testing/servers-e2e';

type Server = Record<string, unknown> & { id: string; name: string; created: string };

describe('server lists merged over pods (real sockets)', () => {
  let h: ComputeHarness;
  /** Every server of alice, as the pods hold them. */
  let all: string[];
  const PER_POD = 40;
  /** Every request the pods answered (the simulator's log lines: `<pod> GET <url> -> <status> ...`). */
  const podLog: string[] = [];
  const podListCalls = () => podLog.filter((line) => / GET \S*\/servers\/detail\?/.test(line)).length;

  beforeAll(async () => {
    h = await startComputeHarness({
      pods: [{ az: 'az1' }, { az: 'az2', podAz: 'nova' }, { az: 'az3' }],
      env: { PODGATE_POD_LIST_TIMEOUT_MS: '800' },
      simulator: { log: (line) => podLog.push(line) },
    });
    await prepareServers(h);
    for (const az of ['az1', 'az2', 'az3']) {
      await h
        .as('alice')
        .post('/compute/v2.1/servers', serverBody('vm', { availability_zone: az, min_count: PER_POD, max_count: PER_POD }))
        .set(...V('2.37'))
        .expect(202);
    }
    await h
      .as('bob')
      .post('/compute/v2.1/servers', serverBody('bobs', { availability_zone: 'az1' }))
      .set(...V('2.37'))
      .expect(202);
    all = h.pods.flatMap((pod) =>
      [...pod.sim.state.nova.servers.values()].filter((s) => s.projectId === h.projectIdOf('tenant-a')).map((s) => s.id),
    );
    expect(all).toHaveLength(3 * PER_POD);
    // The tenant's pods are found through its bindings and routes (projections): wait until all three count.
    await eventually(async () => {
      const listed = await h.as('alice').get('/compute/v2.1/servers').expect(200);
      expect(listed.body.servers).toHaveLength(3 * PER_POD);
    });
  }, 120_000);
  afterAll(() => h?.close());

  const detail = async (query: string, version = '2.79'): Promise<{ servers: Server[]; next?: string }> => {
    const answer = await h
      .as('alice')
      .get(`/compute/v2.1/servers/detail${query}`)
      .set(...V(version))
      .expect(200);
    return { servers: answer.body.servers, next: answer.body.servers_links?.[0]?.href };
  };

  /** Follows the next links from `first` to the end. */
  async function walk(first: string): Promise<Server[]> {
    const seen: Server[] = [];
    let query: string | undefined = first;
    while (query !== undefined) {
      const page = await detail(query);
      expect(page.servers.length).toBeLessThanOrEqual(7);
      seen.push(...page.servers);
      query = page.next === undefined ? undefined : page.next.slice(page.next.indexOf('?'));
      if (page.next) expect(page.next.startsWith(`${h.url}/compute/v2.1/servers/detail?`)).toBe(true);
    }
    return seen;
  }

  it('pages 120 servers of three pods by 7 with next links: each once, newest first', async () => {
    const seen = await walk('?limit=7');
    expect(seen.map((s) => s.id).sort()).toEqual([...all].sort());
    const created = seen.map((s) => s.created);
    expect(created).toEqual([...created].sort().reverse());
    // Each server with the user-visible AZ of its pod, never the provisioning tag.
    expect(new Set(seen.map((s) => s['OS-EXT-AZ:availability_zone']))).toEqual(new Set(['az1', 'az2', 'az3']));
    expect(seen.every((s) => !('podgate:provisioning_id' in (s.metadata as object)))).toBe(true);
  });

  it('pages by the client’s sort key across pods (display_name asc: vm-1 of each pod, then vm-10...)', async () => {
    const seen = await walk('?limit=7&sort_key=display_name&sort_dir=asc');
    expect(seen.slice(0, 3).map((s) => s['OS-EXT-AZ:availability_zone'])).toEqual(['az1', 'az2', 'az3']);
    expect(seen).toHaveLength(all.length);
    const names = seen.map((s) => s.name);
    expect(names).toEqual([...names].sort());
    expect(new Set(seen.map((s) => s.id)).size).toBe(all.length);
  });

  // A pod's next link is followed: the walks above skip other pods' servers before the marker page
  // by page, and would lose servers if a full page were taken for a pod's last.
  it('asks each pod once when its answer has no next link (a pod that ran out costs no extra round trip)', async () => {
    podLog.length = 0;
    const { servers, next } = await detail('?limit=1000');
    expect(servers).toHaveLength(3 * PER_POD);
    expect(next).toBeUndefined();
    expect(podListCalls()).toBe(3);
  });

  it('links a next page whenever a page is full, as Nova, and the page after the last is empty', async () => {
    const total = 3 * PER_POD;
    const full = await detail(`?limit=${total}`);
    expect(full.servers).toHaveLength(total);
    expect(full.next).toBe(`${h.url}/compute/v2.1/servers/detail?limit=${total}&marker=${full.servers[total - 1].id}`);
    const after = await detail(full.next?.slice(full.next.indexOf('?')) ?? '');
    expect(after).toEqual({ servers: [], next: undefined });
    expect((await detail(`?limit=${total + 1}`)).next).toBeUndefined();
  });

  it('answers /servers in Nova’s short shape with podgate’s links', async () => {
    const page = await h.as('alice').get('/compute/v2.1/servers?limit=2').expect(200);
    expect(Object.keys(page.body.servers[0]).sort()).toEqual(['id', 'links', 'name']);
    expect(page.body.servers[0].links[0].href).toBe(`${h.url}/compute/v2.1/servers/${page.body.servers[0].id}`);
    expect(page.body.servers_links[0].href).toBe(`${h.url}/compute/v2.1/servers?limit=2&marker=${page.body.servers[1].id}`);
  });

  it('filters by the user-visible AZ', async () => {
    const { servers } = await detail('?availability_zone=az2');
    expect(servers).toHaveLength(PER_POD);
    expect(servers.every((s) => s['OS-EXT-AZ:availability_zone'] === 'az2')).toBe(true);
  });

  it('shows a tenant only its own servers; all_tenants is for admins', async () => {
    const bobs = await h.as('bob').get('/compute/v2.1/servers').expect(200);
    expect(bobs.body.servers.map((s: Server) => s.name)).toEqual(['bobs']);
    const refused = await h.as('alice').get('/compute/v2.1/servers?all_tenants=1').expect(403);
    expect(refused.body.forbidden.message).toBe("Policy doesn't allow compute:servers:all_tenants to be performed.");
    const everyone = await h.as('admin').get('/compute/v2.1/servers?all_tenants=1').expect(200);
    expect(everyone.body.servers).toHaveLength(3 * PER_POD + 1);
  });

  it('refuses an unknown marker as Nova does', async () => {
    const answer = await h.as('alice').get('/compute/v2.1/servers?marker=5e6f7a8b-0000-4000-8000-000000000000').expect(400);
    expect(answer.body.badRequest.message).toBe('marker [5e6f7a8b-0000-4000-8000-000000000000] not found');
  });

  it('leaves a down pod out (200), and from 2.69 shows its servers as UNKNOWN first', async () => {
    await h.pods[2].sim.down();
    try {
      const old = await detail('', '2.68');
      expect(old.servers).toHaveLength(2 * PER_POD);
      const minimal = await h
        .as('alice')
        .get('/compute/v2.1/servers')
        .set(...V('2.69'))
        .expect(200);
      const unknown = minimal.body.servers.slice(0, PER_POD);
      expect(unknown.map((s: Server) => s.id).sort()).toEqual([...h.pods[2].sim.state.nova.servers.keys()].sort());
      expect(unknown.every((s: Server) => s.status === 'UNKNOWN' && Object.keys(s).sort().join() === 'id,links,status')).toBe(
        true,
      );
      expect(minimal.body.servers).toHaveLength(3 * PER_POD);
      const full = await detail('', '2.69');
      expect(full.servers[0]).toEqual({
        id: expect.any(String),
        status: 'UNKNOWN',
        tenant_id: h.projectIdOf('tenant-a'),
        created: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        links: expect.any(Array),
      });
      // Paging, sorting or filtering: Nova skips down cells instead.
      expect((await detail('?limit=1000', '2.69')).servers).toHaveLength(2 * PER_POD);
    } finally {
      await h.pods[2].sim.up();
    }
  });

  it('leaves a slow pod and an erroring pod out within the list timeout', async () => {
    h.pods[0].sim.faults.update({ latencyMs: 3000 });
    h.pods[1].sim.faults.update({ errorRate: 1, errorStatus: 500 });
    try {
      const started = Date.now();
      const { servers } = await detail('?limit=1000');
      expect(Date.now() - started).toBeLessThan(2500);
      expect(servers).toHaveLength(PER_POD);
      expect(servers.every((s) => s['OS-EXT-AZ:availability_zone'] === 'az3')).toBe(true);
    } finally {
      h.pods[0].sim.faults.update({ latencyMs: 0 });
      h.pods[1].sim.faults.update({ errorRate: 0 });
    }
  });
});
