import { type AdminHarness, startAdminHarness } from '../testing/admin-harness';

/**
 * PostgreSQL's timestamptz has no year 0 and JavaScript writes years past 9999 as `+010000-...`:
 * an instant outside 0001..9999 (in UTC) must be a 400, never reach the database as a 500.
 */
describe('admin API: instants in query strings', () => {
  let h: AdminHarness;
  beforeAll(async () => (h = await startAdminHarness()));
  afterAll(() => h.close());

  const outOfRange = (name: string, value: string) =>
    `Invalid input for query parameters ${name}. Value: ${value}. '${value}' is not a 'date-time' in the years 0001-9999 (UTC)`;

  it.each([
    ['/v1.0/bindings', 'as_of', '0000-01-01T00:00:00Z'],
    ['/v1.0/audit', 'since', '0000-01-01T00:00:00Z'],
    ['/v1.0/audit', 'until', '0000-12-31T23:59:59Z'],
    ['/v1.0/audit/export', 'until', '0000-01-01T00:00:00Z'],
    ['/v1.0/audit/export', 'since', '0000-06-01T00:00:00Z'],
    // Year 0001 by its own clock, year 0000 in UTC.
    ['/v1.0/bindings', 'as_of', '0001-01-01T00:00:00+01:00'],
    // Year 9999 by its own clock, year 10000 in UTC.
    ['/v1.0/audit', 'until', '9999-12-31T23:00:00-05:00'],
  ])('GET %s?%s=%s answers 400 in Nova words', async (path, name, value) => {
    const response = await h.admin.get(`${path}?${name}=${encodeURIComponent(value)}`).expect(400);
    expect(response.body).toEqual({ badRequest: { code: 400, message: outOfRange(name, value) } });
  });

  it.each([
    ['/v1.0/bindings', 'as_of', '0001-01-01T00:00:00Z'],
    ['/v1.0/audit', 'until', '9999-12-31T23:59:59.999Z'],
    ['/v1.0/audit/export', 'since', '0001-01-01T00:00:00Z'],
  ])('GET %s?%s=%s still answers 200 at the edges of the range', async (path, name, value) => {
    await h.admin.get(`${path}?${name}=${encodeURIComponent(value)}`).expect(200);
  });
});
