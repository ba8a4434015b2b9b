// podgate's KeystoneClient against the REAL Keystone (Debian, Zed) of keystone-server.sh: the service
// session, keystonemiddleware-style validation of callers' tokens, and pod endpoints from the catalog.
// The int-specs prove the same against the pod simulator; this proves the simulator is not flattering us.
import { inspect } from 'node:util';
import {
  AUTHENTICATION_REQUIRED,
  EndpointNotFoundError,
  InvalidTokenError,
  KeystoneClient,
  type KeystoneClientOptions,
  type KeystoneLogger,
  KeystoneUnavailableError,
  withProject,
} from '@podgate/openstack';
import axios from 'axios';
import { issueToken, keystoneTestUrl, revokeToken, SERVICE } from './testing/real-keystone';

/** Keeps every line the client logs, so a spec can prove no secret is in them. */
class RecordingLogger implements KeystoneLogger {
  readonly lines: string[] = [];
  warn = (obj: object, msg: string) => void this.lines.push(`WARN ${msg} ${inspect(obj, { depth: 10 })}`);
  debug = (obj: object, msg: string) => void this.lines.push(`DEBUG ${msg} ${inspect(obj, { depth: 10 })}`);
}

const everythingIn = (value: unknown): string => `${inspect(value, { depth: 10, showHidden: true })} ${JSON.stringify(value)}`;

describe('KeystoneClient against the real Keystone', () => {
  let logger: RecordingLogger;
  const client = (overrides: Partial<KeystoneClientOptions> = {}) =>
    new KeystoneClient(
      { url: keystoneTestUrl(), service: SERVICE, endpointInterface: 'public', tokenCacheSeconds: 300, ...overrides },
      logger,
    );

  beforeEach(() => (logger = new RecordingLogger()));

  it("gets podgate's own token on project service with admin and service roles, and reuses it", async () => {
    const keystone = client();
    const token = await keystone.serviceToken();
    const seen = await axios.get(`${keystoneTestUrl()}/auth/tokens?nocatalog`, {
      headers: { 'X-Auth-Token': token, 'X-Subject-Token': token },
    });
    expect(seen.data.token.user.name).toBe('podgate');
    expect(seen.data.token.project.name).toBe('service');
    expect(seen.data.token.roles.map((role: { name: string }) => role.name)).toEqual(
      expect.arrayContaining(['admin', 'service']),
    );
    expect(await keystone.serviceToken()).toBe(token);
    expect(logger.lines.join('\n')).not.toContain(token);
  });

  it("validates alice's token: her user, tenant-a, member and never admin, expiring when Keystone says", async () => {
    const alice = await issueToken('alice');
    const keystone = client();
    const identity = await keystone.validateToken(alice.id);
    expect(identity).toEqual({
      userId: alice.userId,
      userName: 'alice',
      userDomainId: 'default',
      projectId: alice.projectId,
      projectName: 'tenant-a',
      projectDomainId: 'default',
      roles: expect.arrayContaining(['member']),
      expiresAt: new Date(alice.expiresAt),
    });
    expect([...identity.roles].sort()).toEqual([...alice.roles].sort());
    expect(identity.roles).not.toContain('admin');
    expect(logger.lines.join('\n')).not.toContain(alice.id);
    expect(logger.lines.join('\n')).not.toContain(await keystone.serviceToken());
  });

  it('refuses a revoked token once the validation cache lets it ask Keystone again', async () => {
    const bob = await issueToken('bob');
    const uncached = client({ tokenCacheSeconds: 0 });
    const cached = client({ tokenCacheSeconds: 300 });
    const before = await uncached.validateToken(bob.id);
    await cached.validateToken(bob.id);

    await revokeToken(bob.id);

    await expect(uncached.validateToken(bob.id)).rejects.toBeInstanceOf(InvalidTokenError);
    // keystonemiddleware's trade-off, kept on purpose: a remembered answer outlives a revocation
    // for at most token_cache_time (300 s).
    await expect(cached.validateToken(bob.id)).resolves.toEqual(before);
  });

  it('refuses a garbage token with the 401 message and nothing of the token in the error or the logs', async () => {
    const garbage = 'gAAAAABgarbage-that-no-keystone-ever-issued';
    const error = await client()
      .validateToken(garbage)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidTokenError);
    expect(error).toMatchObject({ kind: 'unauthorized', message: AUTHENTICATION_REQUIRED });
    expect(everythingIn(error)).not.toContain(garbage);
    expect(logger.lines.join('\n')).not.toContain(garbage);
    await expect(client().validateToken('')).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('finds Pod1 compute by region and type, and volumev3 as a %(project_id)s template', async () => {
    const keystone = client();
    expect(await keystone.endpointFor('Pod1', 'compute')).toBe('http://127.0.0.1:18774/v2.1');
    expect(await keystone.endpointFor('Pod2', 'compute')).toBe('http://127.0.0.1:28774/v2.1');
    const template = await keystone.endpointFor('Pod1', 'volumev3');
    // Keystone filled in the service project's id; podgate acts for other projects, so it is a placeholder again.
    expect(template).toBe('http://127.0.0.1:18776/v3/%(project_id)s');
    const alice = await issueToken('alice');
    expect(withProject(template, alice.projectId)).toBe(`http://127.0.0.1:18776/v3/${alice.projectId}`);
    expect((await keystone.regions()).sort()).toEqual(['Pod1', 'Pod2']);
    await expect(keystone.endpointFor('Pod9', 'compute')).rejects.toBeInstanceOf(EndpointNotFoundError);
  });

  it('answers a wrong service password with KeystoneUnavailableError, never with the password', async () => {
    const wrongPassword = 'not-podgate-secret-7f3a';
    const misconfigured = client({ service: { ...SERVICE, password: wrongPassword } });
    const error = await misconfigured.serviceToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeystoneUnavailableError);
    expect(error).toMatchObject({
      kind: 'serviceUnavailable',
      message: 'Keystone is unavailable.',
      reason: 'it rejected the credentials of service user podgate (HTTP 401)',
    });
    expect(everythingIn(error)).not.toContain(wrongPassword);

    // A caller's good token must not be blamed for podgate's own misconfiguration (503, not 401).
    const alice = await issueToken('alice');
    await expect(misconfigured.validateToken(alice.id)).rejects.toBeInstanceOf(KeystoneUnavailableError);
    expect(logger.lines.join('\n')).not.toContain(wrongPassword);
  });
});
