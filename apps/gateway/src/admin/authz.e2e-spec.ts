import { ADMIN_ENDPOINTS, endpointFixture } from './testing/admin-endpoints';
import { type AdminHarness, startAdminHarness } from './testing/admin-harness';

const UNAUTHORIZED = { unauthorized: { code: 401, message: 'The request you have made requires authentication.' } };

describe('admin API authorization in noauth mode', () => {
  let h: AdminHarness;
  beforeAll(async () => (h = await startAdminHarness()));
  afterAll(() => h.close());

  it.each(ADMIN_ENDPOINTS.map((endpoint) => [endpoint.rule, endpoint] as const))(
    '%s: 401 without a token, 403 for a member, allowed for an admin',
    async (rule, endpoint) => {
      const fixture = await endpointFixture(h, rule.replace(/:/g, '-'));
      expect((await endpoint.call(h.as(), fixture).expect(401)).body).toEqual(UNAUTHORIZED);
      const forbidden = await endpoint.call(h.member, fixture).expect(403);
      expect(forbidden.body).toEqual({ forbidden: { code: 403, message: `Policy doesn't allow ${rule} to be performed.` } });
      // A member's role header does not make them an admin of anything but what the role grants.
      await endpoint.call(h.as('alice:tenant-a'), fixture).set('X-Roles', 'member,reader').expect(403);
      await endpoint.call(h.admin, fixture).expect(endpoint.ok);
      await endpoint
        .call(h.as('carol:ops'), fixture)
        .set('X-Roles', 'admin')
        .expect((response) => {
          if (response.status === 401 || response.status === 403) throw new Error(`admin role refused: ${response.status}`);
        });
    },
  );

  it('refuses a member before looking at a bad body, and an anonymous caller before that', async () => {
    await h.member.post('/v1.0/pods', { nonsense: true }).expect(403);
    await h.as().post('/v1.0/pods', { nonsense: true }).expect(401);
  });
});
