// Pod endpoints from the service token's catalog (pod name = region), and admin overrides.
import { SERVICE, type SimulatedKeystone, startSimulatedKeystone } from '../testing/simulated-keystone';
import { withProject } from './catalog';
import { KeystoneClient } from './keystone-client';
import { EndpointNotFoundError } from './keystone.errors';
import { PodEndpointResolver, resolvePodEndpoint } from './pod-endpoint-resolver';

describe('KeystoneClient endpoints', () => {
  let keystone: SimulatedKeystone;
  let client: KeystoneClient;

  beforeAll(async () => {
    keystone = await startSimulatedKeystone();
    client = keystone.client();
  });
  afterAll(() => keystone.stop());

  it('finds a pod compute endpoint by region', async () => {
    expect(await client.endpointFor('Pod1', 'compute')).toBe(keystone.sim.pods[0].computeUrl);
    expect(await client.endpointFor('Pod2', 'compute')).toBe(keystone.sim.pods[1].computeUrl);
  });

  it("returns volumev3 as a %(project_id)s template, not with the service project's id", async () => {
    const template = await client.endpointFor('Pod1', 'volumev3');
    expect(template).toBe(`${keystone.sim.pods[0].url}/volume/v3/%(project_id)s`);
    expect(template).not.toContain(keystone.projectId('service'));
    const tenantA = keystone.projectId('tenant-a');
    expect(withProject(template, tenantA)).toBe(`${keystone.sim.pods[0].url}/volume/v3/${tenantA}`);
  });

  it('names the region and type when the catalog has no such endpoint', async () => {
    const error = await client.endpointFor('Pod9', 'compute').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EndpointNotFoundError);
    expect(error).toMatchObject({ kind: 'serviceUnavailable', message: expect.stringMatching(/compute.*Pod9/) });
    await expect(client.endpointFor('Pod1', 'object-store')).rejects.toThrow(/object-store endpoint in region Pod1/);
  });

  it('lists the regions offering compute or volumev3', async () => {
    expect(await client.regions()).toEqual(['RegionOne', 'Pod1', 'Pod2']);
  });

  it('prefers the pod explicit override, else the catalog of its region', async () => {
    const pod = { name: 'Pod2', endpoints: { compute: 'http://10.0.0.9:8774/v2.1/' } };
    expect(await resolvePodEndpoint(client, pod, 'compute')).toBe('http://10.0.0.9:8774/v2.1');
    expect(await resolvePodEndpoint(client, pod, 'volume')).toBe(keystone.sim.pods[1].volumeUrlTemplate);
    expect(await new PodEndpointResolver(client).resolve(pod, 'image')).toBe(keystone.sim.pods[1].imageUrl);
    await expect(resolvePodEndpoint(client, { name: 'Pod7', endpoints: {} }, 'compute')).rejects.toBeInstanceOf(
      EndpointNotFoundError,
    );
  });

  it('uses the configured interface', async () => {
    const internal = new KeystoneClient({
      url: keystone.sim.authUrl,
      service: SERVICE,
      endpointInterface: 'internal',
      tokenCacheSeconds: 0,
    });
    expect(await internal.endpointFor('Pod1', 'image')).toBe(keystone.sim.pods[0].imageUrl);
  });

  it('looks at a fresh catalog for a region it does not know, at most every 30 s', async () => {
    const own = keystone.client();
    await expect(own.endpointFor('Pod3', 'compute')).rejects.toBeInstanceOf(EndpointNotFoundError);
    const pods = keystone.sim.pods.map((p) => ({ region: p.region, url: p.url }));
    keystone.sim.keystone.publish(keystone.sim.keystoneUrl, 'http://127.0.0.1:19999', [
      ...pods,
      { region: 'Pod3', url: 'http://10.0.0.3' },
    ]);
    try {
      keystone.clock.advance(29_000);
      await expect(own.endpointFor('Pod3', 'compute')).rejects.toBeInstanceOf(EndpointNotFoundError);
      keystone.clock.advance(2_000);
      expect(await own.endpointFor('Pod3', 'compute')).toBe('http://10.0.0.3/compute/v2.1');
      expect(await own.regions()).toContain('Pod3');
    } finally {
      keystone.sim.keystone.publish(keystone.sim.keystoneUrl, 'http://127.0.0.1:19999', pods);
    }
  });
});
