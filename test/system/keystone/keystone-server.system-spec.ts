// The real Keystone (Debian, Zed) that test/system/keystone/keystone-server.sh starts on loopback and seeds:
// proves the users, role grants and the Pod1/Pod2 catalog other system suites rely on, and that a revoked
// token fails validation the way an expired one does (404).
import axios, { AxiosResponse } from 'axios';

const KEYSTONE = process.env.KEYSTONE_TEST_URL;

interface TokenBody {
  token: {
    user: { name: string };
    project?: { id: string; name: string };
    roles: { name: string }[];
    catalog?: { type: string; endpoints: { interface: string; region_id: string; url: string }[] }[];
  };
}

const http = axios.create({ validateStatus: () => true, timeout: 30_000 });

function issue(user: string, password: string, project: string): Promise<AxiosResponse<TokenBody>> {
  return http.post<TokenBody>(`${KEYSTONE}/auth/tokens`, {
    auth: {
      identity: { methods: ['password'], password: { user: { name: user, domain: { name: 'Default' }, password } } },
      scope: { project: { name: project, domain: { name: 'Default' } } },
    },
  });
}

async function tokenOf(user: string, password: string, project: string): Promise<{ id: string; body: TokenBody }> {
  const res = await issue(user, password, project);
  expect(res.status).toBe(201);
  return { id: String(res.headers['x-subject-token']), body: res.data };
}

const validate = (authToken: string, subjectToken: string) =>
  http.get<TokenBody>(`${KEYSTONE}/auth/tokens`, { headers: { 'X-Auth-Token': authToken, 'X-Subject-Token': subjectToken } });

describe('system-test Keystone (keystone-server.sh)', () => {
  let podgate: { id: string; body: TokenBody };

  beforeAll(async () => {
    if (!KEYSTONE) {
      throw new Error(
        'KEYSTONE_TEST_URL is not set: run `npm run test:system`, or `bash test/system/keystone/keystone-server.sh`',
      );
    }
    podgate = await tokenOf('podgate', 'podgate-secret', 'service');
  });

  it('gives the gateway service user a token on project service with admin + service and the pods in its catalog', () => {
    const { token } = podgate.body;
    expect(token.user.name).toBe('podgate');
    expect(token.project?.name).toBe('service');
    expect(token.roles.map((r) => r.name)).toEqual(expect.arrayContaining(['admin', 'service']));

    const byType = (type: string) =>
      token.catalog?.find((s) => s.type === type)?.endpoints.filter((e) => e.interface === 'public');
    const compute = byType('compute') ?? [];
    expect(compute.map((e) => e.region_id).sort()).toEqual(['Pod1', 'Pod2']);
    expect(compute.find((e) => e.region_id === 'Pod2')?.url).toBe('http://127.0.0.1:28774/v2.1');
    // Keystone substitutes the token's project into the volume endpoint template.
    expect(byType('volumev3')?.find((e) => e.region_id === 'Pod1')?.url).toBe(`http://127.0.0.1:18776/v3/${token.project?.id}`);
  });

  it("validates alice's token with the service user's token: member on tenant-a", async () => {
    const alice = await tokenOf('alice', 'alice-secret', 'tenant-a');
    const res = await validate(podgate.id, alice.id);
    expect(res.status).toBe(200);
    expect(res.data.token.user.name).toBe('alice');
    expect(res.data.token.project?.name).toBe('tenant-a');
    expect(res.data.token.roles.map((r) => r.name)).toContain('member');
  });

  it('refuses a wrong password and a project the user has no role on', async () => {
    expect((await issue('alice', 'not-her-password', 'tenant-a')).status).toBe(401);
    expect((await issue('alice', 'alice-secret', 'tenant-b')).status).toBe(401);
  });

  // Stands in for an expired token: tokens live 3600 s, and Keystone answers a revoked and an expired one alike.
  it('answers 404 when validating a revoked token, and only that token', async () => {
    const bob = await tokenOf('bob', 'bob-secret', 'tenant-b');
    expect((await validate(podgate.id, bob.id)).status).toBe(200);
    const revoke = await http.delete(`${KEYSTONE}/auth/tokens`, {
      headers: { 'X-Auth-Token': bob.id, 'X-Subject-Token': bob.id },
    });
    expect(revoke.status).toBe(204);
    expect((await validate(podgate.id, bob.id)).status).toBe(404);
    expect((await validate(podgate.id, podgate.id)).status).toBe(200);
  });
});
