import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';

const AZS = 'os-availability-zone';
const MISMATCH = { badRequest: { code: 400, message: 'Malformed request url' } };

describe('volume URLs with and without the project id (Cinder’s ProjectMapper)', () => {
  let h: ComputeHarness;
  let tenantA: string;
  let tenantB: string;

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1' }, { az: 'az2' }] });
    tenantA = h.projectIdOf('tenant-a');
    tenantB = h.projectIdOf('tenant-b');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('serves the same answer in both forms', async () => {
    const plain = await h.as('alice').get(`/volume/v3/${AZS}`).expect(200);
    const project = await h.as('alice').get(`/volume/v3/${tenantA}/${AZS}`).expect(200);
    expect(project.body).toEqual(plain.body);
    expect(plain.body.availabilityZoneInfo.map((zone: { zoneName: string }) => zone.zoneName).sort()).toEqual(['az1', 'az2']);
  });

  // Cinder declares 3.67 (PROJECT_ID_OPTIONAL_IN_URL) but never checks it: both forms at every version.
  it.each(['3.0', '3.66', '3.67'])('serves the project-less form at %s too', async (version) => {
    await h.as('alice').get(`/volume/v3/${AZS}`).set('OpenStack-API-Version', `volume ${version}`).expect(200);
  });

  it('refuses another project in the URL with Cinder’s 400', async () => {
    const { body } = await h.as('alice').get(`/volume/v3/${tenantB}/${AZS}`).expect(400);
    expect(body).toEqual(MISMATCH);
  });

  it('refuses it for admins too: the URL must name the token’s project', async () => {
    const { body } = await h.as('admin').get(`/volume/v3/${tenantA}/${AZS}`).expect(400);
    expect(body).toEqual(MISMATCH);
  });

  it('checks identity before the project: no token is a 401 whatever the URL says', async () => {
    await h.as().get(`/volume/v3/${tenantB}/${AZS}`).expect(401);
  });

  it('answers unknown paths in either form with the 404 envelope', async () => {
    for (const path of ['/volume/v3/no-such-thing', `/volume/v3/${tenantA}/no-such-thing`]) {
      const { body } = await h.as('alice').get(path).expect(404);
      expect(body.itemNotFound.code).toBe(404);
    }
  });

  it('takes a non-hex segment as a path, not a project', async () => {
    await h.as('alice').get(`/volume/v3/tenant-a/${AZS}`).expect(404);
  });
});
