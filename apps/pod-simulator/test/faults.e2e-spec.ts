// Fault injection of the pod simulator at run time, over real sockets: latency, late answers, error rate,
// down (connection refused) and up, hang (client timeout), capacity exhausted, reset.
import { DELAYS, SimClient, TestSimulator, bootBody, startTestSimulator } from '../src/testing/sim-client';

async function connectError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? (error as Error).name;
  }
  return 'no error';
}

describe('fault injection', () => {
  let t: TestSimulator;
  let control: SimClient;
  let aggregate: SimClient;

  beforeAll(async () => {
    t = await startTestSimulator({ pods: 2 });
    control = new SimClient(`${t.pod.url}/__sim`);
    aggregate = new SimClient(`${t.sim.keystoneUrl}/__sim`);
  });
  afterEach(async () => {
    expect((await aggregate.post('/reset')).status).toBe(200);
  });
  afterAll(() => t.stop());

  it('adds latency to API requests but not to the control routes', async () => {
    expect((await control.post('/faults/latency', { ms: 250 })).body.latencyMs).toBe(250);
    const started = Date.now();
    expect((await t.nova.alice.get('/flavors')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    const controlStarted = Date.now();
    await control.get('/faults');
    expect(Date.now() - controlStarted).toBeLessThan(200);
  });

  it('delays the answer after the work is done: a caller that gives up first still finds what it asked for made', async () => {
    await control.put('/faults', { answerDelayMs: 400 });
    const impatient = t.cinder.alice.request(
      'POST',
      '/volumes',
      { volume: { size: 1, name: 'answered-late' } },
      {
        signal: AbortSignal.timeout(100),
      },
    );
    expect(await connectError(impatient)).not.toBe('no error');
    const made = [...t.pod.state.cinder.volumes.values()].filter((volume) => volume.name === 'answered-late');
    expect(made).toHaveLength(1);
    const started = Date.now();
    expect((await t.cinder.alice.get(`/volumes/${made[0].id}`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  });

  it("answers a configured fraction with 503 in the API's own envelope", async () => {
    await control.post('/faults/errors', { rate: 0.5, status: 503 });
    const statuses = await Promise.all(
      Array.from({ length: 200 }, () => t.nova.alice.get('/os-availability-zone').then((r) => r.status)),
    );
    const failures = statuses.filter((s) => s === 503).length;
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect(failures).toBeGreaterThan(60);
    expect(failures).toBeLessThan(140);
    await control.post('/faults/errors', { rate: 1, status: 503 });
    const nova = await t.nova.alice.get('/servers');
    expect(nova.body.serviceUnavailable.code).toBe(503);
    const cinder = await t.cinder.alice.get('/volumes');
    expect(cinder.body.serviceUnavailable.message).toContain('fault injected by the pod simulator');
    await control.post('/faults/errors', { rate: 1, status: 500 });
    expect((await t.nova.alice.get('/servers')).body.computeFault.code).toBe(500);
  });

  it('limits request faults to a path prefix', async () => {
    await control.put('/faults', { errorRate: 1, errorStatus: 503, pathPrefix: '/volume' });
    expect((await t.nova.alice.get('/servers')).status).toBe(200);
    expect((await t.cinder.alice.get('/volumes')).status).toBe(503);
  });

  it("goes down (ECONNREFUSED) and comes back up through Keystone's port, keeping its state", async () => {
    const created = await t.nova.alice.post('/servers', bootBody('survivor'));
    expect((await control.post('/down')).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await connectError(t.nova.alice.get('/servers'))).toBe('ECONNREFUSED');
    const listing = await aggregate.get('/pods');
    expect(listing.body.pods.map((p: { name: string; up: boolean }) => [p.name, p.up])).toEqual([
      ['pod1', false],
      ['pod2', true],
    ]);
    expect((await aggregate.post('/pods/pod1/up')).body.up).toBe(true);
    const back = await t.nova.alice.get(`/servers/${created.body.server.id}`);
    expect([back.status, back.body.server.name]).toEqual([200, 'survivor']);
  });

  it('comes back by itself after forMs', async () => {
    await aggregate.post('/pods/pod2/down', { forMs: 150 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await connectError(fetch(`${t.sim.pods[1]?.url}/compute/v2.1`))).toBe('ECONNREFUSED');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await fetch(`${t.sim.pods[1]?.url}/compute/v2.1`)).status).toBe(200);
  });

  it('hangs: the request is accepted and never answered, so the client times out', async () => {
    await control.post('/faults/hang');
    const outcome = await connectError(t.nova.alice.get('/flavors', { signal: AbortSignal.timeout(300) }));
    expect(outcome).toBe('TimeoutError');
    // Control routes still answer while the API hangs.
    expect((await control.get('')).body.faults.hang).toBe(true);
  });

  it('capacity exhausted: hypervisors report full and new servers end in ERROR (NoValidHost)', async () => {
    await control.post('/faults/capacity', { exhausted: true });
    const stats = (
      await t.nova.admin.with({ headers: { 'openstack-api-version': 'compute 2.87' } }).get('/os-hypervisors/statistics')
    ).body.hypervisor_statistics;
    expect(stats.free_ram_mb).toBe(0);
    expect(stats.vcpus_used).toBe(stats.vcpus);
    const created = await t.nova.alice.post('/servers', bootBody('no-room'));
    expect(created.status).toBe(202);
    t.advance(DELAYS.buildMs);
    const server = (await t.nova.alice.get(`/servers/${created.body.server.id}`)).body.server;
    expect(server.status).toBe('ERROR');
    expect(server.fault).toMatchObject({ code: 500, message: 'No valid host was found. There are not enough hosts available.' });
    expect(server.fault.details).toBeUndefined();
    expect((await t.nova.admin.get(`/servers/${created.body.server.id}`)).body.server.fault.details).toContain('NoValidHost');
  });

  it('reset clears every fault and brings pods up; reset with data forgets resources', async () => {
    await control.put('/faults', { latencyMs: 10, errorRate: 0.2, hang: false });
    await aggregate.post('/pods/pod2/down');
    const reset = await aggregate.post('/reset', { data: true });
    expect(reset.status).toBe(200);
    const pods = (await aggregate.get('/pods')).body.pods;
    expect(
      pods.every(
        (p: { up: boolean; faults: { errorRate: number; latencyMs: number } }) =>
          p.up && p.faults.errorRate === 0 && p.faults.latencyMs === 0,
      ),
    ).toBe(true);
    expect((await t.nova.alice.get('/servers')).body.servers).toEqual([]);
  });

  it('rejects invalid control input', async () => {
    const bad = await control.post('/faults/errors', { rate: 2 });
    expect(bad.status).toBe(400);
    expect((await aggregate.post('/pods/pod9/down')).status).toBe(404);
  });
});
