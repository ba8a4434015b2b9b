import request from 'supertest';
import { type ComputeHarness, startComputeHarness } from './gateway-harness';

describe('the compute e2e harness', () => {
  let h: ComputeHarness;

  beforeAll(async () => {
    h = await startComputeHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('serves podgate on a real socket, with the pods registered through the admin API', async () => {
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const pods = (await h.as('admin').get('/v1.0/pods').expect(200)).body.pods as Array<Record<string, unknown>>;
    expect(pods.map((p) => [p.name, p.az_name, p.pod_az_name])).toEqual([
      ['Pod1', 'az1', 'az1'],
      ['Pod2', 'az2', 'az2'],
    ]);
    expect(h.pods.map((p) => p.podId)).toEqual(pods.map((p) => p.pod_id));
  });

  it('authenticates with the simulator’s Keystone: alice is a member of tenant-a, not an admin', async () => {
    await h.as('alice').get('/v1.0/pods').expect(403);
    await h.as().get('/v1.0/pods').expect(401);
    expect(h.projectIdOf('tenant-a')).toMatch(/^[0-9a-f]+$/);
  });

  it('points the simulator catalog’s RegionOne compute endpoint at podgate', async () => {
    const response = await request(h.sim.keystoneUrl).get('/v3/auth/catalog').set('X-Auth-Token', h.tokenOf('alice')).expect(200);
    const compute = (response.body.catalog as Array<{ type: string; endpoints: Array<Record<string, string>> }>).find(
      (service) => service.type === 'compute',
    );
    const regionOne = compute?.endpoints.filter((e) => e.region_id === 'RegionOne' && e.interface === 'public');
    expect(regionOne?.map((e) => e.url)).toEqual([`${h.url}/compute/v2.1`]);
  });

  it('serves the compute version document through the gateway', async () => {
    const response = await h.as().get('/compute/v2.1').expect(200);
    expect(response.body.version).toMatchObject({ id: 'v2.1', version: '2.96', min_version: '2.1' });
  });
});
