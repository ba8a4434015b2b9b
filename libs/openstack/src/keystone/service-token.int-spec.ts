// podgate's own token: obtained once, shared, renewed before expiry and after Keystone rejects it.
import { type SimulatedKeystone, SERVICE, closedPort, everythingIn, startSimulatedKeystone } from '../testing/simulated-keystone';
import { KeystoneClient } from './keystone-client';
import { InvalidTokenError, KeystoneUnavailableError } from './keystone.errors';

const SECONDS = 1000;

describe('KeystoneClient service token', () => {
  let keystone: SimulatedKeystone;
  const secrets: string[] = [SERVICE.password];

  beforeAll(async () => {
    keystone = await startSimulatedKeystone({ tokenTtlSeconds: 600 });
  });
  afterAll(() => keystone.stop());
  afterEach(() => keystone.sim.keystoneFaults.reset());

  const serviceToken = async (client: KeystoneClient): Promise<string> => {
    const token = await client.serviceToken();
    secrets.push(token);
    return token;
  };

  it('is a token of the service user on the service project, reused while fresh', async () => {
    const client = keystone.client();
    const token = await serviceToken(client);
    const seen = keystone.sim.keystone.tokens.validate(token);
    expect(seen?.user.name).toBe('podgate');
    expect(seen?.project?.name).toBe('service');
    keystone.clock.advance(400 * SECONDS);
    expect(await client.serviceToken()).toBe(token);
  });

  it('is obtained once for concurrent callers', async () => {
    const client = keystone.client();
    const tokens = await Promise.all(Array.from({ length: 10 }, () => serviceToken(client)));
    // Keystone issues a new random id per authentication.
    expect(new Set(tokens).size).toBe(1);
  });

  it('is renewed shortly before it expires', async () => {
    const client = keystone.client();
    const first = await serviceToken(client);
    keystone.clock.advance(470 * SECONDS);
    expect(await client.serviceToken()).toBe(first);
    keystone.clock.advance(20 * SECONDS); // inside the last 120 s
    const second = await serviceToken(client);
    expect(second).not.toBe(first);
    expect(keystone.sim.keystone.tokens.validate(second)).toBeDefined();
  });

  it('is renewed when Keystone rejects it, and the validation is retried once', async () => {
    const client = keystone.client();
    const first = await serviceToken(client);
    const revoked = await fetch(`${keystone.sim.authUrl}/auth/tokens`, {
      method: 'DELETE',
      headers: { 'X-Auth-Token': first, 'X-Subject-Token': first },
    });
    expect(revoked.status).toBe(204);
    const alice = keystone.sim.issueToken('alice');
    secrets.push(alice);
    await expect(client.validateToken(alice)).resolves.toMatchObject({ userName: 'alice' });
    const second = await serviceToken(client);
    expect(second).not.toBe(first);
    expect(keystone.logger.lines.some((l) => l.includes('rejected the service token'))).toBe(true);
  });

  it('fails as unavailable when Keystone refuses the service credentials, without repeating the password', async () => {
    const client = keystone.client({ service: { ...SERVICE, password: 'wrong-password-xyz' } });
    secrets.push('wrong-password-xyz');
    const error = await client.validateToken(keystone.sim.issueToken('alice')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeystoneUnavailableError);
    // SECURITY: any caller may get this 503; only the log may name podgate's service account.
    expect(error).toMatchObject({
      message: 'Keystone is unavailable.',
      reason: 'it rejected the credentials of service user podgate (HTTP 401)',
    });
    expect(everythingIn(error)).not.toContain('wrong-password-xyz');
  });

  it('fails fast as unavailable when nothing listens at the Keystone URL', async () => {
    const client = new KeystoneClient({
      url: `http://127.0.0.1:${await closedPort()}/v3`,
      service: SERVICE,
      endpointInterface: 'public',
      tokenCacheSeconds: 300,
    });
    const started = Date.now();
    const error = await client.validateToken('gAAAAAB-any').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeystoneUnavailableError);
    expect(error).toMatchObject({
      kind: 'serviceUnavailable',
      message: 'Keystone is unavailable.',
      reason: 'connection refused',
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('gives up after timeoutMs when Keystone accepts but never answers', async () => {
    const client = keystone.client({ timeoutMs: 300 });
    keystone.sim.keystoneFaults.update({ hang: true });
    const started = Date.now();
    await expect(client.serviceToken()).rejects.toMatchObject({
      message: 'Keystone is unavailable.',
      reason: 'no answer in time',
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('fails as unavailable once the simulator has stopped, and never as an invalid token', async () => {
    const own = await startSimulatedKeystone({ pods: 1 });
    const client = own.client();
    const token = own.sim.issueToken('alice');
    await own.stop();
    const error = await client.validateToken(token).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeystoneUnavailableError);
    expect(error).not.toBeInstanceOf(InvalidTokenError);
    expect(everythingIn(error)).not.toContain(token);
  });

  it('never logged a token or a password', () => {
    const log = keystone.logger.lines.join('\n');
    expect(log).toContain('Keystone service token obtained');
    for (const secret of secrets) expect(log).not.toContain(secret);
  });
});
