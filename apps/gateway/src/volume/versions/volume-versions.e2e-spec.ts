// Cinder's version documents written out in full (cinder/api/versions.py _KNOWN_VERSIONS through
// views/versions.py, for the same base URL), podgate's range filled in: compared as text, key order included.
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';

const HOST = 'podgate.example:8776';

/** GET /volume/ (300) and /volume/v3/ (200) for a 3.0..3.66 range. */
const LIST = {
  versions: [
    {
      id: 'v3.0',
      status: 'CURRENT',
      version: '3.66',
      min_version: '3.0',
      updated: '2023-08-31T00:00:00Z',
      links: [
        { rel: 'describedby', type: 'text/html', href: 'https://docs.openstack.org/' },
        { rel: 'self', href: 'http://podgate.example:8776/volume/v3/' },
      ],
      'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.volume+json;version=3' }],
    },
  ],
};

describe('volume version discovery (GET /volume/, /volume/v3/)', () => {
  let h: ComputeHarness;

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1', volumeMaxVersion: '3.66' }, { az: 'az2' }] });
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each(['/volume', '/volume/'])('%s lists v3.0 as Cinder’s root does: 300 Multiple Choices, without a token', async (path) => {
    const response = await h
      .as()
      .get(path)
      .set('Host', HOST)
      .expect(300)
      .expect('content-type', /application\/json/);
    expect(response.text).toBe(JSON.stringify(LIST));
  });

  it.each(['/volume/v3', '/volume/v3/'])('%s is Cinder’s v3 index: the same list, 200, without a token', async (path) => {
    const response = await h.as().get(path).set('Host', HOST).expect(200);
    expect(response.text).toBe(JSON.stringify(LIST));
  });

  it('gives the lowest volume maximum among the pods (3.66 here, the other pod is at 3.71) and Cinder’s 3.0', async () => {
    const { body } = await h.as().get('/volume/v3/').expect(200);
    expect(body.versions[0]).toMatchObject({ version: '3.66', min_version: '3.0' });
  });

  it('is negotiated like every Cinder request: the version headers at the default 3.0', async () => {
    const response = await h.as().get('/volume/').expect(300);
    expect(response.headers['openstack-api-version']).toBe('volume 3.0');
    expect(response.headers.vary).toBe('OpenStack-API-Version');
  });

  it('links to podgate as the client addressed it, never to a pod', async () => {
    const { body } = await h.as().get('/volume/').expect(300);
    expect(body.versions[0].links[1]).toEqual({ rel: 'self', href: `${h.url}/volume/v3/` });
  });

  it('serves nothing at the project form’s root, as Cinder routes nothing there', async () => {
    const project = h.projectIdOf('tenant-a');
    for (const path of [`/volume/v3/${project}`, `/volume/v3/${project}/`]) {
      const { body } = await h.as('alice').get(path).expect(404);
      expect(body.itemNotFound.code).toBe(404);
    }
  });
});
