import { PGliteClient } from '@podgate/sql';
import { Pool } from 'pg';
import request from 'supertest';
import { type AdminHarness, startAdminHarness } from '../admin/testing/admin-harness';

/** What the drivers really throw when the database is gone: a closed PGlite, an ended pg pool. */
async function driverErrors(): Promise<[string, unknown][]> {
  const pglite = await PGliteClient.open();
  await pglite.close();
  const pool = new Pool({ connectionString: 'postgres://podgate:unused@127.0.0.1:1/podgate' });
  await pool.end();
  return [
    ['a closed PGlite', await pglite.query('SELECT 1').catch((error: unknown) => error)],
    ['an ended pg pool', await pool.query('SELECT 1').catch((error: unknown) => error)],
  ];
}

const UNAVAILABLE = {
  serviceUnavailable: { code: 503, message: 'The service is temporarily unavailable. Please try again later.' },
};

describe('gateway when the read model cannot answer', () => {
  let h: AdminHarness;
  let errors: [string, unknown][];
  beforeAll(async () => {
    h = await startAdminHarness();
    errors = await driverErrors();
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => h.close());

  it.each(['/v1.0/pods', '/v1.0/bindings', '/v1.0/routings', '/v1.0/audit'])(
    'answers GET %s with 503 and the OpenStack envelope, not a 500',
    async (path) => {
      for (const [what, error] of errors) {
        jest.spyOn(h.sql, 'query').mockRejectedValue(error);
        const response = await h.admin.get(path);
        expect({ what, status: response.status, body: response.body }).toEqual({ what, status: 503, body: UNAVAILABLE });
      }
    },
  );

  it('still answers a bug with a 500 that says nothing of it', async () => {
    jest.spyOn(h.sql, 'query').mockRejectedValue(new Error('column "secret_detail" does not exist'));
    const response = await request(h.app.getHttpServer()).get('/v1.0/pods').set('X-Auth-Token', 'admin:admin').expect(500);
    expect(response.text).not.toContain('secret_detail');
    expect(response.body.computeFault.code).toBe(500);
  });
});
