// PodProxy against the pod simulator: endpoints from the real Keystone catalog (Cinder's with the
// caller's project filled in), the pod's own statuses, and its links rewritten to podgate's URL.
import { type SimulatedKeystone, startSimulatedKeystone } from '../testing/simulated-keystone';
import { rewritePodLinks, rewritePodLocation, publicServiceUrl } from './pod-links';
import { PodProxy } from './pod-proxy';

const PUBLIC = 'https://podgate.example';

describe('PodProxy with the pod simulator', () => {
  let keystone: SimulatedKeystone;
  let proxy: PodProxy;
  const pod = { podId: 'pod-1', name: 'Pod1', endpoints: {} };

  beforeAll(async () => {
    keystone = await startSimulatedKeystone();
    proxy = new PodProxy({ timeoutMs: 5000 }, keystone.client());
  });
  afterAll(async () => {
    proxy.close();
    await keystone.stop();
  });

  it("forwards to the catalog's compute endpoint and rewrites every link of the answer to podgate", async () => {
    const token = keystone.sim.issueToken('alice');
    const answer = await proxy.forward({
      pod,
      service: 'compute',
      projectId: keystone.projectId('tenant-a'),
      method: 'GET',
      path: '/flavors',
      query: 'limit=2',
      token,
    });
    expect(answer.status).toBe(200);
    expect(answer.podBaseUrl).toBe(keystone.sim.pods[0].computeUrl);
    const body = rewritePodLinks(answer.body, answer.podBaseUrl, publicServiceUrl(PUBLIC, 'compute')) as {
      flavors: { id: string; links: { href: string }[] }[];
      flavors_links?: { href: string }[];
    };
    const hrefs = [...body.flavors.flatMap((f) => f.links), ...(body.flavors_links ?? [])].map((l) => l.href);
    expect(hrefs.length).toBeGreaterThanOrEqual(4);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\/podgate\.example\/compute\/(v2\.1\/)?flavors/);
    expect(JSON.stringify(body)).not.toContain(keystone.sim.pods[0].url);
  });

  it("fills the caller's project into Cinder's endpoint template and passes a 404 back as a status", async () => {
    const token = keystone.sim.issueToken('alice');
    const projectId = keystone.projectId('tenant-a');
    const answer = await proxy.forward({ pod, service: 'volume', projectId, method: 'GET', path: '/volumes/nope', token });
    expect(answer.podBaseUrl).toBe(`${keystone.sim.pods[0].url}/volume/v3/${projectId}`);
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ itemNotFound: { code: 404 } });
    expect(rewritePodLocation(`${answer.podBaseUrl}/volumes/v-1`, answer.podBaseUrl, publicServiceUrl(PUBLIC, 'volume'))).toBe(
      `${PUBLIC}/volume/v3/${projectId}/volumes/v-1`,
    );
  });
});
