import { KeystoneClient } from '@podgate/openstack';
import { type SimulatorHandle, startSimulator } from '../../../../apps/pod-simulator/src/simulator';
import { RegisterPodCommand } from '../commands/register-pod/register-pod.command';
import { RegisterPodHandler } from '../commands/register-pod/register-pod.handler';
import { ReportPodUsageHandler } from '../commands/report-pod-usage/report-pod-usage.handler';
import { podIdFor } from '../domain/pod.stream';
import type { PodUsage } from '../domain/pod-usage.events';
import { findPod } from '../queries/pods/find-pod.query';
import type { PodView } from '../queries/pods/pod-view';
import { adminContext, openPodsTestBed, type PodsTestBed } from '../testing/pods-test-bed';
import { KeystonePodCapacityReader } from './keystone-pod-capacity-reader';
import type { PodCapacityReader } from './pod-capacity-reader.port';
import { UsageCollector } from './usage-collector';

const SERVICE = {
  username: 'podgate',
  password: 'podgate-secret',
  projectName: 'service',
  userDomainName: 'Default',
  projectDomainName: 'Default',
};
/** Two simulated hypervisors of 16 vCPUs, 32 GiB and 500 GB each. */
const EMPTY: PodUsage = { vcpus: 32, vcpusUsed: 0, memoryMb: 65536, memoryMbUsed: 0, diskGb: 1000, diskGbUsed: 0, runningVms: 0 };

