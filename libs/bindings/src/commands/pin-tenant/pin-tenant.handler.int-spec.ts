import { PodNotFoundError } from '@podgate/pods';
import {
  PodAffinityMismatchError,
  PodInMaintenanceError,
  PodNotBindableError,
  PodOutsideAzError,
} from '../../domain/binding.errors';
import { bindingKeyId, bindingStream } from '../../domain/binding.stream';
import { findBinding } from '../../queries/bindings/binding.queries';
import { adminContext, type BindingsTestBed, openBindingsTestBed, tenantContext } from '../../testing/bindings-test-bed';
import { SelectPodCommand } from '../select-pod/select-pod.command';
import { PinTenantCommand } from './pin-tenant.command';

describe('PinTenant (PGlite)', () => {
  let bed: BindingsTestBed;
  let podA: string;
  let podB: string;

  beforeAll(async () => {
    bed = await openBindingsTestBed();
    podA = await bed.registerPod('pin-a', { azName: 'pin-az' });
    podB = await bed.registerPod('pin-b', { azName: 'pin-az' });
    await bed.caughtUp();
  });
  afterAll(() => bed.close());

  type PinOptions = { azName?: string; affinityTag?: string | null; readYourWritesMs?: number };
  const pin = (projectId: string, podId: string, { azName = 'pin-az', affinityTag = null, readYourWritesMs }: PinOptions = {}) =>
    bed
      .pinTenant({ readYourWritesMs })
      .execute(new PinTenantCommand(projectId, azName, affinityTag, podId, adminContext('req-pin')));
  const select = (projectId: string, affinityTag: string | null = null) =>
    bed.selectPod().execute(new SelectPodCommand(projectId, 'pin-az', affinityTag, tenantContext(projectId)));
  const streamOf = (projectId: string, affinityTag: string | null = null) =>
    bindingStream(bindingKeyId({ projectId, azName: 'pin-az', affinityTag }));
  const typesOf = async (projectId: string) =>
    (await bed.store.readStream(streamOf(projectId))).map((e) => [e.type, (e.data as { reason: string }).reason]);
  const expectNoStream = (projectId: string, affinityTag: string | null = null) =>
    expect(bed.store.readStream(streamOf(projectId, affinityTag))).rejects.toMatchObject({
      code: 'EVENT_STORE.STREAM_NOT_FOUND',
    });

  it('binds a tenant to the pod the admin names, and the admin reads the row at once', async () => {
    const binding = await pin('tenant-pinned', podA);
    expect(binding).toMatchObject({
      projectId: 'tenant-pinned',
      podId: podA,
      reason: 'admin-pin',
      active: true,
      boundBy: 'admin-user',
      boundRequestId: 'req-pin',
    });
    expect(await findBinding(bed.sql, binding.bindingId)).toEqual(binding);
  });

  it('records nothing when pinned to the pod already bound, and moves the tenant otherwise', async () => {
    const first = await pin('tenant-moved', podA);
    expect(await pin('tenant-moved', podA)).toEqual(first);
    const moved = await pin('tenant-moved', podB);
    expect(moved).toMatchObject({ podId: podB, reason: 'admin-pin', active: true });
    expect(await findBinding(bed.sql, first.bindingId)).toMatchObject({
      active: false,
      endReason: 'admin-pin',
      endedBy: 'admin-user',
    });
    expect(await typesOf('tenant-moved')).toEqual([
      ['TenantBoundToPod', 'admin-pin'],
      ['TenantBindingEnded', 'admin-pin'],
      ['TenantBoundToPod', 'admin-pin'],
    ]);
  });

  it('answers from the stream when rm_bindings does not catch up in time', async () => {
    const resume = await bed.pauseBindingsProjection();
    try {
      const binding = await pin('tenant-lagging', podB, { readYourWritesMs: 30 });
      expect(binding).toMatchObject({
        projectId: 'tenant-lagging',
        podId: podB,
        reason: 'admin-pin',
        active: true,
        boundBy: 'admin-user',
      });
      expect(await findBinding(bed.sql, binding.bindingId)).toBeUndefined();
    } finally {
      resume();
    }
  });

  it('refuses an unknown pod (404), a deregistered one (409) and one in another AZ (400)', async () => {
    await expect(pin('tenant-x', '99999999-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(PodNotFoundError);
    await expect(pin('tenant-x', podA, { azName: 'other-az' })).rejects.toMatchObject({
      constructor: PodOutsideAzError,
      kind: 'badRequest',
    });
    const gone = await bed.registerPod('pin-gone', { azName: 'pin-az' });
    await bed.deregisterPod(gone);
    await bed.caughtUp();
    await expect(pin('tenant-x', gone)).rejects.toMatchObject({ constructor: PodNotBindableError, kind: 'conflict' });
    await expectNoStream('tenant-x');
  });

  // Each refusal below is a pin SelectPod's fast path would undo on the tenant's next create.
  it("refuses a pod whose affinity tag differs from the binding's (400), either way, naming both tags", async () => {
    const gpu = await bed.registerPod('pin-gpu', { azName: 'pin-az', affinityTag: 'gpu' });
    await bed.caughtUp();
    await expect(pin('tenant-tag', podA, { affinityTag: 'gpu' })).rejects.toMatchObject({
      constructor: PodAffinityMismatchError,
      kind: 'badRequest',
      message: "pod pin-a has no affinity tag, but the binding asks for affinity tag 'gpu'",
    });
    await expect(pin('tenant-tag', gpu)).rejects.toMatchObject({
      constructor: PodAffinityMismatchError,
      kind: 'badRequest',
      message: "pod pin-gpu has affinity tag 'gpu', but the binding asks for no affinity tag",
    });
    await expectNoStream('tenant-tag', 'gpu');
    await expectNoStream('tenant-tag');
  });

  it('binds a tagged tenant to a pod with its tag, and SelectPod keeps the pin', async () => {
    const gpu = await bed.registerPod('pin-gpu-2', { azName: 'pin-az', affinityTag: 'gpu2' });
    await bed.caughtUp();
    const binding = await pin('tenant-gpu', gpu, { affinityTag: 'gpu2' });
    expect(binding).toMatchObject({ podId: gpu, affinityTag: 'gpu2', reason: 'admin-pin', active: true });
    expect(await select('tenant-gpu', 'gpu2')).toMatchObject({ created: false, binding });
  });

  it('refuses a pod in maintenance (409), which SelectPod would never keep a tenant on', async () => {
    const drained = await bed.registerPod('pin-drained', { azName: 'pin-az' });
    await bed.startMaintenance(drained);
    await bed.caughtUp();
    await expect(pin('tenant-drained', drained)).rejects.toMatchObject({
      constructor: PodInMaintenanceError,
      kind: 'conflict',
      message: 'pod pin-drained is in maintenance (drained) and takes no new bindings',
    });
    await expectNoStream('tenant-drained');
  });

  it('lets an admin pin to a full or unreachable pod; SelectPod moves the tenant while the pod cannot take work', async () => {
    const full = await bed.registerPod('pin-full', { azName: 'pin-az', capacityThreshold: 0.5 });
    const down = await bed.registerPod('pin-down', { azName: 'pin-az' });
    await bed.reportUsage(full, 0.6);
    await bed.reportUsage(down, 'unreachable');
    await bed.caughtUp();
    for (const [projectId, podId] of [
      ['tenant-full', full],
      ['tenant-down', down],
    ]) {
      expect(await pin(projectId, podId)).toMatchObject({ podId, reason: 'admin-pin', active: true });
      const selected = await select(projectId);
      expect(selected).toMatchObject({ created: true, binding: { reason: 'rebalanced' } });
      expect([podA, podB]).toContain(selected.pod.podId);
    }
  });
});
