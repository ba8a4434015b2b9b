// Who may see a volume (real sockets): its tenant and admins; another tenant meets Cinder's 404
// everywhere and never sees it listed; no token is a 401.
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { createVolume, type Volume, VV } from './testing/volumes-e2e';

describe('volume access (real sockets)', () => {
  let h: ComputeHarness;
  let volume: Volume;

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1' }, { az: 'az2' }] });
    volume = await createVolume(h, 'alice', { name: 'alices', availability_zone: 'az1', metadata: { k: 'v' } });
    await createVolume(h, 'bob', { name: 'bobs', availability_zone: 'az2' });
  }, 120_000);
  afterAll(() => h?.close());

  it('answers another tenant Cinder’s 404 on every endpoint of the volume, and changes nothing', async () => {
    const bob = h.as('bob');
    const base = `/volume/v3/volumes/${volume.id}`;
    const notFound = { itemNotFound: { code: 404, message: `Volume ${volume.id} could not be found.` } };
    expect((await bob.get(base).expect(404)).body).toEqual(notFound);
    expect((await bob.put(base, { volume: { name: 'mine' } }).expect(404)).body).toEqual(notFound);
    expect((await bob.post(`${base}/action`, { 'os-extend': { new_size: 5 } }).expect(404)).body).toEqual(notFound);
    await bob.get(`${base}/metadata`).expect(404);
    await bob.get(`${base}/metadata/k`).expect(404);
    await bob.put(`${base}/metadata/k`, { meta: { k: 'x' } }).expect(404);
    await bob.delete(`${base}/metadata/k`).expect(404);
    await bob.delete(base).expect(404);
    expect(h.pods[0].sim.state.cinder.volumes.get(volume.id)).toMatchObject({ name: 'alices', size: 1, metadata: { k: 'v' } });
    expect((await h.store.readStream(`volume-${volume.id}`)).map((event) => event.type)).toEqual([
      'VolumeCreated',
      'ResourceRouted',
    ]);
  });

  it('leaves another tenant’s volumes out of lists, all_tenants too unless admin', async () => {
    for (const path of ['/volume/v3/volumes', '/volume/v3/volumes/detail', '/volume/v3/volumes?all_tenants=1']) {
      const names = (await h.as('bob').get(path).expect(200)).body.volumes.map((v: Volume) => v.name);
      expect(names).toEqual(['bobs']);
    }
    const admin = await h.as('admin').get('/volume/v3/volumes/detail?all_tenants=1').expect(200);
    expect(admin.body.volumes.map((v: Volume) => v.name).sort()).toEqual(['alices', 'bobs']);
    expect((await h.as('admin').get('/volume/v3/volumes').expect(200)).body.volumes).toEqual([]);
  });

  it('lets an admin show any tenant’s volume and its metadata', async () => {
    const shown = await h.as('admin').get(`/volume/v3/volumes/${volume.id}`).expect(200);
    expect(shown.body.volume).toMatchObject({ id: volume.id, availability_zone: 'az1' });
    await h.as('admin').get(`/volume/v3/volumes/${volume.id}/metadata`).expect(200);
  });

  it('needs a token for every endpoint (401), and the project in the URL must be the token’s', async () => {
    for (const path of ['/volume/v3/volumes', '/volume/v3/volumes/detail', `/volume/v3/volumes/${volume.id}`])
      await h.as().get(path).expect(401);
    await h
      .as()
      .post('/volume/v3/volumes', { volume: { size: 1 } })
      .expect(401);
    await h.as().post(`/volume/v3/volumes/${volume.id}/action`, { 'os-reserve': null }).expect(401);
    await h.as().delete(`/volume/v3/volumes/${volume.id}`).expect(401);
    await h.withToken('not-a-token').get('/volume/v3/volumes').expect(401);
    const alice = h.projectIdOf('tenant-a');
    await h
      .as('alice')
      .get(`/volume/v3/${alice}/volumes/${volume.id}`)
      .set(...VV('3.0'))
      .expect(200);
    const other = await h.as('bob').get(`/volume/v3/${alice}/volumes/${volume.id}`).expect(400);
    expect(other.body.badRequest.message).toBe('Malformed request url');
  });
});
