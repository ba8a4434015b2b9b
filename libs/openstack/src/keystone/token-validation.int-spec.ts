// Token validation against the pod simulator's Keystone on real sockets, time moved by a shared clock.
import { type SimulatedKeystone, everythingIn, startSimulatedKeystone } from '../testing/simulated-keystone';
import { InvalidTokenError, KeystoneUnavailableError } from './keystone.errors';

const SECONDS = 1000;

describe('KeystoneClient.validateToken', () => {
  let keystone: SimulatedKeystone;
  const secrets: string[] = ['podgate-secret'];

  beforeAll(async () => {
    keystone = await startSimulatedKeystone({ tokenTtlSeconds: 600 });
  });
  afterAll(() => keystone.stop());
  afterEach(() => keystone.sim.keystoneFaults.reset());

  const issue = (user: string, project?: string): string => {
    const token = keystone.sim.issueToken(user, project);
    secrets.push(token);
    return token;
  };

  async function revoke(token: string): Promise<void> {
    const response = await fetch(`${keystone.sim.authUrl}/auth/tokens`, {
      method: 'DELETE',
      headers: { 'X-Auth-Token': token, 'X-Subject-Token': token },
    });
    expect(response.status).toBe(204);
  }

  it("returns alice's user, project, domain and roles", async () => {
    const identity = await keystone.client().validateToken(issue('alice'));
    expect(identity).toEqual({
      userId: keystone.sim.keystone.directory.findUser({ name: 'alice' })?.id,
      userName: 'alice',
      userDomainId: 'default',
      projectId: keystone.projectId('tenant-a'),
      projectName: 'tenant-a',
      projectDomainId: 'default',
      roles: expect.arrayContaining(['member']),
      expiresAt: new Date(keystone.clock.now().getTime() + 600 * SECONDS),
    });
    expect(identity.roles).not.toContain('admin');
  });

  it('refuses an unknown token with the 401 message of keystonemiddleware, naming nothing of the token', async () => {
    const bogus = 'gAAAAAB-not-a-token-known-to-keystone';
    secrets.push(bogus);
    const error = await keystone
      .client()
      .validateToken(bogus)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidTokenError);
    expect(error).toMatchObject({ kind: 'unauthorized', message: 'The request you have made requires authentication.' });
    expect(everythingIn(error)).not.toContain(bogus);
    await expect(keystone.client().validateToken('')).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('remembers a refusal for invalidTokenCacheSeconds, then asks Keystone again', async () => {
    const client = keystone.client({ invalidTokenCacheSeconds: 10 });
    const bogus = 'gAAAAAB-refused-then-remembered';
    await expect(client.validateToken(bogus)).rejects.toBeInstanceOf(InvalidTokenError);
    keystone.sim.keystoneFaults.update({ errorRate: 1, errorStatus: 503 });
    keystone.clock.advance(9 * SECONDS);
    await expect(client.validateToken(bogus)).rejects.toBeInstanceOf(InvalidTokenError);
    keystone.clock.advance(2 * SECONDS);
    await expect(client.validateToken(bogus)).rejects.toBeInstanceOf(KeystoneUnavailableError);
  });

  it('keeps a revoked token valid from the cache for tokenCacheSeconds, not longer', async () => {
    const client = keystone.client({ tokenCacheSeconds: 300 });
    const token = issue('bob');
    const first = await client.validateToken(token);
    await revoke(token);
    keystone.clock.advance(299 * SECONDS);
    await expect(client.validateToken(token)).resolves.toBe(first);
    keystone.clock.advance(2 * SECONDS);
    await expect(client.validateToken(token)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('never serves a cached answer past the token expiry, and refuses the expired token', async () => {
    const client = keystone.client({ tokenCacheSeconds: 300 });
    const token = issue('alice');
    keystone.clock.advance(550 * SECONDS); // 50 s of life left: the cache may keep it 50 s, not 300
    const identity = await client.validateToken(token);
    keystone.sim.keystoneFaults.update({ errorRate: 1, errorStatus: 503 });
    keystone.clock.advance(49 * SECONDS);
    await expect(client.validateToken(token)).resolves.toBe(identity);
    keystone.clock.advance(2 * SECONDS);
    await expect(client.validateToken(token)).rejects.toBeInstanceOf(KeystoneUnavailableError);
    keystone.sim.keystoneFaults.reset();
    await expect(client.validateToken(token)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('caches nothing with tokenCacheSeconds 0', async () => {
    const client = keystone.client({ tokenCacheSeconds: 0 });
    const token = issue('alice');
    await client.validateToken(token);
    await revoke(token);
    await expect(client.validateToken(token)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('shares one Keystone round trip among concurrent validations of one token', async () => {
    const client = keystone.client();
    const token = issue('alice');
    const identities = await Promise.all(Array.from({ length: 20 }, () => client.validateToken(token)));
    // Each answer from Keystone is parsed into a new object; one object means one round trip.
    expect(new Set(identities).size).toBe(1);
  });

  it('refuses a token without a project scope', async () => {
    const response = await fetch(`${keystone.sim.authUrl}/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { name: 'carol', domain: { id: 'default' }, password: 'carol-secret' } },
          },
        },
      }),
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { token: { project?: unknown } }).token.project).toBeUndefined();
    const unscoped = response.headers.get('x-subject-token') ?? '';
    secrets.push(unscoped);
    await expect(keystone.client().validateToken(unscoped)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('reports Keystone errors as unavailability, not as a bad token', async () => {
    keystone.sim.keystoneFaults.update({ errorRate: 1, errorStatus: 500 });
    const error = await keystone
      .client()
      .validateToken(issue('alice'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeystoneUnavailableError);
    expect(error).toMatchObject({
      kind: 'serviceUnavailable',
      message: 'Keystone is unavailable.',
      reason: expect.stringMatching(/answered HTTP 500$/), // the service authentication or the validation
    });
  });

  it('never logged a token or the service password', () => {
    expect(keystone.logger.lines.length).toBeGreaterThan(0);
    const log = keystone.logger.lines.join('\n');
    for (const secret of secrets) expect(log).not.toContain(secret);
  });
});
