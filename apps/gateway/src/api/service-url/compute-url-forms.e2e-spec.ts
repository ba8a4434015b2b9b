import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';

const MISMATCH = (url: string, token: string) =>
  `Malformed request URL: URL's project_id '${url}' doesn't match Context's project_id '${token}'`;

describe('compute URLs with and without the project id', () => {
  let h: ComputeHarness;
  let tenantA: string;
  let tenantB: string;

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1' }] });
    tenantA = h.projectIdOf('tenant-a');
    tenantB = h.projectIdOf('tenant-b');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('serves the same answer in both forms', async () => {
    const plain = await h.as('alice').get('/compute/v2.1/versions/v2.1').expect(200);
    const project = await h.as('alice').get(`/compute/v2.1/${tenantA}/versions/v2.1`).expect(200);
    expect(project.body).toEqual(plain.body);
    expect(plain.body.version.id).toBe('v2.1');
  });

  it('keeps the query string of the project form', async () => {
    for (const [id, ram] of [
      ['url.small', 512],
      ['url.large', 4096],
    ] as const) {
      await h
        .as('admin')
        .post('/compute/v2.1/flavors', { flavor: { id, name: id, ram, vcpus: 1, disk: 1 } })
        .expect(200);
    }
    const ids = (body: { flavors: { id: string }[] }) => body.flavors.map((flavor) => flavor.id).sort();
    const all = await h.as('alice').get(`/compute/v2.1/${tenantA}/flavors`).expect(200);
    expect(ids(all.body)).toEqual(['url.large', 'url.small']);
    // The controller sees the query of the rewritten URL: the filter applies, repeated keys included.
    const filtered = await h.as('alice').get(`/compute/v2.1/${tenantA}/flavors?minRam=1024&x=1&x=2`).expect(200);
    expect(ids(filtered.body)).toEqual(['url.large']);
    const paged = await h.as('alice').get(`/compute/v2.1/${tenantA}/flavors/detail?limit=1`).expect(200);
    expect(paged.body.flavors).toHaveLength(1);
    expect(paged.body.flavors_links[0].href).toMatch(new RegExp(`/compute/v2\\.1/${tenantA}/flavors/detail\\?limit=1&marker=`));
  });

  it.each(['', '/'])('serves the project form’s root (%j) as the version document, to token holders', async (tail) => {
    const { body } = await h.as('alice').get(`/compute/v2.1/${tenantA}${tail}`).expect(200);
    expect(body.version).toMatchObject({ id: 'v2.1', status: 'CURRENT' });
    await h.as().get(`/compute/v2.1/${tenantA}${tail}`).expect(401);
  });

  it('refuses another project in the URL with Nova’s 400', async () => {
    const { body } = await h.as('alice').get(`/compute/v2.1/${tenantB}/versions/v2.1`).expect(400);
    expect(body).toEqual({ badRequest: { code: 400, message: MISMATCH(tenantB, tenantA) } });
  });

  it('refuses it for admins too: the URL must name the token’s project', async () => {
    const adminProject = h.projectIdOf('admin');
    const { body } = await h.as('admin').get(`/compute/v2.1/${tenantA}/versions/v2.1`).expect(400);
    expect(body.badRequest.message).toBe(MISMATCH(tenantA, adminProject));
  });

  it('checks identity before the project: no token is a 401 whatever the URL says', async () => {
    await h.as().get(`/compute/v2.1/${tenantB}/versions/v2.1`).expect(401);
  });

  it('answers unknown paths in either form with Nova’s 404 envelope', async () => {
    for (const path of ['/compute/v2.1/no-such-thing', `/compute/v2.1/${tenantA}/no-such-thing`]) {
      const { body } = await h.as('alice').get(path).expect(404);
      expect(body.itemNotFound.code).toBe(404);
    }
  });

  it('takes a non-hex segment as a path, not a project (Nova’s [0-9a-f-]+ project ids)', async () => {
    // `tenant-a` is the project's name, not its id: no rewrite, so no route.
    await h.as('alice').get('/compute/v2.1/tenant-a/versions/v2.1').expect(404);
  });
});
