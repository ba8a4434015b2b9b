// Connecting like the openstack CLI: password or token authentication against the pod simulator's
// Keystone (a TEST DOUBLE), the gateway found in its catalog, answered by the admin API TEST DOUBLE.
import { type SimulatorHandle, startSimulator } from '../../pod-simulator/src/simulator';
import { type AdminApiDouble, startAdminApiDouble } from './testing/admin-api-double';
import { podgate } from './testing/memory-io';

const PASSWORD = 'admin-secret';

describe('podgate connecting through Keystone (pod simulator) to the admin API test double', () => {
  let sim: SimulatorHandle;
  let publicApi: AdminApiDouble;
  let internalApi: AdminApiDouble;
  let env: NodeJS.ProcessEnv;
  const acceptKeystoneTokens = { acceptToken: (token: string) => sim.keystone.tokens.validate(token) !== undefined };

  beforeAll(async () => {
    sim = await startSimulator({ pods: 1, basePort: 0 });
    publicApi = await startAdminApiDouble(acceptKeystoneTokens);
    internalApi = await startAdminApiDouble(acceptKeystoneTokens);
    // Our own podgate service entry (whatever the simulator registers), with a distinct internal endpoint.
    const endpoint = (iface: 'public' | 'internal', url: string) => ({
      ...{ id: `podgate-${iface}`, interface: iface, region: 'RegionOne', url, serviceId: 'podgate' },
    });
    sim.keystone.catalog = sim.keystone.catalog.filter((service) => service.type !== 'podgate');
    sim.keystone.catalog.push({
      ...{ id: 'podgate', type: 'podgate', name: 'podgate', description: 'podgate admin API (test double)' },
      endpoints: [endpoint('public', `${publicApi.url}/v1.0`), endpoint('internal', internalApi.url)],
    });
  });
  afterAll(async () => {
    await Promise.all([publicApi.stop(), internalApi.stop()]);
    await sim.stop();
  });
  beforeEach(() => {
    publicApi.requests.length = 0;
    internalApi.requests.length = 0;
    env = { OS_AUTH_URL: sim.authUrl, OS_USERNAME: 'admin', OS_PASSWORD: PASSWORD, OS_PROJECT_NAME: 'admin' };
  });

  it('gets a project-scoped token with the password and finds the public podgate endpoint in the catalog', async () => {
    const result = await podgate(env, 'pods', 'list', '-f', 'json');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.json()).toEqual([]);
    const token = publicApi.requests[0].headers['x-auth-token'] as string;
    expect(sim.keystone.tokens.validate(token)?.project?.name).toBe('admin');
    expect(publicApi.requests[0].url).toBe('/v1.0/pods');
    expect(internalApi.requests).toEqual([]);
  });

  it('takes the interface from OS_INTERFACE and the auth URL without /v3', async () => {
    env = { ...env, OS_INTERFACE: 'internalURL', OS_AUTH_URL: sim.keystoneUrl };
    expect((await podgate(env, 'pods', 'list')).code).toBe(0);
    expect(internalApi.requests).toHaveLength(1);
    expect(publicApi.requests).toEqual([]);
  });

  it('uses OS_TOKEN as it is and asks Keystone only for the catalog', async () => {
    const token = sim.issueToken('admin', 'admin');
    const result = await podgate({ OS_AUTH_URL: sim.authUrl, OS_TOKEN: token }, 'pods', 'list');
    expect(result.code).toBe(0);
    expect(publicApi.requests[0].headers['x-auth-token']).toBe(token);
  });

  it('needs no catalog when PODGATE_URL is set', async () => {
    expect((await podgate({ ...env, PODGATE_URL: internalApi.url, OS_REGION_NAME: 'Nowhere' }, 'pods', 'list')).code).toBe(0);
    expect(internalApi.requests).toHaveLength(1);
  });

  it('tells the user to set PODGATE_URL when the catalog has no podgate endpoint in the region', async () => {
    const result = await podgate({ ...env, OS_REGION_NAME: 'Pod1' }, 'pods', 'list');
    expect(result).toMatchObject({
      code: 1,
      stderr:
        "podgate: no podgate endpoint in the Keystone catalog (interface public, region Pod1); set PODGATE_URL to the gateway's address\n",
    });
  });

  it("prints Keystone's refusal of a wrong password in one line", async () => {
    const result = await podgate({ ...env, OS_PASSWORD: 'wrong' }, 'pods', 'list');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `^podgate: Keystone at ${sim.authUrl}: The request you have made requires authentication\\. \\(HTTP 401\\)( \\(Request-ID: \\S+\\))?\\n$`,
      ),
    );
  });

  it('names the missing variables when there are no credentials', async () => {
    const result = await podgate({ OS_AUTH_URL: sim.authUrl, OS_USERNAME: 'admin' }, 'pods', 'list');
    expect(result.stderr).toBe(
      'podgate: no credentials: set OS_TOKEN, or OS_AUTH_URL, OS_USERNAME and OS_PASSWORD (missing: OS_PASSWORD)\n',
    );
  });

  it('never prints the password or the token, even with --debug and on errors', async () => {
    const ok = await podgate(env, '--debug', 'pods', 'list');
    const token = publicApi.requests[0].headers['x-auth-token'] as string;
    expect(ok.stderr).toMatch(
      new RegExp(`^REQ: POST ${sim.authUrl}/auth/tokens\\nRESP: 201 .*\\nREQ: GET ${publicApi.url}/v1\\.0/pods\\nRESP: 200 `),
    );
    const failed = await podgate({ ...env, PODGATE_URL: 'http://127.0.0.1:1' }, '--debug', 'pods', 'show', 'Pod1');
    const notFound = await podgate(
      { ...env, OS_TOKEN: token, PODGATE_URL: `${publicApi.url}/` },
      '--debug',
      'pods',
      'show',
      'Pod1',
    );
    for (const result of [ok, failed, notFound]) {
      expect(result.stdout + result.stderr).not.toContain(PASSWORD);
      expect(result.stdout + result.stderr).not.toContain(token);
    }
    expect(failed.stderr).toContain('podgate: cannot connect to the gateway at http://127.0.0.1:1: connection refused');
  });
});
