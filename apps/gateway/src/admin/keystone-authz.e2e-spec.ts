import { type ManualClock, manualClock } from '../../../pod-simulator/src/clock';
import { type SimulatorHandle, startSimulator } from '../../../pod-simulator/src/simulator';
import { ADMIN_ENDPOINTS, type EndpointFixture, endpointFixture } from './testing/admin-endpoints';
import { type AdminHarness, startAdminHarness } from './testing/admin-harness';

const UNAUTHORIZED = { unauthorized: { code: 401, message: 'The request you have made requires authentication.' } };
const TOKEN_TTL_SECONDS = 60;

describe('admin API authorization against Keystone (the pod simulator)', () => {
  let sim: SimulatorHandle;
  let simClock: ManualClock;
  let h: AdminHarness;
  let expiredToken: string;
  let memberToken: string;
  let fixture: EndpointFixture;

  beforeAll(async () => {
    simClock = manualClock(Date.now());
    sim = await startSimulator({ pods: [], basePort: 0, clock: simClock, tokenTtlSeconds: TOKEN_TTL_SECONDS });
    // Issued, never used while valid, then outlived: Keystone itself refuses it.
    expiredToken = sim.issueToken('admin');
    expect(sim.keystone.tokens.validate(expiredToken)).toBeDefined();
    simClock.advance((TOKEN_TTL_SECONDS + 1) * 1000);
    expect(sim.keystone.tokens.validate(expiredToken)).toBeUndefined();
    const harness = await startAdminHarness({
      KEYSTONE_URL: sim.authUrl,
      PODGATE_SERVICE_PASSWORD: 'podgate-secret',
      PODGATE_USAGE_POLL_SECONDS: '0',
    });
    memberToken = sim.issueToken('alice', 'tenant-a');
    h = { ...harness, admin: harness.as(sim.issueToken('admin', 'admin')), member: harness.as(memberToken) };
    fixture = await endpointFixture(h, 'keystone');
  });
  afterAll(async () => {
    await h?.close();
    await sim?.stop();
  });

  const challenge = () => `Keystone uri="${sim.keystoneUrl}"`;

  describe.each(ADMIN_ENDPOINTS.map((endpoint) => [endpoint.rule, endpoint] as const))('%s', (rule, endpoint) => {
    it.each([
      ['no token', undefined],
      ['an unknown token', 'gAAAAABnot-a-real-token'],
      ['an expired token', 'expired'],
    ])('refuses %s with 401 and the Keystone challenge', async (_name, token) => {
      const response = await endpoint.call(h.as(token === 'expired' ? expiredToken : token), fixture).expect(401);
      expect(response.body).toEqual(UNAUTHORIZED);
      expect(response.headers['www-authenticate']).toBe(challenge());
    });

    it('refuses a member (alice on tenant-a) with 403', async () => {
      const response = await endpoint.call(h.member, fixture).expect(403);
      expect(response.body).toEqual({ forbidden: { code: 403, message: `Policy doesn't allow ${rule} to be performed.` } });
    });

    it('allows an admin', async () => {
      await endpoint.call(h.admin, fixture).expect(endpoint.ok);
    });
  });

  it('records the Keystone user who acted, not a noauth name', async () => {
    const binding = (await h.admin.get(`/v1.0/bindings/${fixture.bindingId}`).expect(200)).body.binding;
    const adminUserId = sim.keystone.directory.findUser({ name: 'admin' })?.id;
    expect(binding.bound_by).toBe(adminUserId);
  });

  it('keeps version discovery and the OpenAPI document public', async () => {
    await h.as().get('/').expect(200);
    await h.as().get('/v1.0').expect(200);
    await h.as().get('/v1.0/openapi.json').expect(200);
  });
});
