import { foldEvents } from '@podgate/kernel';
import { flavorDecider } from './flavor.decider';
import type { FlavorEvent } from './flavor.events';
import { type FlavorSyncStatus, flavorSyncStatusOf, planFlavorSync } from './flavor-sync.planner';
import { M1_SMALL } from '../testing/flavor-fixtures';

const status = (
  flavorId: string,
  generation: number,
  syncedPods: Record<string, number> = {},
  deleted = false,
): FlavorSyncStatus => ({ flavorId, generation, deleted, syncedPods: new Map(Object.entries(syncedPods)) });

describe('planFlavorSync', () => {
  it('pushes every live flavor to every active pod that lacks it', () => {
    expect(planFlavorSync([status('small', 1), status('large', 2)], ['pod-a', 'pod-b'])).toEqual([
      { flavorId: 'small', podId: 'pod-a', kind: 'push', generation: 1 },
      { flavorId: 'small', podId: 'pod-b', kind: 'push', generation: 1 },
      { flavorId: 'large', podId: 'pod-a', kind: 'push', generation: 2 },
      { flavorId: 'large', podId: 'pod-b', kind: 'push', generation: 2 },
    ]);
  });

  it('has nothing to do when every pod holds the latest generation', () => {
    expect(planFlavorSync([status('small', 3, { 'pod-a': 3, 'pod-b': 3 })], ['pod-a', 'pod-b'])).toEqual([]);
  });

  it('gives a pod registered later every live flavor, and no deleted one', () => {
    const flavors = [
      status('small', 1, { 'pod-a': 1 }),
      status('large', 4, { 'pod-a': 4 }),
      status('retired', 2, { 'pod-a': 2 }, true),
    ];
    expect(planFlavorSync(flavors, ['pod-a', 'pod-new'])).toEqual([
      { flavorId: 'small', podId: 'pod-new', kind: 'push', generation: 1 },
      { flavorId: 'large', podId: 'pod-new', kind: 'push', generation: 4 },
    ]);
  });

  it('pushes again to a pod holding an older generation (extra specs or access changed since)', () => {
    expect(planFlavorSync([status('small', 3, { 'pod-a': 3, 'pod-b': 1 })], ['pod-a', 'pod-b'])).toEqual([
      { flavorId: 'small', podId: 'pod-b', kind: 'push', generation: 3 },
    ]);
  });

  it('removes a deleted flavor where it was pushed or tried, until the removal is recorded', () => {
    const retired = status('retired', 3, { 'pod-a': 2, 'pod-b': 3, 'pod-c': 0 }, true);
    expect(planFlavorSync([retired], ['pod-a', 'pod-b', 'pod-c', 'pod-d'])).toEqual([
      { flavorId: 'retired', podId: 'pod-a', kind: 'delete', generation: 3 },
      { flavorId: 'retired', podId: 'pod-c', kind: 'delete', generation: 3 },
    ]);
  });

  it('leaves pods that are no longer active alone', () => {
    expect(planFlavorSync([status('small', 2, { gone: 1 }), status('old', 2, { gone: 1 }, true)], [])).toEqual([]);
  });

  it('plans each pod once, even when listed twice', () => {
    expect(planFlavorSync([status('small', 1)], ['pod-a', 'pod-a'])).toHaveLength(1);
  });
});

describe('planFlavorSync over folded streams', () => {
  const flavorId = 'm1.small';
  const definition = M1_SMALL;
  const defined: FlavorEvent = { type: 'FlavorDefined', data: { flavorId, ...definition } };
  const synced = (podId: string, generation: number): FlavorEvent => ({
    type: 'FlavorSyncedToPod',
    data: { flavorId, podId, generation },
  });
  const failed = (podId: string, generation: number): FlavorEvent => ({
    type: 'FlavorSyncFailed',
    data: { flavorId, podId, generation, status: 503, message: 'pod unreachable' },
  });
  const plan = (events: FlavorEvent[], pods: string[]) => {
    const current = flavorSyncStatusOf(foldEvents(flavorDecider, events));
    return planFlavorSync(current ? [current] : [], pods);
  };

  it('keeps retrying a pod whose push failed, and stops once it is recorded', () => {
    const history = [defined, synced('pod-a', 1), failed('pod-b', 1)];
    expect(plan(history, ['pod-a', 'pod-b'])).toEqual([{ flavorId, podId: 'pod-b', kind: 'push', generation: 1 }]);
    expect(plan([...history, failed('pod-b', 1)], ['pod-a', 'pod-b'])).toHaveLength(1);
    expect(plan([...history, synced('pod-b', 1)], ['pod-a', 'pod-b'])).toEqual([]);
  });

  it('pushes the latest generation when the flavor changed after a failed push', () => {
    const specs: FlavorEvent = { type: 'FlavorExtraSpecsSet', data: { flavorId, specs: { 'podgate:affinity_tag': 'gpu' } } };
    expect(plan([defined, failed('pod-a', 1), specs], ['pod-a'])).toEqual([
      { flavorId, podId: 'pod-a', kind: 'push', generation: 2 },
    ]);
  });

  it('deletes where a push failed (it may have half-happened), and redefines everywhere after a new definition', () => {
    const deleted: FlavorEvent = { type: 'FlavorDeleted', data: { flavorId } };
    const history = [defined, synced('pod-a', 1), failed('pod-b', 1), deleted];
    expect(plan(history, ['pod-a', 'pod-b', 'pod-new'])).toEqual([
      { flavorId, podId: 'pod-a', kind: 'delete', generation: 2 },
      { flavorId, podId: 'pod-b', kind: 'delete', generation: 2 },
    ]);
    const redefined = [...history, synced('pod-a', 2), { ...defined, data: { ...defined.data, ram: 4096 } }];
    expect(plan(redefined, ['pod-a', 'pod-b', 'pod-new'])).toEqual([
      { flavorId, podId: 'pod-a', kind: 'push', generation: 3 },
      { flavorId, podId: 'pod-b', kind: 'push', generation: 3 },
      { flavorId, podId: 'pod-new', kind: 'push', generation: 3 },
    ]);
  });

  it('plans nothing for a stream never defined', () => {
    expect(plan([], ['pod-a'])).toEqual([]);
  });
});
