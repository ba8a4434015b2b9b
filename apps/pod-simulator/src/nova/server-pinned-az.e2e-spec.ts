// `pinned_availability_zone` (compute 2.96, Nova 2024.1): the AZ in the server's request spec, the
// one asked at create (or at unshelve), null when none was. Over real sockets.
import { DELAYS, type SimClient, type TestSimulator, activeServer, startTestSimulator } from '../testing/sim-client';

describe('simulated Nova: pinned_availability_zone (2.96)', () => {
  let t: TestSimulator;

  beforeAll(async () => {
    t = await startTestSimulator();
  });
  afterAll(() => t.stop());

  const at = (client: SimClient, version: string) => client.with({ headers: { 'openstack-api-version': `compute ${version}` } });
  const show = async (client: SimClient, id: string) => (await client.get(`/servers/${id}`)).body.server;
  const listed = async (client: SimClient, id: string) =>
    (await client.get('/servers/detail')).body.servers.find((s: { id: string }) => s.id === id);

  it('shows the AZ asked at create from 2.96 on, in show and list detail, and not before', async () => {
    const alice = t.nova.alice;
    const id = await activeServer(t, alice, 'pinned', { availability_zone: t.pod.az });
    expect((await show(at(alice, '2.96'), id)).pinned_availability_zone).toBe(t.pod.az);
    expect((await listed(at(alice, '2.96'), id)).pinned_availability_zone).toBe(t.pod.az);
    expect((await show(at(alice, '2.96'), id))['OS-EXT-AZ:availability_zone']).toBe(t.pod.az);
    expect(Object.keys(await show(at(alice, '2.95'), id))).not.toContain('pinned_availability_zone');
    expect(Object.keys(await listed(at(alice, '2.95'), id))).not.toContain('pinned_availability_zone');
  });

  it('is null for a server created without an AZ, though it runs in one', async () => {
    const id = await activeServer(t, t.nova.alice, 'unpinned');
    const server = await show(at(t.nova.alice, '2.96'), id);
    expect([server.pinned_availability_zone, server['OS-EXT-AZ:availability_zone']]).toEqual([null, t.pod.az]);
  });

  it('takes only the AZ of an admin’s az:host', async () => {
    const host = t.pod.state.nova.hosts[0].name;
    const id = await activeServer(t, t.nova.admin, 'on-a-host', { availability_zone: `${t.pod.az}:${host}` });
    expect((await show(at(t.nova.admin, '2.96'), id)).pinned_availability_zone).toBe(t.pod.az);
  });

  it('is in the update and rebuild answers (the full view since 2.75)', async () => {
    const alice = at(t.nova.alice, '2.96');
    const id = await activeServer(t, t.nova.alice, 'changed', { availability_zone: t.pod.az });
    const updated = await alice.put(`/servers/${id}`, { server: { name: 'renamed' } });
    expect([updated.status, updated.body.server.pinned_availability_zone]).toEqual([200, t.pod.az]);
    const image = (await show(alice, id)).image.id;
    const rebuilt = await alice.post(`/servers/${id}/action`, { rebuild: { imageRef: image } });
    expect([rebuilt.status, rebuilt.body.server.pinned_availability_zone]).toEqual([202, t.pod.az]);
  });

  it('follows unshelve: an AZ given pins the server to it (2.77+), null unpins it (2.91+)', async () => {
    const alice = at(t.nova.alice, '2.96');
    const id = await activeServer(t, t.nova.alice, 'shelved', { availability_zone: t.pod.az });
    const offload = async () => {
      expect((await alice.post(`/servers/${id}/action`, { shelve: null })).status).toBe(202);
      t.advance(DELAYS.actionMs * 2);
      expect((await show(alice, id)).status).toBe('SHELVED_OFFLOADED');
    };
    await offload();
    expect((await alice.post(`/servers/${id}/action`, { unshelve: { availability_zone: null } })).status).toBe(202);
    expect((await show(alice, id)).pinned_availability_zone).toBeNull();
    t.advance(DELAYS.actionMs);
    await offload();
    expect((await alice.post(`/servers/${id}/action`, { unshelve: { availability_zone: t.pod.az } })).status).toBe(202);
    expect((await show(alice, id)).pinned_availability_zone).toBe(t.pod.az);
    t.advance(DELAYS.actionMs);
    await offload();
    expect((await alice.post(`/servers/${id}/action`, { unshelve: null })).status).toBe(202);
    expect((await show(alice, id)).pinned_availability_zone).toBe(t.pod.az); // no key: the pin stays
  });
});
