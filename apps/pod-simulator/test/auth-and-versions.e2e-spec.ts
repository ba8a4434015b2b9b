// Token checks in front of every pod API, project ownership, and microversion negotiation.
import { SimClient, TestSimulator, activeServer, startTestSimulator } from '../src/testing/sim-client';

const KEYSTONE_401 = {
  error: { code: 401, message: 'The request you have made requires authentication.', title: 'Unauthorized' },
};

describe('pod API authentication and ownership', () => {
  let t: TestSimulator;

  beforeAll(async () => {
    t = await startTestSimulator({ pods: [{ computeMaxVersion: '2.79', volumeMaxVersion: '3.50' }] });
  });
  afterAll(() => t.stop());

  it.each([
    ['compute', '/compute/v2.1/servers'],
    ['volume', '/volume/v3/PROJECT/volumes'],
    ['network', '/network/v2.0/networks'],
    ['image', '/image/v2/images'],
  ])("%s answers 401 without a token and with a bad one, in keystonemiddleware's envelope", async (_name, path) => {
    const url = path.replace('PROJECT', t.projectId('tenant-a'));
    const none = await new SimClient(t.pod.url).get(url);
    expect([none.status, none.body]).toEqual([401, KEYSTONE_401]);
    expect(none.headers.get('www-authenticate')).toBe(`Keystone uri="${t.sim.keystoneUrl}"`);
    expect((await new SimClient(t.pod.url, 'gAAAAAforged').get(url)).status).toBe(401);
  });

  it('serves version documents without a token', async () => {
    const anonymous = new SimClient(t.pod.url);
    const compute = await anonymous.get('/compute/v2.1');
    expect(compute.body.version).toMatchObject({ id: 'v2.1', status: 'CURRENT', version: '2.79', min_version: '2.1' });
    expect((await anonymous.get('/compute/')).body.versions[0].links[0].href).toBe(`${t.pod.url}/compute/v2.1/`);
    const volume = await anonymous.get('/volume/');
    expect([volume.status, volume.body.versions[0].version]).toEqual([300, '3.50']);
    expect((await anonymous.get('/network/')).body.versions[0].id).toBe('v2.0');
  });

  it("hides another project's server behind 404 (as Nova does), admin sees it", async () => {
    const id = await activeServer(t, t.nova.alice, 'private');
    const asBob = await t.nova.bob.get(`/servers/${id}`);
    expect([asBob.status, asBob.body.itemNotFound.message]).toEqual([404, `Instance ${id} could not be found.`]);
    expect((await t.nova.bob.post(`/servers/${id}/action`, { 'os-stop': null })).status).toBe(404);
    expect((await t.nova.bob.delete(`/servers/${id}`)).status).toBe(404);
    expect((await t.nova.admin.get(`/servers/${id}`)).status).toBe(200);
  });

  it("hides another project's volume and refuses a URL project that is not the token's", async () => {
    const created = await t.cinder.alice.post('/volumes', { volume: { size: 1, name: 'a-vol' } });
    const id = created.body.volume.id;
    const bobInOwnProject = await t.cinder.bob.get(`/volumes/${id}`);
    expect([bobInOwnProject.status, bobInOwnProject.body.itemNotFound.message]).toEqual([
      404,
      `Volume ${id} could not be found.`,
    ]);
    const bobInAlicesUrl = await t.cinder.bob
      .with({ baseUrl: `${t.pod.url}/volume/v3/${t.projectId('tenant-a')}` })
      .get(`/volumes/${id}`);
    expect(bobInAlicesUrl.status).toBe(400);
    expect(bobInAlicesUrl.body.badRequest.message).toContain("doesn't match Context's project_id");
  });
});

describe('pod API microversions', () => {
  let t: TestSimulator;

  beforeAll(async () => {
    t = await startTestSimulator({ pods: [{ computeMaxVersion: '2.79', volumeMaxVersion: '3.50' }] });
  });
  afterAll(() => t.stop());

  const nova = (version?: string, legacy = false) => {
    const headers: Record<string, string> =
      version === undefined
        ? {}
        : legacy
          ? { 'x-openstack-nova-api-version': version }
          : { 'openstack-api-version': `compute ${version}` };
    return t.nova.alice.with({ headers: { 'openstack-api-version': '', ...headers } });
  };

  it('echoes the negotiated version in both headers with Vary', async () => {
    const response = await nova('2.37').get('/flavors');
    expect(response.headers.get('openstack-api-version')).toBe('compute 2.37');
    expect(response.headers.get('x-openstack-nova-api-version')).toBe('2.37');
    expect(response.headers.get('vary')).toBe('OpenStack-API-Version, X-OpenStack-Nova-API-Version');
    expect((await nova('2.53', true).get('/flavors')).headers.get('openstack-api-version')).toBe('compute 2.53');
    expect((await nova().get('/flavors')).headers.get('x-openstack-nova-api-version')).toBe('2.1');
    expect((await nova('latest').get('/flavors')).headers.get('x-openstack-nova-api-version')).toBe('2.79');
  });

  it("answers 406 above this pod's maximum and 400 for a malformed version", async () => {
    const tooHigh = await nova('2.80').get('/flavors');
    expect(tooHigh.status).toBe(406);
    expect(tooHigh.body).toEqual({
      computeFault: { code: 406, message: 'Version 2.80 is not supported by the API. Minimum is 2.1 and maximum is 2.79.' },
    });
    expect((await nova('two').get('/flavors')).status).toBe(400);
    const volume = await t.cinder.alice.with({ headers: { 'openstack-api-version': 'volume 3.60' } }).get('/volumes');
    expect([volume.status, volume.body.computeFault.message]).toEqual([
      406,
      'Version 3.60 is not supported by the API. Minimum is 3.0 and maximum is 3.50.',
    ]);
    const ok = await t.cinder.alice.with({ headers: { 'openstack-api-version': 'volume 3.27' } }).get('/volumes');
    expect([ok.status, ok.headers.get('openstack-api-version'), ok.headers.get('vary')]).toEqual([
      200,
      'volume 3.27',
      'OpenStack-API-Version',
    ]);
  });

  it('shapes responses by version: flavor object at 2.47, locked at 2.9, tags at 2.26', async () => {
    const id = await activeServer(t, t.nova.alice, 'versioned');
    const v21 = (await nova('2.1').get(`/servers/${id}`)).body.server;
    expect(v21.flavor).toEqual({ id: '1', links: [{ rel: 'bookmark', href: `${t.pod.url}/compute/flavors/1` }] });
    expect(v21.locked).toBeUndefined();
    expect(v21.tags).toBeUndefined();
    const v247 = (await nova('2.47').get(`/servers/${id}`)).body.server;
    expect(v247.flavor.original_name).toBe('m1.tiny');
    expect([v247.locked, v247.tags, v247.description]).toEqual([false, [], null]);
    expect((await nova('2.25').get(`/servers/${id}/tags`)).status).toBe(404);
    expect((await nova('2.26').get(`/servers/${id}/tags`)).body).toEqual({ tags: [] });
    const flavor = (await nova('2.1').get('/flavors/1')).body.flavor;
    expect(flavor.swap).toBe('');
    expect((await nova('2.75').get('/flavors/1')).body.flavor.swap).toBe(0);
  });
});
