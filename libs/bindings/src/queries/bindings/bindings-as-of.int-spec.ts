import { PinTenantCommand } from '../../commands/pin-tenant/pin-tenant.command';
import { EndBindingCommand } from '../../commands/end-binding/end-binding.command';
import { SelectPodCommand } from '../../commands/select-pod/select-pod.command';
import {
  adminContext,
  type BindingsTestBed,
  openBindingsTestBed,
  steppingClock,
  tenantContext,
} from '../../testing/bindings-test-bed';
import { listBindings } from './binding.queries';

const at = (iso: string, deltaMs: number) => new Date(new Date(iso).getTime() + deltaMs).toISOString();
const HOUR = 3_600_000;

/**
 * A tenant's history driven through the real commands with a clock that steps one hour per
 * decision: bound to A, rebalanced to B (A drained), pinned to C by an admin, then ended. The
 * validity intervals are [bound_at, ended_at): a binding holds from its start, inclusive, up to its end, exclusive.
 */
describe('bindings as of an instant, across rebinds (PGlite)', () => {
  let bed: BindingsTestBed;
  const clock = steppingClock('2026-06-01T08:00:00.000Z', HOUR);
  const projectId = 'tenant-history';
  const pods: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
  let instants: string[];

  beforeAll(async () => {
    bed = await openBindingsTestBed();
    pods.a = await bed.registerPod('history-a', { azName: 'history-az' });
    pods.b = await bed.registerPod('history-b', { azName: 'history-az' });
    pods.c = await bed.registerPod('history-c', { azName: 'history-az' });
    await bed.caughtUp();
    const select = () =>
      bed.selectPod({ clock }).execute(new SelectPodCommand(projectId, 'history-az', null, tenantContext(projectId)));

    expect((await select()).pod.podId).toBe(pods.a);
    await bed.startMaintenance(pods.a);
    await bed.caughtUp();
    expect((await select()).pod.podId).toBe(pods.b);
    await bed.caughtUp();
    const pinned = await bed
      .pinTenant({ clock })
      .execute(new PinTenantCommand(projectId, 'history-az', null, pods.c, adminContext()));
    await bed.endBinding({ clock }).execute(new EndBindingCommand(pinned.bindingId, 'tenant left', adminContext()));
    await bed.caughtUp();
    instants = clock.instants;
  });
  afterAll(() => bed.close());

  const podsAsOf = async (asOf: string) =>
    (await listBindings(bed.sql, { projectId, asOf })).map((b) => Object.entries(pods).find(([, id]) => id === b.podId)![0]);

  it('recorded one decision per step, with the clock instants as binding times', async () => {
    expect(instants).toEqual([
      '2026-06-01T08:00:00.000Z',
      '2026-06-01T09:00:00.000Z',
      '2026-06-01T10:00:00.000Z',
      '2026-06-01T11:00:00.000Z',
    ]);
    const all = await listBindings(bed.sql, { projectId });
    expect(all.map((b) => [b.reason, b.boundAt, b.endReason, b.endedAt])).toEqual([
      ['first-request', instants[0], 'rebalanced', instants[1]],
      ['rebalanced', instants[1], 'admin-pin', instants[2]],
      ['admin-pin', instants[2], 'tenant left', instants[3]],
    ]);
  });

  it('finds nothing before the first binding', async () => {
    expect(await podsAsOf(at(instants[0], -1))).toEqual([]);
    expect(await podsAsOf('2000-01-01T00:00:00.000Z')).toEqual([]);
  });

  it('finds the one binding in force inside each interval', async () => {
    expect(await podsAsOf(at(instants[0], HOUR / 2))).toEqual(['a']);
    expect(await podsAsOf(at(instants[1], HOUR / 2))).toEqual(['b']);
    expect(await podsAsOf(at(instants[2], HOUR / 2))).toEqual(['c']);
  });

  it('counts bound_at in and ended_at out at each boundary, so a rebind never shows two pods', async () => {
    expect(await podsAsOf(instants[0])).toEqual(['a']);
    expect(await podsAsOf(at(instants[1], -1))).toEqual(['a']);
    expect(await podsAsOf(instants[1])).toEqual(['b']);
    expect(await podsAsOf(at(instants[2], -1))).toEqual(['b']);
    expect(await podsAsOf(instants[2])).toEqual(['c']);
    expect(await podsAsOf(at(instants[3], -1))).toEqual(['c']);
    expect(await podsAsOf(instants[3])).toEqual([]);
  });

  it('finds nothing after the end', async () => {
    expect(await podsAsOf(at(instants[3], 24 * HOUR))).toEqual([]);
  });

  it('combines as_of with the other filters', async () => {
    const inMid = at(instants[1], HOUR / 2);
    expect(await listBindings(bed.sql, { projectId, asOf: inMid, podId: pods.b })).toHaveLength(1);
    expect(await listBindings(bed.sql, { projectId, asOf: inMid, podId: pods.a })).toEqual([]);
    expect(await listBindings(bed.sql, { asOf: new Date(inMid), azName: 'history-az' })).toHaveLength(1);
    expect(await listBindings(bed.sql, { projectId, asOf: inMid, active: true })).toEqual([]); // in force then, ended now
  });
});
