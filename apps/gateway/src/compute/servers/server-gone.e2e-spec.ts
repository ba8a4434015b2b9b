// Which 404 from a pod means a server is gone (and unrouted for good), through real sockets.
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { type FrontProxy, startFrontProxy } from './testing/front-proxy';
import { eventually, prepareServers, serverBody, V } from './testing/servers-e2e';

describe('a server is gone only when its pod’s Nova says so', () => {
  let h: ComputeHarness;
  let proxy: FrontProxy;

  beforeAll(async () => {
    h = await startComputeHarness({ pods: [{ az: 'az1', register: false }] });
    // The pod is registered behind a load balancer (its compute endpoint overridden).
    proxy = await startFrontProxy(h.pods[0].sim.url);
    const registered = await h
      .as('admin')
      .post('/v1.0/pods', { pod: { name: h.pods[0].name, az_name: 'az1', endpoints: { compute: `${proxy.url}/compute/v2.1` } } })
      .expect(201);
    h.pods[0].podId = registered.body.pod.pod_id as string;
    await h.refreshVersions();
    await prepareServers(h);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await proxy?.close();
  });

  const events = async (id: string) => (await h.store.readStream(`server-${id}`)).map((event) => event.type);

  it('keeps the route when a proxy in front of the pod answers a 404 page of its own', async () => {
    const created = await h
      .as('alice')
      .post('/compute/v2.1/servers', serverBody('behind-lb'))
      .set(...V('2.37'))
      .expect(202);
    const id = created.body.server.id as string;
    proxy.notFoundFor = new RegExp(`/servers/${id}$`);
    await h.as('alice').get(`/compute/v2.1/servers/${id}`).expect(404);
    proxy.notFoundFor = null;
    const shown = await h.as('alice').get(`/compute/v2.1/servers/${id}`).expect(200);
    expect(shown.body.server.id).toBe(id);
    expect(await events(id)).not.toContain('ServerDeleted');
  });

  it('records the server gone on Nova’s own 404 (itemNotFound)', async () => {
    const created = await h
      .as('alice')
      .post('/compute/v2.1/servers', serverBody('vanishing'))
      .set(...V('2.37'))
      .expect(202);
    const id = created.body.server.id as string;
    h.pods[0].sim.state.nova.servers.delete(id);
    const gone = await h.as('alice').get(`/compute/v2.1/servers/${id}`).expect(404);
    expect(gone.body.itemNotFound.message).toBe(`Instance ${id} could not be found.`);
    await eventually(async () => expect(await events(id)).toContain('ServerDeleted'));
  });
});
