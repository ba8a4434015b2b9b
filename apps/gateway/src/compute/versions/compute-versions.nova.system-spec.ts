// podgate's version documents against python3-nova's own views (testing/nova_version_documents.py,
// run by /usr/bin/python3): the system tier, whose script installs python3-nova. The e2e spec next to
// this one asserts the same documents written out, so `npm test` needs no Debian package.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';

const HOST = 'podgate.example:8774';
const BASE = `http://${HOST}`;

interface NovaDocuments {
  list: { versions: Array<Record<string, unknown>> };
  show: { version: Record<string, unknown> };
}

/** What Nova's views answer for the same base URL, with podgate's range filled in. */
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

describe('compute version documents against Nova’s own views (python3-nova)', () => {
  let h: ComputeHarness;
  let nova: NovaDocuments;

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1', computeMaxVersion: '2.88' }] });
    nova = novaDocuments('2.88');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('reads a v2.1 entry from Nova (the comparison is not vacuous)', () => {
    expect(nova.list.versions).toHaveLength(1);
    expect(Object.keys(nova.show.version)).toEqual(['id', 'status', 'version', 'min_version', 'updated', 'links', 'media-types']);
  });

  it.each(['/compute', '/compute/'])('%s is Nova’s list, key order included', async (path) => {
    const response = await h.as().get(path).set('Host', HOST).expect(200);
    expect(response.text).toBe(JSON.stringify(nova.list));
  });

  it.each(['/compute/v2.1', '/compute/v2.1/'])('%s is Nova’s v2.1 document, key order included', async (path) => {
    const response = await h.as().get(path).set('Host', HOST).expect(200);
    expect(response.text).toBe(JSON.stringify(nova.show));
  });

  it('/compute/v2.1/versions/v2.1 is Nova’s v2.1 document too', async () => {
    const response = await h.as('alice').get('/compute/v2.1/versions/v2.1').set('Host', HOST).expect(200);
    expect(response.text).toBe(JSON.stringify(nova.show));
  });
});
