import { PodNotFoundError } from '@podgate/pods';
import { PodNotBindableError, PodOutsideAzError } from '../../domain/binding.errors';
import { bindingKeyId, bindingStream } from '../../domain/binding.stream';
import { findBinding } from '../../queries/bindings/binding.queries';
import { adminContext, type BindingsTestBed, openBindingsTestBed } from '../../testing/bindings-test-bed';
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

  const pin = (projectId: string, podId: string, azName = 'pin-az', readYourWritesMs?: number) =>
    bed.pinTenant({ readYourWritesMs }).execute(new PinTenantCommand(projectId, azName, null, podId, adminContext('req-pin')));
  const typesOf = async (projectId: string) =>
    (await bed.store.readStream(bindingStream(bindingKeyId({ projectId, azName: 'pin-az', affinityTag: null })))).map((e) => [
      e.type,
      (e.data as { reason: string }).reason,
    ]);

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
      const binding = await pin('tenant-lagging', podB, 'pin-az', 30);
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
    await expect(pin('tenant-x', podA, 'other-az')).rejects.toMatchObject({ constructor: PodOutsideAzError, kind: 'badRequest' });
    const gone = await bed.registerPod('pin-gone', { azName: 'pin-az' });
    await bed.deregisterPod(gone);
    await bed.caughtUp();
    await expect(pin('tenant-x', gone)).rejects.toMatchObject({ constructor: PodNotBindableError, kind: 'conflict' });
    await expect(
      bed.store.readStream(bindingStream(bindingKeyId({ projectId: 'tenant-x', azName: 'pin-az', affinityTag: null }))),
    ).rejects.toMatchObject({
      code: 'EVENT_STORE.STREAM_NOT_FOUND',
    });
  });
});
