import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';
import { COMPUTE_API } from '../service-api';
import { PodApiVersions } from './pod-api-versions';
import { PodVersionReader } from './pod-version-reader';
import { eventually } from '../../../../../test/eventually';

describe('the compute range follows the pods’ version documents', () => {
  let h: ComputeHarness;

  beforeAll(async () => {
    h = await startComputeHarness({
      pods: [
        { az: 'az1', computeMaxVersion: '2.90' },
        { az: 'az2', computeMaxVersion: '2.79' },
        { az: 'az3', computeMaxVersion: '2.60', register: false },
        { az: 'az4', computeMaxVersion: '2.50', register: false },
      ],
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  const documentMax = async () => (await h.as().get('/compute/v2.1').expect(200)).body.version.version as string;

  it('starts at the lowest maximum of the registered pods (read from their catalog endpoints)', async () => {
    expect(await documentMax()).toBe('2.79');
  });

  it('a pod with a lower maximum registered later lowers it within a poll, even while another pod hangs', async () => {
    // A second instance over the same read model, for which the first pod accepts and never answers.
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const endpoints = new Map(h.pods.map((pod) => [pod.name, pod.sim.computeUrl]));
    endpoints.set(h.pods[0].name, `http://127.0.0.1:${(silent.address() as AddressInfo).port}/compute/v2.1`);
    const reader = new PodVersionReader(COMPUTE_API, async (pod) => endpoints.get(pod.name) as string, 5000);
    const hanging = new PodApiVersions(COMPUTE_API, h.sql, reader, { pollMs: 50, refreshMs: 60_000, maxRetryMs: 60_000 });
    hanging.start();
    try {
      await eventually(async () => expect(hanging.range.max).toEqual({ major: 2, minor: 79 }), 1500);
      await h.registerPod(2);
      await eventually(async () => expect(await documentMax()).toBe('2.60'), 5000);
      await eventually(async () => expect(hanging.range.max).toEqual({ major: 2, minor: 60 }), 1500);
    } finally {
      hanging.stop();
      silent.closeAllConnections();
      silent.close();
    }
    const refused = await h.as().get('/compute/v2.1').set('OpenStack-API-Version', 'compute 2.61').expect(406);
    expect(refused.body.computeFault.message).toBe(
      'Version 2.61 is not supported by the API. Minimum is 2.1 and maximum is 2.60.',
    );
    const latest = await h.as().get('/compute/v2.1').set('OpenStack-API-Version', 'compute latest').expect(200);
    expect(latest.headers['openstack-api-version']).toBe('compute 2.60');
  });

  it('a pod unreachable since its registration does not count until it answers', async () => {
    await h.pods[3].sim.down();
    await h.registerPod(3);
    await h.refreshVersions();
    expect(await documentMax()).toBe('2.60');
    await h.pods[3].sim.up();
    await eventually(async () => expect(await documentMax()).toBe('2.50'), 8000);
  });

  it('a deregistered pod no longer counts', async () => {
    for (const index of [3, 2]) await h.as('admin').delete(`/v1.0/pods/${h.pods[index].podId}`).expect(204);
    await eventually(async () => expect(await documentMax()).toBe('2.79'), 5000);
  });

  it('a known pod that stops answering keeps its last known maximum', async () => {
    // A second instance over the same read model that re-reads every pod on every pass.
    const endpoints = new Map(h.pods.map((pod) => [pod.name, pod.sim.computeUrl]));
    const reader = new PodVersionReader(COMPUTE_API, async (pod) => endpoints.get(pod.name) as string, 1000);
    const versions = new PodApiVersions(COMPUTE_API, h.sql, reader, { pollMs: 60_000, refreshMs: 0, maxRetryMs: 0 });
    await versions.refresh();
    expect(versions.range.max).toEqual({ major: 2, minor: 79 });
    await h.pods[1].sim.down();
    try {
      await versions.refresh();
      expect(versions.range.max).toEqual({ major: 2, minor: 79 });
    } finally {
      await h.pods[1].sim.up();
    }
  });
});
