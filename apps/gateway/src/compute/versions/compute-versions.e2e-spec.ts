// The version documents written out in full (what python3-nova 26.2's views answer for the same base
// URL, v2.0 left out and podgate's range filled in). The live comparison with Nova's own views is in
// compute-versions.nova.system-spec.ts, run by `npm run test:system`, so `npm test` needs no Debian package.
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';

const HOST = 'podgate.example:8774';

/** GET /compute/ for a 2.1..2.88 range; compared as text, so key order counts. */
const LIST = {
  versions: [
    {
      id: 'v2.1',
      status: 'CURRENT',
      version: '2.88',
      min_version: '2.1',
      updated: '2013-07-23T11:33:21Z',
      links: [{ rel: 'self', href: 'http://podgate.example:8774/compute/v2.1/' }],
    },
  ],
};

/** GET /compute/v2.1 for the same range. */
const SHOW = {
  version: {
    id: 'v2.1',
    status: 'CURRENT',
    version: '2.88',
    min_version: '2.1',
    updated: '2013-07-23T11:33:21Z',
    links: [
      { rel: 'self', href: 'http://podgate.example:8774/compute/v2.1/' },
      { rel: 'describedby', type: 'text/html', href: 'http://docs.openstack.org/' },
    ],
    'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.compute+json;version=2.1' }],
  },
};

describe('compute version discovery (GET /compute/, /compute/v2.1)', () => {
  let h: ComputeHarness;

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1', computeMaxVersion: '2.88' }, { az: 'az2' }] });
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each(['/compute', '/compute/'])('%s lists v2.1 exactly as Nova does, key order included, without a token', async (path) => {
    const response = await h
      .as()
      .get(path)
      .set('Host', HOST)
      .expect(200)
      .expect('content-type', /application\/json/);
    expect(response.text).toBe(JSON.stringify(LIST));
  });

  it.each(['/compute/v2.1', '/compute/v2.1/'])('%s is Nova’s v2.1 document, without a token', async (path) => {
    const response = await h.as().get(path).set('Host', HOST).expect(200);
    expect(response.text).toBe(JSON.stringify(SHOW));
  });

  it('gives the lowest maximum among the pods (2.88 here) and Nova’s minimum', async () => {
    const { body } = await h.as().get('/compute/v2.1').expect(200);
    expect(body.version).toMatchObject({ version: '2.88', min_version: '2.1' });
  });

  it('links to podgate as the client addressed it, never to a pod', async () => {
    const { body } = await h.as().get('/compute/').expect(200);
    expect(body.versions[0].links).toEqual([{ rel: 'self', href: `${h.url}/compute/v2.1/` }]);
  });

  it('serves /compute/v2.1/versions/v2.1 to token holders only, as Nova’s API router does', async () => {
    const response = await h.as('alice').get('/compute/v2.1/versions/v2.1').set('Host', HOST).expect(200);
    expect(response.text).toBe(JSON.stringify(SHOW));
    await h.as().get('/compute/v2.1/versions/v2.1').expect(401);
  });

  it('answers an unknown version id with Nova’s bare 404', async () => {
    const { body } = await h.as('alice').get('/compute/v2.1/versions/v3.0').expect(404);
    expect(body).toEqual({ itemNotFound: { code: 404, message: 'The resource could not be found.' } });
  });
});
