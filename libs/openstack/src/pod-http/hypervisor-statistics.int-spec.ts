// Hypervisor statistics of simulated pods, read with podgate's service token from the catalog.
import { PROJECT_ID_TEMPLATE } from '../keystone/catalog';
import type { KeystoneClient } from '../keystone/keystone-client';
import { type SimulatedKeystone, startSimulatedKeystone } from '../testing/simulated-keystone';
import { getHypervisorStatistics } from './hypervisor-statistics';
import { PodUnreachableError, UpstreamError } from './pod-http.errors';

describe('getHypervisorStatistics against the pod simulator', () => {
  let keystone: SimulatedKeystone;
  let client: KeystoneClient;
  let computeUrl: string;

  beforeAll(async () => {
    keystone = await startSimulatedKeystone();
    client = keystone.client();
    computeUrl = await client.endpointFor('Pod1', 'compute');
  });
  afterAll(() => keystone.stop());
  afterEach(async () => {
    for (const pod of keystone.sim.pods) await pod.reset();
  });

  it("reads Pod1's two simulated hypervisors with the service token", async () => {
    expect(computeUrl).not.toContain(PROJECT_ID_TEMPLATE);
    const stats = await getHypervisorStatistics(computeUrl, await client.serviceToken(), { timeoutMs: 2000 });
    // Two hosts of 16 vCPU, 32 GiB and 500 GB each, nothing running yet.
    expect(stats).toEqual({
      count: 2,
      vcpus: 32,
      vcpusUsed: 0,
      memoryMb: 65536,
      memoryMbUsed: 0,
      diskGb: 1000,
      diskGbUsed: 0,
      runningVms: 0,
    });
  });

  it('shows a pod reported full as fully used', async () => {
    keystone.sim.pods[0].faults.update({ capacityExhausted: true });
    const stats = await getHypervisorStatistics(computeUrl, await client.serviceToken(), { timeoutMs: 2000 });
    expect(stats.vcpusUsed).toBeGreaterThanOrEqual(stats.vcpus);
  });

  it("is refused to alice, a member, with Nova's policy message", async () => {
    const error = await getHypervisorStatistics(computeUrl, keystone.sim.issueToken('alice'), {
      timeoutMs: 2000,
      upstream: 'Pod1 compute',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({
      status: 403,
      kind: 'forbidden',
      upstreamMessage: expect.stringContaining('os-hypervisors:statistics'),
    });
  });

  it('carries an injected 503 as an upstream failure', async () => {
    keystone.sim.pods[0].faults.update({ errorRate: 1, errorStatus: 503 });
    const error = await getHypervisorStatistics(computeUrl, await client.serviceToken(), { timeoutMs: 2000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      status: 503,
      kind: 'serviceUnavailable',
      upstreamMessage: expect.stringContaining('unavailable'),
    });
  });

  it('maps a hanging pod to PodUnreachableError after timeoutMs', async () => {
    keystone.sim.pods[0].faults.update({ hang: true });
    const started = Date.now();
    const error = await getHypervisorStatistics(computeUrl, await client.serviceToken(), { timeoutMs: 300 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PodUnreachableError);
    expect((error as Error).message).toContain('no answer in time');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('maps a pod that went down to PodUnreachableError', async () => {
    await keystone.sim.pods[1].down();
    try {
      const pod2 = await client.endpointFor('Pod2', 'compute');
      const error = await getHypervisorStatistics(pod2, await client.serviceToken(), {
        timeoutMs: 2000,
        upstream: 'Pod2 compute',
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ networkCode: 'ECONNREFUSED', message: 'Pod2 compute is unreachable: connection refused.' });
    } finally {
      await keystone.sim.pods[1].up();
    }
  });
});
