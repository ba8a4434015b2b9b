import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { type ComputeHarness, startComputeHarness } from '../testing/compute-harness';

const HOST = 'podgate.example:8774';
const BASE = `http://${HOST}`;

interface NovaDocuments {
  list: { versions: Array<Record<string, unknown>> };
  show: { version: Record<string, unknown> };
}

/** What python3-nova's own views answer for the same base URL, with podgate's range filled in. */
function novaDocuments(version: string): NovaDocuments {
  const output = execFileSync('/usr/bin/python3', [join(__dirname, '../testing/nova_version_documents.py'), `${BASE}/compute`], {
    encoding: 'utf8',
    // Nova's import-time warnings (eventlet) go to stderr; keep them out of the test output.
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const nova = JSON.parse(output) as NovaDocuments;
  return {
    // podgate serves no /v2 (legacy v2.0) endpoint, so it lists v2.1 alone.
    list: { versions: nova.list.versions.filter((v) => v.id === 'v2.1').map((v) => ({ ...v, version })) },
    show: { version: { ...nova.show.version, version } },
  };
}

describe('compute version discovery (GET /compute/, /compute/v2.1)', () => {
  let h: ComputeHarness;
  let nova: NovaDocuments;

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1', computeMaxVersion: '2.88' }, { az: 'az2' }] });
    nova = novaDocuments('2.88');
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
    expect(response.text).toBe(JSON.stringify(nova.list));
  });

  it.each(['/compute/v2.1', '/compute/v2.1/'])('%s is Nova’s v2.1 document, without a token', async (path) => {
    const response = await h.as().get(path).set('Host', HOST).expect(200);
    expect(response.text).toBe(JSON.stringify(nova.show));
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
    expect(response.text).toBe(JSON.stringify(nova.show));
    await h.as().get('/compute/v2.1/versions/v2.1').expect(401);
  });

  it('answers an unknown version id with Nova’s bare 404', async () => {
    const { body } = await h.as('alice').get('/compute/v2.1/versions/v3.0').expect(404);
    expect(body).toEqual({ itemNotFound: { code: 404, message: 'The resource could not be found.' } });
  });
});
