import type { Response } from 'supertest';
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';

const STD = 'OpenStack-API-Version';

/** The version headers of an answer, as Cinder's Resource and Fault set them. */
function versionHeaders(response: Response) {
  return {
    std: response.headers['openstack-api-version'],
    legacy: response.headers['x-openstack-nova-api-version'],
    vary: response.headers.vary,
  };
}

const echoed = (version: string) => ({ std: `volume ${version}`, legacy: undefined, vary: 'OpenStack-API-Version' });
const NONE = { std: undefined, legacy: undefined, vary: undefined };
const DOCUMENT = '/volume/v3/';
const AZS = '/volume/v3/os-availability-zone';

describe('volume microversion negotiation (/volume/**)', () => {
  let h: ComputeHarness;

  beforeAll(async () => {
    h = await startComputeHarness({
      pods: [
        { az: 'az1', volumeMaxVersion: '3.70' },
        { az: 'az2', volumeMaxVersion: '3.64' },
        { az: 'az3', volumeMaxVersion: '3.55', register: false },
      ],
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  describe('what is served', () => {
    it.each<[string, Record<string, string>, string]>([
      ['no version asked: Cinder’s 3.0', {}, '3.0'],
      ['latest: the lowest maximum among the registered pods', { [STD]: 'volume latest' }, '3.64'],
      ['a version within the range', { [STD]: 'volume 3.42' }, '3.42'],
      ['the maximum itself', { [STD]: 'volume 3.64' }, '3.64'],
      ['beside a compute entry', { [STD]: 'compute 2.90, volume 3.27' }, '3.27'],
      ['Nova’s legacy header is not Cinder’s: the default', { 'X-OpenStack-Nova-API-Version': '3.5' }, '3.0'],
    ])('%s -> %s, echoed with Vary', async (_name, headers, version) => {
      const response = await h.as('alice').get(AZS).set(headers).expect(200);
      expect(versionHeaders(response)).toEqual(echoed(version));
    });

    it('leaves compute requests to compute’s negotiation, whatever the volume header says', async () => {
      const response = await h.as().get('/compute/v2.1').set(STD, 'volume 3.42').expect(200);
      expect(response.headers['openstack-api-version']).toBe('compute 2.1');
    });
  });

  describe('refusals', () => {
    it.each(['3.65', '4.0', '3.99999999999999999999'])(
      '%s is out of range: 406 with Cinder’s words, the requested version echoed',
      async (v) => {
        const response = await h.as('alice').get(AZS).set(STD, `volume ${v}`).expect(406);
        expect(response.body).toEqual({
          computeFault: { code: 406, message: `Version ${v} is not supported by the API. Minimum is 3.0 and maximum is 3.64.` },
        });
        expect(versionHeaders(response)).toEqual(echoed(v));
      },
    );

    it('refuses 2.0 without version headers, as Cinder takes it for its legacy v2 API', async () => {
      const response = await h.as().get(DOCUMENT).set(STD, 'volume 2.0').expect(406);
      expect(response.body.computeFault.message).toBe(
        'Version 2.0 is not supported by the API. Minimum is 3.0 and maximum is 3.64.',
      );
      expect(versionHeaders(response)).toEqual(NONE);
    });

    it.each(['3.05', 'junk', 'Latest', '3'])('volume %s: 400 with Cinder’s words and no version headers', async (text) => {
      const response = await h.as().get(DOCUMENT).set(STD, `volume ${text}`).expect(400);
      expect(response.body).toEqual({
        badRequest: {
          code: 400,
          message: `API Version String ${text} is of invalid format. Must be of format MajorNum.MinorNum.`,
        },
      });
      expect(versionHeaders(response)).toEqual(NONE);
    });

    it('a version header without a volume entry: Cinder’s bare 400', async () => {
      const response = await h.as('alice').get(AZS).set(STD, 'compute 2.1').expect(400);
      expect(response.body).toEqual({
        badRequest: {
          code: 400,
          message: 'The server could not comply with the request since it is either malformed or otherwise incorrect.',
        },
      });
      expect(versionHeaders(response)).toEqual(NONE);
    });

    it('refuses an unsupported version before authentication', async () => {
      await h.as().get(AZS).set(STD, 'volume 9.9').expect(406);
    });
  });

  describe('every volume answer names its version', () => {
    it('a 401 without a token', async () => {
      const response = await h.as().get(AZS).set(STD, 'volume 3.42').expect(401);
      expect(versionHeaders(response)).toEqual(echoed('3.42'));
    });

    it('a 404 for a path no route serves', async () => {
      const response = await h.as('alice').get('/volume/v3/no-such-thing').set(STD, 'volume 3.42').expect(404);
      expect(response.body.itemNotFound).toBeDefined();
      expect(versionHeaders(response)).toEqual(echoed('3.42'));
    });

    it('a 400 for a project mismatch in the URL, at latest', async () => {
      const other = h.projectIdOf('tenant-b');
      const response = await h.as('alice').get(`/volume/v3/${other}/os-availability-zone`).set(STD, 'volume latest').expect(400);
      expect(versionHeaders(response)).toEqual(echoed('3.64'));
    });

    it('a percent-encoded prefix the router decodes', async () => {
      const response = await h.as('alice').get('/v%6flume/v%33/os-availability-zone').set(STD, 'volume 3.42').expect(200);
      expect(versionHeaders(response)).toEqual(echoed('3.42'));
    });
  });

  it('follows the pods: a pod with a lower volume maximum registered later lowers the range', async () => {
    await h.registerPod(2);
    await h.refreshVersions();
    const response = await h.as('alice').get(AZS).set(STD, 'volume latest').expect(200);
    expect(versionHeaders(response)).toEqual(echoed('3.55'));
    const { body } = await h.as().get(DOCUMENT).expect(200);
    expect(body.versions[0].version).toBe('3.55');
    // Compute's range is its own: the pods' Nova maxima did not move.
    const compute = await h.as().get('/compute/v2.1').set(STD, 'compute latest').expect(200);
    expect(compute.headers['openstack-api-version']).toBe('compute 2.96');
  });
});