describe('UsageCollector against the pod simulator (PGlite, real sockets)', () => {
  let sim: SimulatorHandle;
  let bed: PodsTestBed;
  let keystone: KeystoneClient;
  let reader: KeystonePodCapacityReader;
  const pod1 = podIdFor('Pod1');
  const pod2 = podIdFor('Pod2');

  const keystoneFor = (url: string) =>
    new KeystoneClient({ url, service: SERVICE, endpointInterface: 'public', tokenCacheSeconds: 60 });
  let logged: string[] = [];
  const logger = {
    log: (m: string) => logged.push(`LOG ${m}`),
    warn: (m: string) => logged.push(`WARN ${m}`),
    error: (m: string) => logged.push(`ERROR ${m}`),
  };
  const collector = (r: PodCapacityReader | null = reader, intervalMs = 0) =>
    new UsageCollector(bed.sql, new ReportPodUsageHandler(bed.writer()), r, { intervalMs, concurrency: 2, logger });
  const usageEvents = async (podId: string) =>
    (await bed.store.readStream(`podUsage-${podId}`).catch(() => [])).map((e) => e.data as Record<string, unknown>);
  const sim$ = (path: string, body: object = {}) =>
    fetch(`${sim.keystoneUrl}/__sim${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    sim = await startSimulator({ pods: 2, basePort: 0, delays: { buildMs: 0, actionMs: 0, volumeMs: 0 } });
    bed = await openPodsTestBed();
    keystone = keystoneFor(sim.authUrl);
    reader = new KeystonePodCapacityReader(keystone, { timeoutMs: 2000 });
    const register = new RegisterPodHandler(bed.writer());
    for (const pod of sim.pods)
      await register.execute(new RegisterPodCommand({ name: pod.region, azName: pod.az }, adminContext()));
  });
  beforeEach(() => (logged = []));
  afterAll(async () => {
    await bed.close();
    await sim.stop();
  });

  it('records each pod once, and nothing on a second poll without change', async () => {
    expect(await collector().pollOnce()).toEqual({ polled: 2, unreachable: 0, skipped: 0 });
    for (const podId of [pod1, pod2]) {
      expect(await usageEvents(podId)).toEqual([
        expect.objectContaining({ podId, reachable: true, usage: EMPTY, usedFraction: 0 }),
      ]);
      expect((await findPod(bed.sql, podId))?.usage).toMatchObject({ ...EMPTY, reachable: true, usedFraction: 0, error: null });
    }
    expect(await collector().pollOnce()).toEqual({ polled: 2, unreachable: 0, skipped: 0 });
    expect(await usageEvents(pod1)).toHaveLength(1);
    expect(await usageEvents(pod2)).toHaveLength(1);
  });

  it('records a pod made full by a fault, and only that pod', async () => {
    await sim$('/pods/pod1/faults/capacity', { exhausted: true });
    await collector().pollOnce();
    expect((await usageEvents(pod1)).at(-1)).toMatchObject({
      reachable: true,
      usedFraction: 1,
      usage: { vcpusUsed: 32, memoryMbUsed: 65536 },
    });
    expect(await usageEvents(pod2)).toHaveLength(1);
    expect((await findPod(bed.sql, pod1))?.usage?.usedFraction).toBe(1);
  });

  it('records a pod going down as unreachable with the error (never the token), without stopping the others', async () => {
    await sim$('/pods/pod2/down');
    await sim$('/pods/pod1/faults/capacity', { exhausted: false });
    expect(await collector().pollOnce()).toEqual({ polled: 1, unreachable: 1, skipped: 0 });
    const [lastOf2] = (await usageEvents(pod2)).slice(-1);
    expect(lastOf2).toMatchObject({ reachable: false, usage: null, usedFraction: null });
    expect(lastOf2.error).toMatch(/Pod2.*unreachable/);
    expect(lastOf2.error).not.toContain(await keystone.serviceToken());
    expect((await usageEvents(pod1)).at(-1)).toMatchObject({ reachable: true, usedFraction: 0 });
    const view = await findPod(bed.sql, pod2);
    expect(view?.usage).toMatchObject({ ...EMPTY, reachable: false }); // last known figures stay

    await collector().pollOnce(); // still down: nothing new
    expect((await usageEvents(pod2)).filter((e) => e.reachable === false)).toHaveLength(1);

    await sim$('/pods/pod2/up');
    await collector().pollOnce();
    expect((await usageEvents(pod2)).at(-1)).toMatchObject({ reachable: true, usage: EMPTY });
    expect(logged).toEqual([
      'WARN pod Pod2 is unreachable: compute API of pod Pod2 is unreachable: connection refused.',
      'LOG pod Pod2 is reachable again',
    ]);
  });

  it('blames no pod when Keystone itself cannot be reached', async () => {
    const unreachableKeystone = keystoneFor('http://127.0.0.1:9/v3');
    const before = [(await usageEvents(pod1)).length, (await usageEvents(pod2)).length];
    const result = await collector(new KeystonePodCapacityReader(unreachableKeystone, { timeoutMs: 500 })).pollOnce();
    expect(result).toEqual({ polled: 0, unreachable: 0, skipped: 2 });
    expect(logged).toEqual([
      'WARN capacity of pod Pod1 not read: Keystone is unavailable: connection refused',
      'WARN capacity of pod Pod2 not read: Keystone is unavailable: connection refused',
    ]);
    expect([(await usageEvents(pod1)).length, (await usageEvents(pod2)).length]).toEqual(before);
  });

  it('polls on its own, never overlapping rounds, and stops cleanly', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const reads = new Map<string, number>();
    const slow: PodCapacityReader = {
      read: async (pod: PodView) => {
        reads.set(pod.podId, (reads.get(pod.podId) ?? 0) + 1);
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 40));
        inFlight--;
        return reader.read(pod);
      },
    };
    const running = collector(slow, 5);
    running.start();
    await sim$('/pods/pod1/faults/capacity', { exhausted: true });
    const deadline = Date.now() + 5000;
    while ((await findPod(bed.sql, pod1))?.usage?.usedFraction !== 1 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    await running.stop();
    expect(running.state).toBe('stopped');
    expect((await findPod(bed.sql, pod1))?.usage?.usedFraction).toBe(1);
    expect(maxInFlight).toBeLessThanOrEqual(2); // two pods in parallel, never a second round on top
    const readsAtStop = reads.get(pod1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reads.get(pod1)).toBe(readsAtStop);
    await sim$('/pods/pod1/faults/capacity', { exhausted: false });
  });

  it('does not run without service credentials (noauth), nor with a poll interval of 0', async () => {
    const noauth = collector(null, 1000);
    noauth.start();
    noauth.start();
    expect(noauth.state).toBe('off');
    expect(logged).toEqual(['LOG usage collector off: no service credentials (noauth mode)']);
    expect(await noauth.pollOnce()).toEqual({ polled: 0, unreachable: 0, skipped: 0 });
    const zero = collector(reader, 0);
    zero.start();
    expect(zero.state).toBe('off');
  });
});
