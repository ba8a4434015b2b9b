import { schedulePods } from './schedule-pods';
import { schedulablePod as pod, usage } from './testing/schedulable-pod.fixture';

const request = { azName: 'az1', affinityTag: null };
const freeFirst = { freeCapacity: 1, fewerBindings: 0 };
const noBindings = new Map<string, number>();
const ids = (pods: { podId: string }[]) => pods.map((p) => p.podId);

describe('schedulePods', () => {
  it('ranks by free capacity first', () => {
    const pods = [pod('busy', { usage: usage(0.6), registrationSeq: 1 }), pod('idle', { usage: usage(0.1), registrationSeq: 2 })];
    expect(ids(schedulePods(pods, request, noBindings, freeFirst).ranked)).toEqual(['idle', 'busy']);
  });

  it('breaks ties by registration order, earlier first, comparing sequences as integers', () => {
    const pods = [
      pod('late', { registrationSeq: '100' }),
      pod('early', { registrationSeq: '9' }),
      pod('mid', { registrationSeq: 20n }),
    ];
    expect(ids(schedulePods(pods, request, noBindings, freeFirst).ranked)).toEqual(['early', 'mid', 'late']);
  });

  it('treats weights equal up to floating-point noise as a tie', () => {
    const pods = [pod('b', { usage: usage(0.1 + 0.2), registrationSeq: 2 }), pod('a', { usage: usage(0.3), registrationSeq: 1 })];
    expect(ids(schedulePods(pods, request, noBindings, freeFirst).ranked)).toEqual(['a', 'b']);
  });

  it('lets the fewer-bindings multiplier outweigh free capacity when configured so', () => {
    const pods = [
      pod('crowded', { usage: usage(0.1), registrationSeq: 1 }),
      pod('quiet', { usage: usage(0.3), registrationSeq: 2 }),
    ];
    const bindings = new Map([
      ['crowded', 40],
      ['quiet', 2],
    ]);
    expect(ids(schedulePods(pods, request, bindings, freeFirst).ranked)).toEqual(['crowded', 'quiet']);
    expect(ids(schedulePods(pods, request, bindings, { freeCapacity: 1, fewerBindings: 1 }).ranked)).toEqual([
      'quiet',
      'crowded',
    ]);
  });

  it('counts what each filter removed, in order', () => {
    const pods = [
      pod('other-az', { azName: 'az2' }),
      pod('gpu', { affinityTag: 'gpu' }),
      pod('drained', { inMaintenance: true }),
      pod('full', { usage: usage(0.95) }),
      pod('down', { usage: usage(null, false) }),
      pod('ok', { usage: usage(0.5) }),
    ];
    const { ranked, filterResults } = schedulePods(pods, request, noBindings, freeFirst);
    expect(ids(ranked)).toEqual(['ok']);
    expect(filterResults).toEqual([
      { filter: 'AvailabilityZoneFilter', start: 6, end: 5 },
      { filter: 'AffinityTagFilter', start: 5, end: 4 },
      { filter: 'MaintenanceFilter', start: 4, end: 3 },
      { filter: 'CapacityFilter', start: 3, end: 2 },
      { filter: 'ReachableFilter', start: 2, end: 1 },
    ]);
  });
});
