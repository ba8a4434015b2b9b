// The admin commands over real HTTP against a TEST DOUBLE of the admin API (testing/admin-api-double.ts),
// so the CLI's own behaviour is verified while the gateway's admin API is being written.
import { createServer } from 'node:net';
import type { AuditEvent, Binding, Pod } from './admin-client/resources';
import { type AdminApiDouble, startAdminApiDouble } from './testing/admin-api-double';
import { DOUBLE_LINK_HOST } from './testing/admin-api-double.http';
import { podgate } from './testing/memory-io';

const TOKEN = 'admin:admin';

describe('podgate admin commands against the admin API test double', () => {
  let api: AdminApiDouble;
  let env: NodeJS.ProcessEnv;
  const run = (...args: string[]) => podgate(env, ...args);
  const register = async (name: string, az: string, ...more: string[]) =>
    (await run('pods', 'register', name, '--az', az, ...more, '-f', 'json')).json<Pod>();

  beforeEach(async () => {
    api = await startAdminApiDouble({ acceptToken: (token) => token === TOKEN, pageSize: 2, auditEvents: 5 });
    env = { OS_TOKEN: TOKEN, PODGATE_URL: api.url };
  });
  afterEach(() => api.stop());

  it('registers a pod with only the options given, and sends the token and one global request id', async () => {
    const pod = await register(
      'Pod1',
      'az1',
      '--affinity-tag',
      'gpu',
      '--capacity-threshold',
      '0.75',
      '--compute-url',
      'http://pod1:8774/v2.1',
    );
    expect(pod).toMatchObject({ name: 'Pod1', az_name: 'az1', affinity_tag: 'gpu', capacity_threshold: 0.75, status: 'active' });
    const [request] = api.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/v1.0/pods' });
    expect(request.body).toEqual({
      pod: {
        name: 'Pod1',
        az_name: 'az1',
        affinity_tag: 'gpu',
        capacity_threshold: 0.75,
        endpoints: { compute: 'http://pod1:8774/v2.1' },
      },
    });
    expect(request.headers['x-auth-token']).toBe(TOKEN);
    expect(request.headers['x-openstack-request-id']).toMatch(/^req-[0-9a-f-]{36}$/);
  });

  it('lists every page by following next links against the configured gateway, not the link host', async () => {
    for (const name of ['Pod1', 'Pod2', 'Pod3', 'Pod4', 'Pod5']) await register(name, 'az1');
    api.requests.length = 0;
    const all = await run('pods', 'list', '-f', 'json');
    expect(all.json<Pod[]>().map((pod) => pod.name)).toEqual(['Pod1', 'Pod2', 'Pod3', 'Pod4', 'Pod5']);
    expect(api.requests.map((request) => request.url)).toEqual([
      '/v1.0/pods',
      expect.stringMatching(/^\/v1\.0\/pods\?limit=2&marker=[0-9a-f-]{36}$/),
      expect.stringMatching(/^\/v1\.0\/pods\?limit=2&marker=[0-9a-f-]{36}$/),
    ]);
    expect(DOUBLE_LINK_HOST).not.toContain('127.0.0.1');

    api.requests.length = 0;
    const three = await run('pods', 'list', '--limit', '3', '-f', 'json');
    expect(three.json<Pod[]>().map((pod) => pod.name)).toEqual(['Pod1', 'Pod2', 'Pod3']);
    expect(api.requests.map((request) => new URL(request.url, 'http://x').searchParams.get('limit'))).toEqual(['3']);
  });

  it('maps list filters to the query: --az, --no-maintenance, --status', async () => {
    await register('Pod1', 'az1');
    await register('Pod2', 'az2');
    await run('pods', 'drain', 'Pod2');
    api.requests.length = 0;
    const listed = await run('pods', 'list', '--az', 'az2', '--no-maintenance', '--status', 'active', '-f', 'value');
    expect(api.requests[0].url).toBe('/v1.0/pods?az_name=az2&in_maintenance=false&status=active');
    expect(listed.stdout).toBe('');
    const drained = await run('pods', 'list', '--maintenance', '-f', 'value');
    expect(drained.stdout).toMatch(/^[0-9a-f-]{36} Pod2 az2 {2}active True {2}0\.9\n$/);
  });

  it('shows a pod by name (resolved with ?name=) and by id, as a Field/Value table', async () => {
    const pod = await register('Pod1', 'az1');
    api.requests.length = 0;
    const byName = await run('pods', 'show', 'Pod1');
    expect(api.requests.map((request) => request.url)).toEqual(['/v1.0/pods?name=Pod1']);
    expect(byName.stdout).toMatch(/\| Field +\| Value +\|/);
    expect(byName.stdout).toMatch(new RegExp(`\\| pod_id +\\| ${pod.pod_id} \\|`));
    const byId = await run('pods', 'show', pod.pod_id, '-f', 'json');
    expect(byId.json()).toEqual(pod);
  });

  it('sends drain with a reason, undrain by name, and an update with only what was given', async () => {
    const pod = await register('Pod1', 'az1', '--affinity-tag', 'gpu');
    await run('pods', 'drain', 'Pod1', '--reason', 'kernel upgrade');
    expect(api.requests.at(-1)).toMatchObject({
      method: 'PUT',
      url: `/v1.0/pods/${pod.pod_id}`,
      body: { pod: { maintenance: true, maintenance_reason: 'kernel upgrade' } },
    });
    await run('pods', 'undrain', 'Pod1');
    expect(api.requests.at(-1)?.body).toEqual({ pod: { maintenance: false } });
    await run('pods', 'update', 'Pod1', '--no-affinity-tag', '--dc', 'dc2');
    expect(api.requests.at(-1)).toMatchObject({
      method: 'PUT',
      url: `/v1.0/pods/${pod.pod_id}`,
      body: { pod: { dc_name: 'dc2', affinity_tag: null } },
    });
  });

  it('refuses an update with nothing to change before sending anything', async () => {
    await register('Pod1', 'az1');
    api.requests.length = 0;
    const result = await run('pods', 'update', 'Pod1');
    expect(result).toMatchObject({
      code: 1,
      stderr: 'podgate: nothing to update: give at least one option (see podgate pods update --help)\n',
    });
    expect(api.requests.map((request) => request.method)).toEqual(['GET']);
  });

  // What the gateway answers (pin semantics, as_of, the 409 for a pod in use) is asserted in
  // cli-gateway.e2e-spec.ts against the real gateway; here, only what the CLI sends.
  it('sends bindings create, list (filters, --as-of as a UTC instant) and end, and pods deregister --force', async () => {
    const pod = await register('Pod1', 'az1');
    const created = (
      await run('bindings', 'create', '--project', 'tenant-a', '--az', 'az1', '--pod', 'Pod1', '-f', 'json')
    ).json<Binding>();
    expect(api.requests.at(-1)).toMatchObject({
      method: 'POST',
      url: '/v1.0/bindings',
      body: { binding: { project_id: 'tenant-a', az_name: 'az1', pod_id: pod.pod_id } },
    });

    await run('bindings', 'end', created.binding_id, '--reason', 'moving');
    expect(api.requests.at(-1)).toMatchObject({ method: 'DELETE', url: `/v1.0/bindings/${created.binding_id}?reason=moving` });

    await run('bindings', 'list', '--ended', '--pod', 'Pod1');
    expect(api.requests.at(-1)?.url).toBe(`/v1.0/bindings?pod_id=${pod.pod_id}&active=false`);
    await run('bindings', 'list', '--active', '--az', 'az1');
    expect(api.requests.at(-1)?.url).toBe('/v1.0/bindings?az_name=az1&active=true');
    for (const [given, sent] of [
      ['2026-11-22T10:00', '2026-11-22T10:00:00.000Z'],
      ['2026-11-22', '2026-11-22T00:00:00.000Z'],
      ['2026-11-22T12:00:00.250+02:00', '2026-11-22T10:00:00.250Z'],
    ]) {
      await run('bindings', 'list', '--project', 'tenant-a', '--as-of', given);
      expect(api.requests.at(-1)?.url).toBe(`/v1.0/bindings?project_id=tenant-a&as_of=${encodeURIComponent(sent)}`);
    }

    expect((await run('pods', 'deregister', 'Pod1', '--force', '--reason', 'retired')).code).toBe(0);
    expect(api.requests.at(-1)).toMatchObject({ method: 'DELETE', url: `/v1.0/pods/${pod.pod_id}?force=true&reason=retired` });
  });

  it('refuses --active with --ended and a malformed --as-of without calling the gateway', async () => {
    const both = await run('bindings', 'list', '--active', '--ended');
    expect(both.code).toBe(1);
    expect(both.stderr).toContain("option '--active' cannot be used with option '--ended'");
    const badTime = await run('bindings', 'list', '--as-of', 'yesterday');
    expect(badTime.stderr).toContain("option '--as-of <time>' argument 'yesterday' is invalid. expected an ISO 8601 time");
    expect(api.requests).toEqual([]);
  });

  it('says in --help that times without an offset are UTC, and which --resource forms the audit takes', async () => {
    const help = async (...args: string[]) => (await run(...args, '--help')).stdout.replace(/\s+/g, ' ');
    expect(await help('bindings', 'list')).toContain(
      '--as-of <time> the bindings in force at this time (ISO-8601; without an offset, UTC)',
    );
    for (const command of ['list', 'export']) {
      const text = await help('audit', command);
      expect(text).toContain('--since <time> events at or after this time (ISO-8601; without an offset, UTC)');
      expect(text).toContain('--until <time> events before this time (ISO-8601; without an offset, UTC)');
      expect(text).toContain(
        '--resource <resource_id> only events of this resource, as <type>/<id> (e.g. pod/<id>) or the bare id',
      );
    }
    expect(api.requests).toEqual([]);
  });

  it('lists audit events across pages as a table', async () => {
    const result = await run('audit', 'list', '--type', 'PodRegistered');
    expect(result.code).toBe(0);
    const rows = result.stdout.split('\n').filter((line) => /^\| \d+\/\d+ /.test(line));
    expect(rows).toHaveLength(3);
    expect(result.stdout).toMatch(
      /\| Position \| Occurred At +\| Type +\| Outcome +\| Resource +\| User +\| Project \| Request ID +\|/,
    );
    expect(api.requests.map((request) => request.url)).toEqual([
      '/v1.0/audit?type=PodRegistered',
      expect.stringContaining('marker=3%2F3'),
    ]);
  });

  it('passes --resource through unchanged, as <type>/<id> or the bare id', async () => {
    const [, second] = (await run('audit', 'list', '-f', 'json')).json<AuditEvent[]>();
    api.requests.length = 0;
    for (const resource of [`pod/${second.resource_id}`, String(second.resource_id)]) {
      const found = (await run('audit', 'list', '--resource', resource, '-f', 'json')).json<AuditEvent[]>();
      expect(found.map((event) => event.event_id)).toEqual([second.event_id]);
    }
    expect(api.requests.map((request) => new URL(request.url, 'http://x').searchParams.get('resource_id'))).toEqual([
      `pod/${second.resource_id}`,
      second.resource_id,
    ]);
  });

  it('reports an unknown pod name, a 404 from the gateway, and a bad token in one line each', async () => {
    expect(await run('pods', 'show', 'Pod9')).toMatchObject({
      code: 1,
      stdout: '',
      stderr: "podgate: No pod with a name or ID of 'Pod9' exists.\n",
    });
    const missing = await run('bindings', 'end', '5b0b3a52-3b7c-4e55-9b0c-2b0f6c0f0a11');
    expect(missing.stderr).toMatch(
      /^podgate: binding 5b0b3a52-3b7c-4e55-9b0c-2b0f6c0f0a11 could not be found \(HTTP 404\) \(Request-ID: req-.+\)\n$/,
    );
    env = { ...env, OS_TOKEN: 'mallory:evil' };
    const denied = await run('pods', 'list');
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(
      /^podgate: The request you have made requires authentication\. \(HTTP 401\) \(Request-ID: req-.+\)\n$/,
    );
  });

  it('says clearly when nothing listens at the gateway URL', async () => {
    const port = await freePort();
    env = { OS_TOKEN: TOKEN, PODGATE_URL: `http://127.0.0.1:${port}` };
    expect(await run('pods', 'list')).toMatchObject({
      code: 1,
      stderr: `podgate: cannot connect to the gateway at http://127.0.0.1:${port}: connection refused\n`,
    });
  });

  it('tells the user to set PODGATE_URL when it has neither a URL nor Keystone', async () => {
    env = { OS_TOKEN: TOKEN };
    const result = await run('pods', 'list');
    expect(result.stderr).toBe(
      'podgate: no gateway URL: set PODGATE_URL (or --url), or OS_AUTH_URL and credentials to find the podgate service in the Keystone catalog\n',
    );
  });

  it('lets --url and --os-token override the environment, and --debug never prints the token', async () => {
    env = { OS_TOKEN: 'wrong:token', PODGATE_URL: 'http://127.0.0.1:1' };
    const result = await run('--debug', '--url', `${api.url}/v1.0/`, 'pods', 'list', '--os-token', TOKEN);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`^REQ: GET ${api.url}/v1\\.0/pods\\nRESP: 200 \\(no request id\\)\\n$`));
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
    const withUserInfo = await run('--debug', '--url', api.url.replace('http://', 'http://user:s3cret@'), 'pods', 'show', 'Pod9');
    expect(withUserInfo.stderr).toMatch(/^REQ: GET http:\/\/127\.0\.0\.1:\d+\/v1\.0\/pods\?name=Pod9\n/);
    expect(withUserInfo.stderr).not.toContain('s3cret');
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
