import { schedulablePod as pod, usage } from '../testing/schedulable-pod.fixture';
import { affinityTagFilter } from './affinity-tag.filter';
import { availabilityZoneFilter } from './availability-zone.filter';
import { capacityFilter } from './capacity.filter';
import { maintenanceFilter } from './maintenance.filter';
import { reachableFilter } from './reachable.filter';

const untagged = { azName: 'az1', affinityTag: null };
const gpu = { azName: 'az1', affinityTag: 'gpu' };

describe('pod filters', () => {
  it('AvailabilityZoneFilter keeps pods of the requested AZ only', () => {
    expect(availabilityZoneFilter.passes(pod('p', { azName: 'az1' }), untagged)).toBe(true);
    expect(availabilityZoneFilter.passes(pod('p', { azName: 'az2' }), untagged)).toBe(false);
  });

  it('AffinityTagFilter is strict: untagged requests to untagged pods, tagged requests to pods with that tag', () => {
    expect(affinityTagFilter.passes(pod('p'), untagged)).toBe(true);
    expect(affinityTagFilter.passes(pod('p', { affinityTag: 'gpu' }), untagged)).toBe(false);
    expect(affinityTagFilter.passes(pod('p', { affinityTag: 'gpu' }), gpu)).toBe(true);
    expect(affinityTagFilter.passes(pod('p', { affinityTag: 'ssd' }), gpu)).toBe(false);
    expect(affinityTagFilter.passes(pod('p'), gpu)).toBe(false);
  });

  it('MaintenanceFilter removes drained pods', () => {
    expect(maintenanceFilter.passes(pod('p'), untagged)).toBe(true);
    expect(maintenanceFilter.passes(pod('p', { inMaintenance: true }), untagged)).toBe(false);
  });

  it('CapacityFilter keeps pods strictly under their own threshold, and pods without a report', () => {
    const at = (used: number | null, threshold = 0.8) =>
      capacityFilter.passes(pod('p', { capacityThreshold: threshold, usage: usage(used) }), untagged);
    expect(at(0.79)).toBe(true);
    expect(at(0.8)).toBe(false);
    expect(at(0.95)).toBe(false);
    expect(at(0.95, 1)).toBe(true);
    expect(at(null)).toBe(true);
    expect(capacityFilter.passes(pod('p', { usage: null }), untagged)).toBe(true);
  });

  it('ReachableFilter removes pods whose last poll failed, not pods never polled', () => {
    expect(reachableFilter.passes(pod('p', { usage: usage(0.1, true) }), untagged)).toBe(true);
    expect(reachableFilter.passes(pod('p', { usage: usage(null, false) }), untagged)).toBe(false);
    expect(reachableFilter.passes(pod('p', { usage: usage(null, null) }), untagged)).toBe(true);
    expect(reachableFilter.passes(pod('p', { usage: null }), untagged)).toBe(true);
  });
});
