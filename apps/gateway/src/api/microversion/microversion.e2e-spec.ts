import type { Response } from 'supertest';
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';

const STD = 'OpenStack-API-Version';
const LEGACY = 'X-OpenStack-Nova-API-Version';

/** The version headers of an answer, as Nova's Resource and Fault set them. */
function versionHeaders(response: Response) {
  return {
    std: response.headers['openstack-api-version'],
    legacy: response.headers['x-openstack-nova-api-version'],
    vary: response.headers.vary,
  };
}

const echoed = (version: string) => ({
  std: `compute ${version}`,
  legacy: version,
  vary: 'OpenStack-API-Version, X-OpenStack-Nova-API-Version',
});
const NONE = { std: undefined, legacy: undefined, vary: undefined };

describe('compute microversion negotiation (/compute/v2.1/**)', () => {
  let h: ComputeHarness;

  beforeAll(async () => {
    h = await startComputeHarness({
      pods: [
        { az: 'az1', computeMaxVersion: '2.90' },
        { az: 'az2', computeMaxVersion: '2.79' },
      ],
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  describe('what is served', () => {
    it.each<[string, Record<string, string>, string]>([
      ['no version asked: Nova’s minimum', {}, '2.1'],
      ['latest: the lowest maximum among the registered pods', { [STD]: 'compute latest' }, '2.79'],
      ['a version within the range', { [STD]: 'compute 2.42' }, '2.42'],
      ['the maximum itself', { [STD]: 'compute 2.79' }, '2.79'],
      ['the legacy header alone', { [LEGACY]: '2.53' }, '2.53'],
      ['both: the standard header wins', { [STD]: 'compute 2.30', [LEGACY]: '2.5' }, '2.30'],
      ['another service’s version only: the minimum', { [STD]: 'volume 3.50' }, '2.1'],
    ])('%s -> %s, echoed in both headers with Vary', async (_name, headers, version) => {
      const response = await h.as().get('/compute/v2.1').set(headers).expect(200);
      expect(versionHeaders(response)).toEqual(echoed(version));
    });

    it('announces the same range in the version document', async () => {
      const { body } = await h.as().get('/compute/v2.1').expect(200);
      expect(body.version).toMatchObject({ version: '2.79', min_version: '2.1' });
    });
  });

  describe('refusals', () => {
    it.each(['2.80', '2.0', '3.0', '1.5'])(
      '%s is out of range: 406 with Nova’s words, the requested version echoed',
      async (v) => {
        const response = await h.as().get('/compute/v2.1').set(STD, `compute ${v}`).expect(406);
        expect(response.body).toEqual({
          computeFault: { code: 406, message: `Version ${v} is not supported by the API. Minimum is 2.1 and maximum is 2.79.` },
        });
        expect(versionHeaders(response)).toEqual(echoed(v));
      },
    );

    it.each<[string, Record<string, string>, string]>([
      ['a leading zero', { [STD]: 'compute 2.01' }, '2.01'],
      ['junk', { [STD]: 'compute junk' }, 'junk'],
      ['Latest in another case', { [LEGACY]: 'Latest' }, 'Latest'],
      ['a malformed standard header beats a good legacy one', { [STD]: 'compute 2.x', [LEGACY]: '2.5' }, '2.x'],
    ])('%s: 400 with Nova’s words and no version headers (nothing was negotiated)', async (_name, headers, text) => {
      const response = await h.as().get('/compute/v2.1').set(headers).expect(400);
      expect(response.body).toEqual({
        badRequest: {
          code: 400,
          message: `API Version String ${text} is of invalid format. Must be of format MajorNum.MinorNum.`,
        },
      });
      expect(versionHeaders(response)).toEqual(NONE);
    });

    // Nova's keystonemiddleware would answer 401 first; podgate negotiates before anything else.
    it('refuses an unsupported version before authentication', async () => {
      await h.as().get('/compute/v2.1/versions/v2.1').set(STD, 'compute 9.9').expect(406);
    });
  });

  describe('every compute answer names its version', () => {
    it('a 401 without a token', async () => {
      const response = await h.as().get('/compute/v2.1/versions/v2.1').set(STD, 'compute 2.42').expect(401);
      expect(versionHeaders(response)).toEqual(echoed('2.42'));
    });

    it('a 404 for a path no route serves', async () => {
      const response = await h.as('alice').get('/compute/v2.1/no-such-thing').set(STD, 'compute 2.42').expect(404);
      expect(response.body.itemNotFound).toBeDefined();
      expect(versionHeaders(response)).toEqual(echoed('2.42'));
    });

    it('a 404 from a handler, at the default version', async () => {
      const response = await h.as('alice').get('/compute/v2.1/versions/v9').expect(404);
      expect(versionHeaders(response)).toEqual(echoed('2.1'));
    });

    it('a 400 for a project mismatch in the URL, at latest', async () => {
      const other = h.projectIdOf('tenant-b');
      const response = await h.as('alice').get(`/compute/v2.1/${other}/versions/v2.1`).set(LEGACY, 'latest').expect(400);
      expect(versionHeaders(response)).toEqual(echoed('2.79'));
    });

    // Fastify's router decodes `%2E` (and every unreserved character) before matching, so the hook
    // must judge the URL the router will route, not the bytes the client sent.
    it.each(['/compute/v2%2E1/flavors', '/compute/v2%2e1/flavors', '/c%6Fmpute/v2.1/flavors', '/compute/%762.1/flavors'])(
      'a percent-encoded prefix the router decodes: %s',
      async (path) => {
        const response = await h.as('alice').get(path).set(STD, 'compute 2.42').expect(200);
        expect(Array.isArray(response.body.flavors)).toBe(true);
        expect(versionHeaders(response)).toEqual(echoed('2.42'));
      },
    );

    it('an encoded prefix is refused an unsupported version like the plain one', async () => {
      const response = await h.as().get('/compute/v2%2E1/versions/v2.1').set(STD, 'compute 9.9').expect(406);
      expect(versionHeaders(response)).toEqual(echoed('9.9'));
    });

    it('an encoded project form is rewritten and checked like the plain one', async () => {
      const own = h.projectIdOf('tenant-a');
      const other = h.projectIdOf('tenant-b');
      const encoded = (id: string) => `%${id.charCodeAt(0).toString(16)}${id.slice(1)}`;
      await h
        .as('alice')
        .get(`/compute/v2%2E1/${encoded(own)}/versions/v2.1`)
        .expect(200);
      const response = await h
        .as('alice')
        .get(`/compute/v2.1/${encoded(other)}/versions/v2.1`)
        .expect(400);
      expect(versionHeaders(response)).toEqual(echoed('2.1'));
    });

    it('but not the unversioned root (/compute/), which Nova keeps out of microversions', async () => {
      const response = await h.as().get('/compute/').set(STD, 'compute junk').expect(200);
      expect(versionHeaders(response)).toEqual(NONE);
    });

    it('and not the admin API', async () => {
      const response = await h.as('admin').get('/v1.0/pods').set(STD, 'compute junk').expect(200);
      expect(versionHeaders(response)).toEqual(NONE);
    });
  });
});
