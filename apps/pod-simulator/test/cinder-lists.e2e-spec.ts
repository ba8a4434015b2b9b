// The simulated Cinder's list extras over real sockets: GET /volumes/summary (3.12+, metadata
// 3.36+), with_count (3.45+) on volumes, snapshots and backups, and the `<name>_links` next links.
import { DELAYS, SimClient, TestSimulator, startTestSimulator } from '../src/testing/sim-client';

describe('simulated Cinder lists: summary, with_count, next links', () => {
  let t: TestSimulator;
  const ids: Record<string, string> = {};

  const at = (client: SimClient, version: string) => client.with({ headers: { 'openstack-api-version': `volume ${version}` } });
  const marker = (links: Array<{ href: string }>) => new URL(links[0]?.href ?? '').searchParams.get('marker');

  async function settle<T>(request: Promise<{ status: number; body: T }>): Promise<T> {
    const response = await request;
    expect(response.status).toBe(202);
    t.advance(DELAYS.volumeMs);
    return response.body;
  }

  beforeAll(async () => {
    t = await startTestSimulator();
    const volume = async (client: SimClient, name: string, size: number, metadata: Record<string, string>) =>
      (await settle(client.post('/volumes', { volume: { name, size, metadata } }))).volume.id as string;
    ids.gold = await volume(t.cinder.alice, 'gold', 1, { tier: 'gold', team: 'x' });
    ids.silver = await volume(t.cinder.alice, 'silver', 2, { tier: 'silver' });
    ids.gold2 = await volume(t.cinder.alice, 'gold2', 3, { tier: 'gold' });
    ids.bronze = await volume(t.cinder.bob, 'bronze', 5, { tier: 'bronze' });
  });
  afterAll(() => t.stop());

  describe('GET /volumes/summary', () => {
    it("sums the caller's volumes and lists each metadata key's distinct values (3.36+)", async () => {
      const summary = await t.cinder.alice.get('/volumes/summary');
      expect(summary.status).toBe(200);
      expect(summary.body).toEqual({
        'volume-summary': { total_size: 6, total_count: 3, metadata: { tier: ['gold', 'silver'], team: ['x'] } },
      });
    });

    it('ignores list filters and a non-admin all_tenants, as Cinder does', async () => {
      const filtered = await t.cinder.alice.get('/volumes/summary?status=error&name=gold&all_tenants=true');
      expect(filtered.body['volume-summary']).toMatchObject({ total_size: 6, total_count: 3 });
    });

    it("covers every project for an admin with all_tenants, only the admin's own project without", async () => {
      expect((await t.cinder.admin.get('/volumes/summary?all_tenants=1')).body).toEqual({
        'volume-summary': {
          total_size: 11,
          total_count: 4,
          metadata: { tier: ['gold', 'silver', 'bronze'], team: ['x'] },
        },
      });
      expect((await t.cinder.admin.get('/volumes/summary')).body).toEqual({
        'volume-summary': { total_size: 0, total_count: 0, metadata: {} },
      });
    });

    it('has no metadata before 3.36, exists from 3.12, and is a bare 404 below it', async () => {
      expect((await at(t.cinder.alice, '3.35').get('/volumes/summary')).body).toEqual({
        'volume-summary': { total_size: 6, total_count: 3 },
      });
      expect((await at(t.cinder.alice, '3.12').get('/volumes/summary')).status).toBe(200);
      const old = await at(t.cinder.alice, '3.11').get('/volumes/summary');
      expect([old.status, old.body]).toEqual([404, { itemNotFound: { code: 404, message: 'The resource could not be found.' } }]);
      expect((await t.cinder.alice.get(`/volumes/${ids.gold}`)).body.volume.name).toBe('gold');
    });
  });

  describe('volumes', () => {
    it('counts every match before limit and marker (3.45+); a counted short last page still links on', async () => {
      const first = await t.cinder.alice.get('/volumes?limit=2&with_count=true&sort=size:asc');
      expect([first.body.count, first.body.volumes.map((v: { name: string }) => v.name)]).toEqual([3, ['gold', 'silver']]);
      expect(marker(first.body.volumes_links)).toBe(ids.silver);
      const last = await t.cinder.alice.get(`/volumes?limit=2&with_count=true&sort=size:asc&marker=${ids.silver}`);
      expect([last.body.count, last.body.volumes.length, marker(last.body.volumes_links)]).toEqual([3, 1, ids.gold2]);
      const uncounted = await t.cinder.alice.get(`/volumes?limit=2&sort=size:asc&marker=${ids.silver}`);
      expect([uncounted.body.count, uncounted.body.volumes_links]).toEqual([undefined, undefined]);
    });

    it('counts with the filters, per project or all_tenants, and only when asked at 3.45+', async () => {
      expect(
        (await t.cinder.alice.get(`/volumes/detail?with_count=true&metadata=${encodeURIComponent('{"tier":"gold"}')}`)).body
          .count,
      ).toBe(2);
      const none = await t.cinder.alice.get('/volumes?with_count=true&status=error');
      expect([none.body.count, none.body.volumes, none.body.volumes_links]).toEqual([0, [], undefined]);
      expect((await t.cinder.admin.get('/volumes?with_count=true&all_tenants=true')).body.count).toBe(4);
      expect((await t.cinder.alice.get('/volumes?with_count=false')).body).not.toHaveProperty('count');
      expect((await at(t.cinder.alice, '3.44').get('/volumes?with_count=true')).body).not.toHaveProperty('count');
      expect((await t.cinder.alice.get('/volumes?with_count=maybe')).status).toBe(400);
    });
  });

  describe('snapshots', () => {
    beforeAll(async () => {
      const snapshot = (client: SimClient, volumeId: string) =>
        settle(client.post('/snapshots', { snapshot: { volume_id: volumeId } }));
      await snapshot(t.cinder.alice, ids.gold as string);
      await snapshot(t.cinder.alice, ids.gold as string);
      await snapshot(t.cinder.alice, ids.silver as string);
      await snapshot(t.cinder.bob, ids.bronze as string);
    });

    it('counts the matching snapshots (3.45+) beside snapshots_links', async () => {
      const page = await t.cinder.alice.get(`/snapshots?with_count=true&volume_id=${ids.gold}&limit=1`);
      expect([page.body.count, page.body.snapshots.length]).toEqual([2, 1]);
      expect(marker(page.body.snapshots_links)).toBe(page.body.snapshots[0].id);
      expect((await t.cinder.alice.get('/snapshots/detail?with_count=true')).body.count).toBe(3);
      expect((await t.cinder.admin.get('/snapshots?with_count=true&all_tenants=true')).body.count).toBe(4);
      expect((await at(t.cinder.alice, '3.44').get('/snapshots?with_count=true')).body).not.toHaveProperty('count');
    });
  });

  describe('backups', () => {
    beforeAll(async () => {
      await settle(t.cinder.alice.post('/backups', { backup: { volume_id: ids.gold, name: 'b-gold' } }));
      await settle(t.cinder.alice.post('/backups', { backup: { volume_id: ids.silver, name: 'b-silver' } }));
      await settle(t.cinder.bob.post('/backups', { backup: { volume_id: ids.bronze, name: 'b-bronze' } }));
    });

    it('adds backups_links when a page is full, keeping the other parameters', async () => {
      const page = await t.cinder.alice.get('/backups/detail?limit=1&sort=name:asc');
      expect(page.body.backups.map((b: { name: string }) => b.name)).toEqual(['b-gold']);
      const next = new URL(page.body.backups_links[0].href);
      expect([next.pathname.endsWith('/backups/detail'), next.searchParams.get('limit'), next.searchParams.get('sort')]).toEqual([
        true,
        '1',
        'name:asc',
      ]);
      expect(marker(page.body.backups_links)).toBe(page.body.backups[0].id);
      expect((await t.cinder.alice.get('/backups?limit=2')).body.backups_links).toHaveLength(1);
      expect((await t.cinder.alice.get('/backups?limit=3')).body).not.toHaveProperty('backups_links');
    });

    it('counts the matching backups (3.45+)', async () => {
      const counted = await t.cinder.alice.get('/backups?with_count=true&limit=1');
      expect([counted.body.count, counted.body.backups.length, counted.body.backups_links.length]).toEqual([2, 1, 1]);
      expect((await t.cinder.alice.get(`/backups?with_count=true&volume_id=${ids.silver}`)).body.count).toBe(1);
      expect((await t.cinder.admin.get('/backups/detail?with_count=true&all_tenants=true')).body.count).toBe(3);
      expect((await at(t.cinder.alice, '3.44').get('/backups?with_count=true')).body).not.toHaveProperty('count');
    });
  });
});
