import { metadataFor, systemContext } from '@podgate/kernel';
import { type AppendResult, type JsonValue } from '@podgate/event-store';
import { rebuildProjection } from '@podgate/read-model';
import type { PodEvent, PodProfile } from '../../domain/pod.events';
import type { PodUsage, PodUsageEvent } from '../../domain/pod-usage.events';
import { podIdFor, podStream, podUsageStream } from '../../domain/pod.stream';
import { findPod } from '../../queries/pods/find-pod.query';
import { openPodsTestBed, type PodsTestBed } from '../../testing/pods-test-bed';
import { podsProjection } from './pods.projection';

const profile: PodProfile = {
  azName: 'az1',
  podAzName: 'nova',
  dcName: 'dc1',
  affinityTag: 'gpu',
  capacityThreshold: 0.85,
  endpoints: { compute: 'http://pod1/compute/v2.1' },
};
const usage: PodUsage = {
  vcpus: 16,
  vcpusUsed: 4,
  memoryMb: 32768,
  memoryMbUsed: 8192,
  diskGb: 500,
  diskGbUsed: 50,
  runningVms: 2,
};

describe('pods projection (PGlite)', () => {
  let bed: PodsTestBed;
  const podId = podIdFor('Pod1');
  const revision: Record<string, bigint> = {};

  beforeAll(async () => {
    bed = await openPodsTestBed();
  });
  afterAll(() => bed.close());

  /** Appends as the handlers do, at a given instant, and waits until rm_pods has applied it. */
  async function append(stream: string, at: string, ...events: (PodEvent | PodUsageEvent)[]): Promise<AppendResult> {
    const metadata = metadataFor(systemContext(), new Date(at));
    const newEvents = events.map((e) => ({
      id: crypto.randomUUID(),
      type: e.type,
      data: e.data as unknown as JsonValue,
      metadata,
    }));
    const result = await bed.store.append(stream, newEvents, revision[stream] ?? 'no_stream');
    revision[stream] = result.nextRevision;
    expect(await bed.runner.waitFor(result.position, 5000)).toBe(true);
    return result;
  }
  const reported = (at: string, data: Partial<PodUsageEvent['data']>): PodUsageEvent => ({
    type: 'PodUsageReported',
    data: { podId, reachable: true, usage, usedFraction: 0.25, reportedAt: at, ...data },
  });

  it('follows a pod through registration, updates, maintenance, usage, deregistration and re-registration', async () => {
    const first = await append(podStream(podId), '2026-03-01T10:00:00Z', {
      type: 'PodRegistered',
      data: { podId, name: 'Pod1', ...profile },
    });
    expect(await findPod(bed.sql, podId)).toEqual({
      podId,
      name: 'Pod1',
      ...profile,
      inMaintenance: false,
      maintenanceReason: null,
      status: 'active',
      registeredAt: new Date('2026-03-01T10:00:00Z'),
      registrationSeq: first.position.commit,
      updatedAt: new Date('2026-03-01T10:00:00Z'),
      usage: null,
    });

    await append(
      podStream(podId),
      '2026-03-01T11:00:00Z',
      { type: 'PodUpdated', data: { podId, changes: { affinityTag: null, capacityThreshold: 0.5, endpoints: {} } } },
      { type: 'PodMaintenanceStarted', data: { podId, reason: 'drain' } },
    );
    expect(await findPod(bed.sql, podId)).toMatchObject({
      azName: 'az1',
      dcName: 'dc1',
      affinityTag: null,
      capacityThreshold: 0.5,
      endpoints: {},
      inMaintenance: true,
      maintenanceReason: 'drain',
      updatedAt: new Date('2026-03-01T11:00:00Z'),
    });

    await append(podUsageStream(podId), '2026-03-01T12:00:00Z', reported('2026-03-01T12:00:00Z', {}));
    await append(
      podUsageStream(podId),
      '2026-03-01T12:05:00Z',
      reported('2026-03-01T12:05:00Z', { reachable: false, usage: null, usedFraction: null, error: 'connect ECONNREFUSED' }),
    );
    const unreachable = await findPod(bed.sql, podId);
    expect(unreachable?.usage).toEqual({
      ...usage,
      usedFraction: 0.25,
      reachable: false,
      reportedAt: new Date('2026-03-01T12:05:00Z'),
      error: 'connect ECONNREFUSED',
    });
    expect(unreachable?.updatedAt).toEqual(new Date('2026-03-01T11:00:00Z')); // usage is not a profile change

    await append(podStream(podId), '2026-03-02T10:00:00Z', {
      type: 'PodDeregistered',
      data: { podId, forced: true, reason: 'retired' },
    });
    expect(await findPod(bed.sql, podId)).toMatchObject({ status: 'deregistered', updatedAt: new Date('2026-03-02T10:00:00Z') });

    const again = await append(podStream(podId), '2026-03-03T10:00:00Z', {
      type: 'PodRegistered',
      data: { podId, name: 'Pod1', ...profile, azName: 'az2', affinityTag: null },
    });
    expect(await findPod(bed.sql, podId)).toMatchObject({
      status: 'active',
      azName: 'az2',
      affinityTag: null,
      capacityThreshold: 0.85,
      inMaintenance: false,
      maintenanceReason: null,
      registeredAt: new Date('2026-03-03T10:00:00Z'),
      registrationSeq: again.position.commit,
      usage: { reachable: false, vcpus: 16 },
    });
  });

  it('rebuilds to exactly the same rows', async () => {
    const before = await bed.sql.query('SELECT * FROM rm_pods ORDER BY pod_id');
    await bed.runner.stop();
    try {
      const result = await rebuildProjection(bed.store, bed.sql, podsProjection, { batchSize: 2 });
      expect(result.applied).toBeGreaterThan(5);
      expect((await bed.sql.query('SELECT * FROM rm_pods ORDER BY pod_id')).rows).toEqual(before.rows);
    } finally {
      bed.runner.start();
    }
  });
});
