import { type AdminHarness, startAdminHarness } from '../testing/admin-harness';
import { expectDocumented } from '../testing/documented-schema';

describe('admin API: version discovery', () => {
  let h: AdminHarness;
  beforeAll(async () => (h = await startAdminHarness()));
  afterAll(() => h.close());

  it('GET / lists v1.0 without a token, linked on the address the client used', async () => {
    const response = await h.as().get('/').set('Host', 'podgate.example:8080').expect(200);
    expect(response.body).toEqual({
      versions: [{ id: 'v1.0', status: 'CURRENT', links: [{ rel: 'self', href: 'http://podgate.example:8080/v1.0' }] }],
    });
    await expectDocumented(h, 'get', '/', 200, response.body);
  });

  it('GET /v1.0 describes the version without a token', async () => {
    const response = await h.as().get('/v1.0').expect(200);
    expect(response.body).toEqual({
      version: {
        id: 'v1.0',
        status: 'CURRENT',
        links: [{ rel: 'self', href: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v1\.0$/) }],
      },
    });
    await expectDocumented(h, 'get', '/v1.0', 200, response.body);
  });

  it('answers the same with any token, even a member', async () => {
    await h.member.get('/v1.0').expect(200);
    await h.as('garbage').get('/').expect(200);
  });
});
