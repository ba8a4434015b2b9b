import type { PodView } from '@podgate/pods';
import { availabilityZones } from './availability-zones';

const pod = (name: string, azName: string, changes: Partial<PodView> = {}): PodView => ({
  podId: `id-${name}`,
  name,
  azName,
  podAzName: 'nova',
  dcName: '',
  affinityTag: null,
  capacityThreshold: 0.9,
  endpoints: {},
  inMaintenance: false,
  maintenanceReason: null,
  status: 'active',
  registeredAt: new Date('2026-03-01T10:00:00Z'),
  registrationSeq: 1n,
  updatedAt: new Date('2026-03-01T10:00:00.123Z'),
  usage: null,
  ...changes,
});
const unreachable = {
  vcpus: null,
  vcpusUsed: null,
  memoryMb: null,
  memoryMbUsed: null,
  diskGb: null,
  diskGbUsed: null,
  runningVms: null,
  usedFraction: null,
  reachable: false,
  reportedAt: new Date('2026-03-01T11:00:00Z'),
  error: 'refused',
};

describe('availabilityZones', () => {
  it('lists each user AZ once, in registration order, never a pod’s own AZ', () => {
    expect(availabilityZones([pod('Pod1', 'az1'), pod('Pod2', 'az2'), pod('Pod3', 'az1')], false)).toEqual({
      availabilityZoneInfo: [
        { zoneName: 'az1', zoneState: { available: true }, hosts: null },
        { zoneName: 'az2', zoneState: { available: true }, hosts: null },
      ],
    });
    expect(availabilityZones([], false)).toEqual({ availabilityZoneInfo: [] });
  });

  it('marks a zone unavailable when none of its pods can take servers, and lists it last, as Nova', () => {
    const pods = [pod('Pod1', 'az1', { inMaintenance: true }), pod('Pod2', 'az2'), pod('Pod3', 'az1', { usage: unreachable })];
    expect(availabilityZones(pods, false).availabilityZoneInfo.map((z) => [z.zoneName, z.zoneState.available])).toEqual([
      ['az2', true],
      ['az1', false],
    ]);
  });

  it('shows admins each pod as a host of its zone with one service, times as Nova prints them', () => {
    const pods = [pod('Pod1', 'az1'), pod('Pod2', 'az1', { inMaintenance: true }), pod('Pod3', 'az1', { usage: unreachable })];
    expect(availabilityZones(pods, true).availabilityZoneInfo).toEqual([
      {
        zoneName: 'az1',
        zoneState: { available: true },
        hosts: {
          Pod1: { 'nova-compute': { available: true, active: true, updated_at: '2026-03-01T10:00:00.123000' } },
          Pod2: { 'nova-compute': { available: true, active: false, updated_at: '2026-03-01T10:00:00.123000' } },
          Pod3: { 'nova-compute': { available: false, active: true, updated_at: '2026-03-01T11:00:00.000000' } },
        },
      },
    ]);
  });
});
