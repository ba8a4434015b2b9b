// Nova's shapes asserted field by field; the same answers against Tempest's response schemas
// (Debian python3-tempest) are in flavors-tempest.system-spec.ts, run by `npm run test:system`.
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';

const V = (version: string) => ({ 'OpenStack-API-Version': `compute ${version}` });
const body = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  flavor: { id, name, ram: 1024, vcpus: 2, disk: 10, ...extra },
});

/** Nova's flavor view (`nova/api/openstack/compute/views/flavors.py`) below 2.55, links aside. */
const V21_KEYS = [
  'OS-FLV-DISABLED:disabled',
  'OS-FLV-EXT-DATA:ephemeral',
  'disk',
  'id',
  'links',
  'name',
  'os-flavor-access:is_public',
  'ram',
  'rxtx_factor',
  'swap',
  'vcpus',
];
const V261_KEYS = [...V21_KEYS, 'description', 'extra_specs'].sort();

describe('compute flavors API (gateway + simulated pods, real sockets)', () => {
  let h: ComputeHarness;
  const links = (id: string) => [
    { rel: 'self', href: `${h.url}/compute/v2.1/flavors/${id}` },
    { rel: 'bookmark', href: `${h.url}/compute/flavors/${id}` },
  ];
  /** A flavor's full show view as Nova gives it for `body(id, name)` with these fields changed. */
  const view = (id: string, name: string, fields: Record<string, unknown> = {}) => ({
    id,
    name,
    ram: 1024,
    disk: 10,
    swap: '',
    'OS-FLV-EXT-DATA:ephemeral': 0,
    'OS-FLV-DISABLED:disabled': false,
    vcpus: 2,
    'os-flavor-access:is_public': true,
    rxtx_factor: 1,
    links: links(id),
    ...fields,
  });

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1' }] });
  });
  afterAll(() => h?.close());

  describe('create (admin)', () => {
    it('answers 200 with Nova’s show view at each microversion', async () => {
      const admin = h.as('admin');
      const v21 = await admin.post('/compute/v2.1/flavors', body('e2e.a', 'e2e-a')).set(V('2.1')).expect(200);
      expect(v21.body).toEqual({
        flavor: {
          id: 'e2e.a',
          name: 'e2e-a',
          ram: 1024,
          disk: 10,
          swap: '',
          'OS-FLV-EXT-DATA:ephemeral': 0,
          'OS-FLV-DISABLED:disabled': false,
          vcpus: 2,
          'os-flavor-access:is_public': true,
          rxtx_factor: 1,
          links: [
            { rel: 'self', href: `${h.url}/compute/v2.1/flavors/e2e.a` },
            { rel: 'bookmark', href: `${h.url}/compute/flavors/e2e.a` },
          ],
        },
      });
      const v255 = await admin
        .post('/compute/v2.1/flavors', body('e2e.b', 'e2e-b', { description: 'two', swap: 512, rxtx_factor: '2.5' }))
        .set(V('2.55'))
        .expect(200);
      expect(v255.body).toEqual({ flavor: view('e2e.b', 'e2e-b', { description: 'two', swap: 512, rxtx_factor: 2.5 }) });
      const v261 = await admin.post('/compute/v2.1/flavors', body('e2e.c', 'e2e-c')).set(V('2.61')).expect(200);
      expect(v261.body).toEqual({ flavor: view('e2e.c', 'e2e-c', { description: null, extra_specs: {} }) });
      const v275 = await admin.post('/compute/v2.1/flavors', body('e2e.d', 'e2e-d')).set(V('2.75')).expect(200);
      expect(v275.body).toEqual({ flavor: view('e2e.d', 'e2e-d', { swap: 0, description: null, extra_specs: {} }) });
    });

    it('generates an id when none is given, and takes numbers as Nova does', async () => {
      const admin = h.as('admin');
      const generated = await admin
        .post('/compute/v2.1/flavors', { flavor: { name: 'e2e-gen', ram: '512', vcpus: 1, disk: 0 } })
        .expect(200);
      expect(generated.body.flavor.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(generated.body.flavor.ram).toBe(512);
      await admin.delete(`/compute/v2.1/flavors/${generated.body.flavor.id}`).expect(202);
      const numbered = await admin.post('/compute/v2.1/flavors', body('', 'e2e-num', { id: 9001 })).expect(200);
      expect(numbered.body.flavor.id).toBe('9001');
    });

    it('refuses in Nova’s words: non-admins 403, bad bodies 400, a taken id or name 409', async () => {
      await h.as('alice').post('/compute/v2.1/flavors', body('e2e.x', 'e2e-x')).expect(403);
      const admin = h.as('admin');
      const missing = await admin.post('/compute/v2.1/flavors', { flavor: { name: 'n', ram: 1, vcpus: 1 } }).expect(400);
      expect(missing.body).toEqual({
        badRequest: {
          code: 400,
          message:
            "Invalid input for field/attribute flavor. Value: {'name': 'n', 'ram': 1, 'vcpus': 1}. 'disk' is a required property",
        },
      });
      const zeroRam = await admin.post('/compute/v2.1/flavors', body('e2e.x', 'e2e-x', { ram: 0 })).expect(400);
      expect(zeroRam.body.badRequest.message).toBe(
        'Invalid input for field/attribute ram. Value: 0. 0 is less than the minimum of 1',
      );
      const badId = await admin.post('/compute/v2.1/flavors', body(' x', 'e2e-x')).expect(400);
      expect(badId.body.badRequest.message).toContain("does not match '^(?! )[a-zA-Z0-9. _-]+(?<! )$'");
      const rxtx = await admin.post('/compute/v2.1/flavors', body('e2e.x', 'e2e-x', { rxtx_factor: 0 })).expect(400);
      expect(rxtx.body.badRequest.message).toBe(
        'Invalid input for field/attribute rxtx_factor. Value: 0. 0 is less than or equal to the minimum of 0',
      );
      const name = await admin.post('/compute/v2.1/flavors', body('e2e.x', ' padded')).expect(400);
      expect(name.body.badRequest.message).toBe(
        "An invalid 'name' value was provided. The name must be: printable characters. Can not start or end with whitespace.",
      );
      const early = await admin
        .post('/compute/v2.1/flavors', body('e2e.x', 'e2e-x', { description: 'd' }))
        .set(V('2.54'))
        .expect(400);
      expect(early.body.badRequest.message).toContain("Additional properties are not allowed ('description' was unexpected)");
      const takenId = await admin.post('/compute/v2.1/flavors', body('e2e.a', 'e2e-other')).expect(409);
      expect(takenId.body).toEqual({ conflictingRequest: { code: 409, message: 'Flavor with ID e2e.a already exists.' } });
      const takenName = await admin.post('/compute/v2.1/flavors', body('e2e.other', 'e2e-a')).expect(409);
      expect(takenName.body.conflictingRequest.message).toBe('Flavor with name e2e-a already exists.');
    });
  });

  describe('reading', () => {
    beforeAll(async () => {
      const admin = h.as('admin');
      await admin
        .post('/compute/v2.1/flavors', body('e2e.private', 'e2e-private', { 'os-flavor-access:is_public': false }))
        .expect(200);
      await admin
        .post('/compute/v2.1/flavors/e2e.private/action', { addTenantAccess: { tenant: h.projectIdOf('tenant-a') } })
        .expect(200);
      await admin
        .post('/compute/v2.1/flavors', body('e2e.secret', 'e2e-secret', { 'os-flavor-access:is_public': 'False' }))
        .expect(200);
    });

    const ids = (answer: { body: { flavors: { id: string }[] } }) => answer.body.flavors.map((f) => f.id);

    it('lists public flavors and the private ones shared with the caller’s project, by id', async () => {
      const alice = await h.as('alice').get('/compute/v2.1/flavors').expect(200);
      // The summary view: exactly id, name and links; no flavors_links without a limit.
      expect(alice.body).toEqual({
        flavors: [
          ['9001', 'e2e-num'],
          ['e2e.a', 'e2e-a'],
          ['e2e.b', 'e2e-b'],
          ['e2e.c', 'e2e-c'],
          ['e2e.d', 'e2e-d'],
          ['e2e.private', 'e2e-private'],
        ].map(([id, name]) => ({ id, name, links: links(id) })),
      });
      const bob = await h.as('bob').get('/compute/v2.1/flavors/detail').set(V('2.61')).expect(200);
      expect(Object.keys(bob.body)).toEqual(['flavors']);
      expect(ids(bob)).toEqual(['9001', 'e2e.a', 'e2e.b', 'e2e.c', 'e2e.d']);
      for (const flavor of bob.body.flavors) expect(Object.keys(flavor).sort()).toEqual(V261_KEYS);
      expect(bob.body.flavors[2]).toEqual(
        view('e2e.b', 'e2e-b', { description: 'two', swap: 512, rxtx_factor: 2.5, extra_specs: {} }),
      );
      await h.as('bob').get('/compute/v2.1/flavors/e2e.private').expect(404);
      const shown = await h.as('alice').get('/compute/v2.1/flavors/e2e.private').set(V('2.55')).expect(200);
      expect(shown.body).toEqual({
        flavor: view('e2e.private', 'e2e-private', { 'os-flavor-access:is_public': false, description: null }),
      });
      const plain = await h.as('alice').get('/compute/v2.1/flavors/e2e.a').set(V('2.1')).expect(200);
      expect(Object.keys(plain.body.flavor).sort()).toEqual(V21_KEYS);
    });

    it('gives admins is_public (default public, false, none) and Nova’s filters', async () => {
      const admin = h.as('admin');
      expect(ids(await admin.get('/compute/v2.1/flavors?is_public=false').expect(200))).toEqual(['e2e.private', 'e2e.secret']);
      expect(ids(await admin.get('/compute/v2.1/flavors').expect(200))).not.toContain('e2e.secret');
      expect(ids(await admin.get('/compute/v2.1/flavors?is_public=None').expect(200))).toContain('e2e.secret');
      const bad = await admin.get('/compute/v2.1/flavors?is_public=maybe').expect(400);
      expect(bad.body.badRequest.message).toBe('Invalid is_public filter [maybe]');
      const big = await admin.get('/compute/v2.1/flavors/detail?minRam=1024&minDisk=10&sort_key=name&sort_dir=desc').expect(200);
      expect(ids(big)).toEqual(['9001', 'e2e.d', 'e2e.c', 'e2e.b', 'e2e.a']);
      const minRam = await admin.get('/compute/v2.1/flavors?minRam=lots').expect(400);
      expect(minRam.body.badRequest.message).toBe('Invalid minRam filter [lots]');
    });

    it('pages with limit and marker, with Nova’s next link', async () => {
      const first = await h.as('alice').get('/compute/v2.1/flavors?sort_dir=asc&limit=2').expect(200);
      expect(ids(first)).toEqual(['9001', 'e2e.a']);
      expect(first.body.flavors_links).toEqual([
        { rel: 'next', href: `${h.url}/compute/v2.1/flavors?limit=2&sort_dir=asc&marker=e2e.a` },
      ]);
      const next = new URL(first.body.flavors_links[0].href);
      const second = await h
        .as('alice')
        .get(next.pathname + next.search)
        .expect(200);
      expect(ids(second)).toEqual(['e2e.b', 'e2e.c']);
      const last = await h.as('alice').get('/compute/v2.1/flavors/detail?marker=e2e.d').expect(200);
      expect(last.body).not.toHaveProperty('flavors_links');
      const unknown = await h.as('alice').get('/compute/v2.1/flavors?marker=e2e.secret').expect(400);
      expect(unknown.body.badRequest.message).toBe('marker [e2e.secret] not found');
    });

    it('links the next page with the query quoted as Nova’s urlencode, and in the project form when used', async () => {
      // Below 2.75 unknown parameters are ignored, yet Nova repeats them in the next link.
      const quoted = await h.as('alice').get('/compute/v2.1/flavors?limit=2&x=a~b*c').expect(200);
      expect(quoted.body.flavors_links).toEqual([
        { rel: 'next', href: `${h.url}/compute/v2.1/flavors?limit=2&x=a~b%2Ac&marker=e2e.a` },
      ]);
      const project = h.projectIdOf('tenant-a');
      const paged = await h.as('alice').get(`/compute/v2.1/${project}/flavors/detail?limit=2`).expect(200);
      expect(paged.body.flavors_links[0].href).toBe(`${h.url}/compute/v2.1/${project}/flavors/detail?limit=2&marker=e2e.a`);
    });

    it('checks the query as Nova: enums and limits always, unknown parameters from 2.75', async () => {
      const sort = await h.as('alice').get('/compute/v2.1/flavors?sort_key=size').expect(400);
      expect(sort.body.badRequest.message).toMatch(
        /^Invalid input for query parameters sort_key\. Value: size\. 'size' is not one of \['created_at'/,
      );
      const limit = await h.as('alice').get('/compute/v2.1/flavors?limit=-1').expect(400);
      expect(limit.body.badRequest.message).toBe(
        "Invalid input for query parameters limit. Value: -1. '-1' does not match '^[0-9]*$'",
      );
      await h.as('alice').get('/compute/v2.1/flavors?colour=red').set(V('2.74')).expect(200);
      const strict = await h.as('alice').get('/compute/v2.1/flavors?colour=red').set(V('2.75')).expect(400);
      expect(strict.body.badRequest.message).toBe("Additional properties are not allowed ('colour' was unexpected)");
    });

    it('links to the project form of the URL when the client used it', async () => {
      const project = h.projectIdOf('tenant-a');
      const answer = await h.as('alice').get(`/compute/v2.1/${project}/flavors/e2e.a`).expect(200);
      expect(answer.body.flavor.links).toEqual([
        { rel: 'self', href: `${h.url}/compute/v2.1/${project}/flavors/e2e.a` },
        { rel: 'bookmark', href: `${h.url}/compute/${project}/flavors/e2e.a` },
      ]);
    });
  });

  describe('update and delete (admin)', () => {
    it('updates the description from 2.55 only', async () => {
      const admin = h.as('admin');
      await admin
        .put('/compute/v2.1/flavors/e2e.a', { flavor: { description: 'x' } })
        .set(V('2.54'))
        .expect(404);
      const updated = await admin
        .put('/compute/v2.1/flavors/e2e.a', { flavor: { description: 'now described' } })
        .set(V('2.55'))
        .expect(200);
      expect(updated.body).toEqual({ flavor: view('e2e.a', 'e2e-a', { description: 'now described' }) });
      const missing = await admin.put('/compute/v2.1/flavors/e2e.a', { flavor: {} }).set(V('2.55')).expect(400);
      expect(missing.body.badRequest.message).toBe(
        "Invalid input for field/attribute flavor. Value: {}. 'description' is a required property",
      );
      await admin
        .put('/compute/v2.1/flavors/nope', { flavor: { description: null } })
        .set(V('2.55'))
        .expect(404);
      await h
        .as('alice')
        .put('/compute/v2.1/flavors/e2e.a', { flavor: { description: 'x' } })
        .set(V('2.55'))
        .expect(403);
    });

    it('deletes with 202 and no body; the flavor is gone', async () => {
      const admin = h.as('admin');
      const deleted = await admin.delete('/compute/v2.1/flavors/e2e.d').expect(202);
      expect(deleted.text).toBe('');
      const gone = await admin.get('/compute/v2.1/flavors/e2e.d').expect(404);
      expect(gone.body).toEqual({ itemNotFound: { code: 404, message: 'Flavor e2e.d could not be found.' } });
      await admin.delete('/compute/v2.1/flavors/e2e.d').expect(404);
      await h.as('alice').delete('/compute/v2.1/flavors/e2e.c').expect(403);
    });
  });
});
