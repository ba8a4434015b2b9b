// Pod HTTP on real sockets: headers sent, time bounds, and failures mapped; nothing leaks the token.
import { closedPort, everythingIn } from '../testing/simulated-keystone';
import { capturingServer, unacceptingListener } from '../testing/local-servers';
import { getHypervisorStatistics } from './hypervisor-statistics';
import { createPodHttp, podCall } from './pod-http';
import { PodUnreachableError, UpstreamError } from './pod-http.errors';

const TOKEN = 'gAAAAAB-a-token-that-must-never-leak';
const STATISTICS = {
  hypervisor_statistics: {
    count: 1,
    vcpus: 8,
    vcpus_used: 2,
    memory_mb: 16384,
    memory_mb_used: 4096,
    local_gb: 100,
    local_gb_used: 20,
    running_vms: 2,
    free_ram_mb: 12288,
    free_disk_gb: 80,
    current_workload: 0,
    disk_available_least: 80,
  },
};

describe('pod HTTP', () => {
  it('asks Nova at microversion 2.87 with the token and the global request id, one connection per request', async () => {
    const server = await capturingServer(() => ({ status: 200, body: STATISTICS }));
    try {
      const stats = await getHypervisorStatistics(`${server.url}/compute/v2.1/`, TOKEN, {
        timeoutMs: 2000,
        globalRequestId: 'req-11111111-2222-3333-4444-555555555555',
      });
      expect(stats).toEqual({
        count: 1,
        vcpus: 8,
        vcpusUsed: 2,
        memoryMb: 16384,
        memoryMbUsed: 4096,
        diskGb: 100,
        diskGbUsed: 20,
        runningVms: 2,
      });
      expect(server.requests).toHaveLength(1);
      const [request] = server.requests;
      expect(request.url).toBe('/compute/v2.1/os-hypervisors/statistics');
      expect(request.headers).toMatchObject({
        'x-auth-token': TOKEN,
        'openstack-api-version': 'compute 2.87',
        'x-openstack-nova-api-version': '2.87',
        'x-openstack-request-id': 'req-11111111-2222-3333-4444-555555555555',
        connection: 'close',
      });
    } finally {
      await server.close();
    }
  });

  it('sends the instance global request id on every request, a per-call one instead when given', async () => {
    const server = await capturingServer(() => ({ status: 204, body: '' }));
    try {
      const http = createPodHttp({
        timeoutMs: 2000,
        globalRequestId: 'req-aaaaaaaa-0000-0000-0000-000000000000',
        baseURL: server.url,
      });
      await http.get('/a');
      await podCall(http, {
        upstream: 'test',
        token: TOKEN,
        url: '/b',
        globalRequestId: 'req-bbbbbbbb-0000-0000-0000-000000000000',
      });
      expect(server.requests.map((r) => r.headers['x-openstack-request-id'])).toEqual([
        'req-aaaaaaaa-0000-0000-0000-000000000000',
        'req-bbbbbbbb-0000-0000-0000-000000000000',
      ]);
    } finally {
      await server.close();
    }
  });

  it('carries the upstream status and message, with the token blanked out of what the pod echoed', async () => {
    const server = await capturingServer(() => ({
      status: 404,
      body: { itemNotFound: { code: 404, message: `No token ${TOKEN} here.` } },
    }));
    try {
      const error = await getHypervisorStatistics(server.url, TOKEN, { timeoutMs: 2000, upstream: 'Pod1 compute' }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(UpstreamError);
      expect(error).toMatchObject({ status: 404, kind: 'itemNotFound', upstreamMessage: 'No token *** here.' });
      expect(everythingIn(error)).not.toContain(TOKEN);
    } finally {
      await server.close();
    }
  });

  it('refuses a 200 that is not hypervisor statistics', async () => {
    const server = await capturingServer(() => ({ status: 200, body: { hypervisor_statistics: { count: 'many' } } }));
    try {
      await expect(getHypervisorStatistics(server.url, TOKEN, { timeoutMs: 2000 })).rejects.toThrow(
        /unexpected hypervisor_statistics body/,
      );
    } finally {
      await server.close();
    }
  });

  it('maps connection refused to PodUnreachableError, fast and without the token', async () => {
    const started = Date.now();
    const error = await getHypervisorStatistics(`http://127.0.0.1:${await closedPort()}/compute/v2.1`, TOKEN, {
      timeoutMs: 5000,
      upstream: 'Pod1 compute',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PodUnreachableError);
    expect(error).toMatchObject({
      kind: 'serviceUnavailable',
      networkCode: 'ECONNREFUSED',
      message: 'Pod1 compute is unreachable: connection refused.',
    });
    expect(everythingIn(error)).not.toContain(TOKEN);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('gives up on a TCP connect that never completes after connectTimeoutMs', async () => {
    const listener = await unacceptingListener();
    try {
      const http = createPodHttp({ timeoutMs: 10_000, connectTimeoutMs: 200 });
      const started = Date.now();
      const error = await podCall(http, {
        upstream: 'Pod1 compute',
        token: TOKEN,
        url: `http://127.0.0.1:${listener.port}/`,
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ networkCode: 'ETIMEDOUT', message: 'Pod1 compute is unreachable: no answer in time.' });
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      listener.close();
    }
  });
});
