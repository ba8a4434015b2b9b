import { BindingNotFoundError } from '../../domain/binding.errors';
import { bindingKeyId, bindingStream } from '../../domain/binding.stream';
import { findBinding } from '../../queries/bindings/binding.queries';
import { adminContext, type BindingsTestBed, openBindingsTestBed, tenantContext } from '../../testing/bindings-test-bed';
import { SelectPodCommand } from '../select-pod/select-pod.command';
import { EndBindingCommand } from './end-binding.command';

describe('EndBinding (PGlite)', () => {
  let bed: BindingsTestBed;

  beforeAll(async () => {
    bed = await openBindingsTestBed();
    await bed.registerPod('end-a', { azName: 'end-az' });
    await bed.caughtUp();
  });
  afterAll(() => bed.close());

  const select = (projectId: string) =>
    bed.selectPod().execute(new SelectPodCommand(projectId, 'end-az', null, tenantContext(projectId)));
  const end = (bindingId: string, reason?: string) =>
    bed.endBinding().execute(new EndBindingCommand(bindingId, reason, adminContext()));
  const eventsOf = async (projectId: string) =>
    (await bed.store.readStream(bindingStream(bindingKeyId({ projectId, azName: 'end-az', affinityTag: null })))).map(
      (e) => e.type,
    );

  it('ends the binding and keeps it, with who ended it and why', async () => {
    const { binding } = await select('tenant-ending');
    await bed.caughtUp();
    const ended = await end(binding.bindingId, 'tenant offboarded');
    expect(ended).toEqual({
      ...binding,
      active: false,
      endedAt: expect.any(String),
      endReason: 'tenant offboarded',
      endedBy: 'admin-user',
    });
    expect(await findBinding(bed.sql, binding.bindingId)).toEqual(ended);
    expect(await eventsOf('tenant-ending')).toEqual(['TenantBoundToPod', 'TenantBindingEnded']);
  });

  it('answers an already ended binding as it ended, recording nothing', async () => {
    const { binding } = await select('tenant-twice');
    await bed.caughtUp();
    const ended = await end(binding.bindingId);
    expect(ended.endReason).toBe('ended-by-admin');
    expect(await end(binding.bindingId, 'again')).toEqual(ended);
    expect(await eventsOf('tenant-twice')).toEqual(['TenantBoundToPod', 'TenantBindingEnded']);
  });

  it('lets the next request bind the tenant again, as a rebalance since it was placed before', async () => {
    const first = await select('tenant-back');
    await bed.caughtUp();
    await end(first.binding.bindingId);
    const again = await select('tenant-back');
    expect(again).toMatchObject({ created: true, binding: { reason: 'rebalanced', active: true } });
    expect(again.binding.bindingId).not.toBe(first.binding.bindingId);
  });

  it('answers an unknown binding with 404', async () => {
    await expect(end('99999999-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(BindingNotFoundError);
    await expect(end('nope')).rejects.toMatchObject({ kind: 'itemNotFound' });
  });
});
