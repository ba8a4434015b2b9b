import type { EventStore } from '@podgate/event-store';
import { NoValidHostError } from '../../domain/binding.errors';
import { bindingKeyId, bindingStream } from '../../domain/binding.stream';
import { findBinding } from '../../queries/bindings/binding.queries';
import { type BindingsTestBed, openBindingsTestBed, tenantContext, type Weighers } from '../../testing/bindings-test-bed';
import { SelectPodCommand } from './select-pod.command';

const streamOf = (projectId: string, azName: string, affinityTag: string | null = null) =>
  bindingStream(bindingKeyId({ projectId, azName, affinityTag }));
const history = async (store: EventStore, projectId: string, azName: string, affinityTag: string | null = null) =>
  (await store.readStream(streamOf(projectId, azName, affinityTag))).map((e) => ({ type: e.type, ...(e.data as object) }));

describe('SelectPod (PGlite)', () => {
  let bed: BindingsTestBed;
  let counter = 0;
  /** Each case works in its own AZ with its own tenant, so cases share one database without meeting. */
  const fresh = () => ({ az: `az-${++counter}`, projectId: `tenant-${counter}` });

  beforeAll(async () => (bed = await openBindingsTestBed()));
  afterAll(() => bed.close());

  const select = (projectId: string, azName: string, affinityTag: string | null = null, weighers?: Weighers) =>
    bed.selectPod({ weighers }).execute(new SelectPodCommand(projectId, azName, affinityTag, tenantContext(projectId)));

  it('binds on the first request and reuses the binding on the next, without another event', async () => {
    const { az, projectId } = fresh();
    const pod = await bed.registerPod(`${az}-pod`, { azName: az });
    await bed.caughtUp();
    const first = await select(projectId, az);
    expect(first).toMatchObject({ created: true, pod: { podId: pod, name: `${az}-pod` } });
    expect(first.binding).toMatchObject({
      projectId,
      azName: az,
      affinityTag: null,
      podId: pod,
      reason: 'first-request',
      active: true,
    });
    expect(first.binding.boundBy).toBe(`${projectId}-user`);

    await bed.caughtUp();
    expect(await findBinding(bed.sql, first.binding.bindingId)).toEqual(first.binding);
    expect(await select(projectId, az)).toEqual({ ...first, created: false });
    expect((await history(bed.store, projectId, az)).map((e) => e.type)).toEqual(['TenantBoundToPod']);
  });

  it('reuses a binding the read model does not show yet, answering from the stream', async () => {
    const { az, projectId } = fresh();
    await bed.registerPod(`${az}-pod`, { azName: az });
    await bed.caughtUp();
    const resume = await bed.pauseBindingsProjection();
    try {
      const first = await select(projectId, az);
      const second = await select(projectId, az); // rm_binding_keys still says "never bound": the append conflicts
      expect(second).toEqual({ ...first, created: false });
      expect(await findBinding(bed.sql, first.binding.bindingId)).toBeUndefined();
    } finally {
      resume();
    }
    expect((await history(bed.store, projectId, az)).map((e) => e.type)).toEqual(['TenantBoundToPod']);
  });

  it.each<[string, (bed: BindingsTestBed, podId: string) => Promise<void>]>([
    ['goes into maintenance', (b, podId) => b.startMaintenance(podId)],
    ['goes over its capacity threshold', (b, podId) => b.reportUsage(podId, 0.95)],
    ['becomes unreachable', (b, podId) => b.reportUsage(podId, 'unreachable')],
    ['is deregistered', (b, podId) => b.deregisterPod(podId)],
  ])('rebinds, ending the old binding as rebalanced, when the bound pod %s', async (_, change) => {
    const { az, projectId } = fresh();
    const first = await bed.registerPod(`${az}-a`, { azName: az });
    const second = await bed.registerPod(`${az}-b`, { azName: az });
    await bed.caughtUp();
    const before = await select(projectId, az);
    expect(before.pod.podId).toBe(first); // a tie goes to the earlier registration

    await change(bed, first);
    await bed.caughtUp();
    const after = await select(projectId, az);
    expect(after).toMatchObject({ created: true, pod: { podId: second }, binding: { podId: second, reason: 'rebalanced' } });
    expect(await history(bed.store, projectId, az)).toEqual([
      expect.objectContaining({ type: 'TenantBoundToPod', podId: first, reason: 'first-request' }),
      expect.objectContaining({ type: 'TenantBindingEnded', bindingId: before.binding.bindingId, reason: 'rebalanced' }),
      expect.objectContaining({ type: 'TenantBoundToPod', bindingId: after.binding.bindingId, podId: second }),
    ]);
    await bed.caughtUp();
    expect(await findBinding(bed.sql, before.binding.bindingId)).toMatchObject({
      active: false,
      endReason: 'rebalanced',
      endedBy: `${projectId}-user`,
      endedAt: after.binding.boundAt,
    });
  });

  it('keeps a bound pod that is still eligible even when another now has more free capacity', async () => {
    const { az, projectId } = fresh();
    const first = await bed.registerPod(`${az}-a`, { azName: az });
    await bed.registerPod(`${az}-b`, { azName: az });
    await bed.caughtUp();
    await select(projectId, az);
    await bed.reportUsage(first, 0.8);
    await bed.caughtUp();
    expect((await select(projectId, az)).pod.podId).toBe(first);
  });

  it('places by free capacity, and by fewer bindings when that weigher is given weight', async () => {
    const { az, projectId } = fresh();
    const roomy = await bed.registerPod(`${az}-roomy`, { azName: az });
    const busy = await bed.registerPod(`${az}-busy`, { azName: az });
    await bed.reportUsage(roomy, 0.2);
    await bed.reportUsage(busy, 0.5);
    await bed.caughtUp();
    expect((await select(projectId, az)).pod.podId).toBe(roomy);
    await bed.caughtUp();
    const fewer = { freeCapacity: 0.1, fewerBindings: 1 };
    expect((await select(`${projectId}-other`, az, null, fewer)).pod.podId).toBe(busy);
  });

  it('matches affinity tags strictly', async () => {
    const { az, projectId } = fresh();
    const plain = await bed.registerPod(`${az}-plain`, { azName: az });
    const gpu = await bed.registerPod(`${az}-gpu`, { azName: az, affinityTag: 'gpu' });
    await bed.caughtUp();
    expect((await select(projectId, az, null)).pod.podId).toBe(plain);
    const tagged = await select(projectId, az, 'gpu');
    expect(tagged).toMatchObject({
      created: true,
      pod: { podId: gpu },
      binding: { affinityTag: 'gpu', reason: 'first-request' },
    });
    await expect(select(projectId, az, 'ssd')).rejects.toBeInstanceOf(NoValidHostError);
  });

  it('answers NoValidHost (503) naming the AZ, keeps what each filter removed for the logs, and records nothing', async () => {
    const { az, projectId } = fresh();
    const drained = await bed.registerPod(`${az}-drained`, { azName: az });
    const full = await bed.registerPod(`${az}-full`, { azName: az });
    await bed.registerPod(`${az}-gpu`, { azName: az, affinityTag: 'gpu' });
    await bed.startMaintenance(drained);
    await bed.reportUsage(full, 0.9);
    await bed.caughtUp();
    const error = await select(projectId, az).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoValidHostError);
    expect(error).toMatchObject({ kind: 'serviceUnavailable', code: 'BINDINGS.NO_VALID_HOST' });
    expect((error as Error).message).toBe(`No valid host was found. No pod in ${az} can take work for this request.`);
    expect((error as NoValidHostError).detail).toBe(
      `of 3 active pod(s) in ${az}: ` +
        'AvailabilityZoneFilter removed 0, AffinityTagFilter removed 1, MaintenanceFilter removed 1, CapacityFilter removed 1, ReachableFilter removed 0',
    );
    await expect(bed.store.readStream(streamOf(projectId, az))).rejects.toMatchObject({ code: 'EVENT_STORE.STREAM_NOT_FOUND' });
    await expect(select(projectId, 'az-without-pods')).rejects.toThrow(
      'No valid host was found. No pod in az-without-pods can take work',
    );
  });
});
