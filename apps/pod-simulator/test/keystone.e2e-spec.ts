// The simulated Keystone over real sockets: issue, validate, re-scope, expire, catalog.
import { SimClient, TestSimulator, startTestSimulator } from '../src/testing/sim-client';

const passwordAuth = (name: string, password: string, project?: string) => ({
  auth: {
    identity: { methods: ['password'], password: { user: { name, domain: { name: 'Default' }, password } } },
    ...(project ? { scope: { project: { name: project, domain: { id: 'default' } } } } : {}),
  },
});

describe('simulated Keystone v3', () => {
  let t: TestSimulator;
  let anonymous: SimClient;

  beforeAll(async () => {
    t = await startTestSimulator({ pods: 2, tokenTtlSeconds: 60, gatewayUrl: 'http://gw.example:19999' });
    anonymous = new SimClient(t.sim.keystoneUrl);
  });
  afterAll(() => t.stop());

  async function login(name: string, password: string, project?: string) {
    const response = await anonymous.post('/v3/auth/tokens', passwordAuth(name, password, project));
    return { response, token: response.headers.get('x-subject-token') ?? '' };
  }

  it('issues a scoped token with user, project, roles, dates and a catalog', async () => {
    const { response, token } = await login('alice', 'alice-secret', 'tenant-a');
    expect(response.status).toBe(201);
    expect(token).toMatch(/^gAAAAA/);
    const body = response.body.token;
    expect(body.methods).toEqual(['password']);
    expect(body.user.name).toBe('alice');
    expect(body.project).toEqual({ id: t.projectId('tenant-a'), name: 'tenant-a', domain: { id: 'default', name: 'Default' } });
    expect(body.roles.map((r: { name: string }) => r.name).sort()).toEqual(['member', 'reader']);
    expect(Date.parse(body.expires_at) - Date.parse(body.issued_at)).toBe(60_000);
    expect(body.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    const compute = body.catalog.find((s: { type: string }) => s.type === 'compute');
    const regions = compute.endpoints
      .filter((e: { interface: string }) => e.interface === 'public')
      .map((e: { region: string; url: string }) => `${e.region} ${e.url}`);
    expect(regions).toEqual([
      'RegionOne http://gw.example:19999/compute/v2.1',
      `Pod1 ${t.sim.pods[0]?.computeUrl}`,
      `Pod2 ${t.sim.pods[1]?.computeUrl}`,
    ]);
    const volume = body.catalog.find((s: { type: string }) => s.type === 'volumev3');
    expect(volume.endpoints[0].url).toBe(`http://gw.example:19999/volume/v3/${t.projectId('tenant-a')}`);
    const identityRegions = new Set(
      body.catalog.find((s: { type: string }) => s.type === 'identity').endpoints.map((e: { region: string }) => e.region),
    );
    expect([...identityRegions]).toEqual(['RegionOne', 'Pod1', 'Pod2']);
  });

  it('gives admin the implied member and reader roles', async () => {
    const { response } = await login('admin', 'admin-secret', 'admin');
    expect(response.body.token.roles.map((r: { name: string }) => r.name).sort()).toEqual(['admin', 'member', 'reader']);
  });

  it('scopes an unscoped request to the default project', async () => {
    const { response } = await login('bob', 'bob-secret');
    expect(response.body.token.project.name).toBe('tenant-b');
  });

  it('answers 401 with the Keystone envelope for a wrong password or a project without roles', async () => {
    const wrong = await login('alice', 'nope', 'tenant-a');
    expect(wrong.response.status).toBe(401);
    expect(wrong.response.body).toEqual({
      error: { code: 401, message: 'The request you have made requires authentication.', title: 'Unauthorized' },
    });
    expect((await login('alice', 'alice-secret', 'tenant-b')).response.status).toBe(401);
  });

  it('validates tokens: 200 (GET and HEAD), 404 for an unknown subject, 401 without a caller token', async () => {
    const { token } = await login('alice', 'alice-secret', 'tenant-a');
    const validator = new SimClient(t.sim.keystoneUrl, t.sim.issueToken('admin'));
    const ok = await validator.get('/v3/auth/tokens', { headers: { 'x-subject-token': token } });
    expect(ok.status).toBe(200);
    expect(ok.body.token.user.name).toBe('alice');
    expect(
      (await validator.request('HEAD', '/v3/auth/tokens', undefined, { headers: { 'x-subject-token': token } })).status,
    ).toBe(200);
    const missing = await validator.get('/v3/auth/tokens', { headers: { 'x-subject-token': 'gAAAAAnope' } });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('Could not find token: gAAAAAnope.');
    expect((await anonymous.get('/v3/auth/tokens', { headers: { 'x-subject-token': token } })).status).toBe(401);
  });

  it('re-scopes with the token method, keeping the original expiry', async () => {
    const { response, token } = await login('admin', 'admin-secret', 'admin');
    t.advance(5_000);
    const rescope = (scope: object) =>
      anonymous.post('/v3/auth/tokens', { auth: { identity: { methods: ['token'], token: { id: token } }, scope } });
    const rescoped = await rescope({ project: { id: t.projectId('admin') } });
    expect(rescoped.status).toBe(201);
    expect(rescoped.body.token.project.name).toBe('admin');
    expect(rescoped.body.token.methods).toEqual(['token']);
    expect(rescoped.body.token.expires_at).toBe(response.body.token.expires_at);
    expect(rescoped.body.token.audit_ids).toHaveLength(2);
    // admin has no role on "service": Keystone refuses the scope with a bare 401.
    expect((await rescope({ project: { name: 'service', domain: { name: 'Default' } } })).status).toBe(401);
  });

  it('expires tokens after the TTL, for Keystone and for every pod API', async () => {
    const { token } = await login('alice', 'alice-secret', 'tenant-a');
    const nova = new SimClient(t.pod.computeUrl, token);
    expect((await nova.get('/servers')).status).toBe(200);
    t.advance(61_000);
    const expired = await nova.get('/servers');
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toBe(`Keystone uri="${t.sim.keystoneUrl}"`);
    const validator = new SimClient(t.sim.keystoneUrl, t.sim.issueToken('admin'));
    expect((await validator.get('/v3/auth/tokens', { headers: { 'x-subject-token': token } })).status).toBe(404);
  });

  it('revokes tokens with DELETE', async () => {
    const { token } = await login('bob', 'bob-secret', 'tenant-b');
    const self = new SimClient(t.sim.keystoneUrl, token);
    expect((await self.request('DELETE', '/v3/auth/tokens', undefined, { headers: { 'x-subject-token': token } })).status).toBe(
      204,
    );
    expect((await new SimClient(t.pod.computeUrl, token).get('/flavors')).status).toBe(401);
  });

  it('serves version documents and region/service/endpoint lists (admin only for the latter two)', async () => {
    const root = await anonymous.get('/');
    expect(root.status).toBe(300);
    expect(root.body.versions.values[0].id).toBe('v3.14');
    expect((await anonymous.get('/v3')).body.version.links[0].href).toBe(`${t.sim.keystoneUrl}/v3/`);
    const alice = new SimClient(t.sim.keystoneUrl, t.sim.issueToken('alice'));
    expect((await alice.get('/v3/regions')).body.regions.map((r: { id: string }) => r.id)).toEqual(['RegionOne', 'Pod1', 'Pod2']);
    const forbidden = await alice.get('/v3/endpoints');
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.message).toBe('You are not authorized to perform the requested action: identity:list_endpoints.');
    const admin = new SimClient(t.sim.keystoneUrl, t.sim.issueToken('admin'));
    const endpoints = (await admin.get('/v3/endpoints')).body.endpoints;
    expect(
      endpoints.some(
        (e: { region_id: string; url: string }) =>
          e.region_id === 'Pod2' && e.url === `${t.sim.pods[1]?.url}/volume/v3/%(project_id)s`,
      ),
    ).toBe(true);
    expect((await admin.get('/v3/services?type=compute')).body.services.map((s: { name: string }) => s.name)).toEqual(['nova']);
    const podEndpoints = await admin.get('/v3/endpoints?region_id=Pod1&interface=public');
    expect(podEndpoints.body.endpoints.map((e: { url: string }) => e.url)).toContain(`${t.sim.pods[0]?.url}/network`);
    expect(podEndpoints.body.endpoints.every((e: { region_id: string }) => e.region_id === 'Pod1')).toBe(true);
    expect((await admin.get('/v3/services')).body.services.map((s: { type: string }) => s.type)).toEqual([
      'identity',
      'compute',
      'volumev3',
      'block-storage',
      'network',
      'image',
      'podgate',
    ]);
    const gateway = await admin.get('/v3/endpoints?region_id=RegionOne&interface=public');
    expect(gateway.body.endpoints.map((e: { url: string }) => e.url)).toContain('http://gw.example:19999');
  });

  it('says in every response that it is a test double', async () => {
    expect((await anonymous.get('/v3')).headers.get('server')).toContain('test double');
    expect((await anonymous.get('/v3')).headers.get('x-openstack-request-id')).toMatch(/^req-[0-9a-f-]{36}$/);
  });
});
