import type { PodState } from '../domain/pod.decider';
import type { PodProfile } from '../domain/pod.events';
import type { PodView } from '../queries/pods/pod-view';
import { podViewFromState } from './pod-view-fallback';

const podId = '6f1c1c9e-0000-5000-8000-000000000001';
const profile: PodProfile = {
  azName: 'az1',
  podAzName: '',
  dcName: 'dc1',
  affinityTag: null,
  capacityThreshold: 0.9,
  endpoints: {},
};
const stale: PodView = {
  podId,
  name: 'Pod1',
  ...profile,
  inMaintenance: true,
  maintenanceReason: 'drain',
  status: 'active',
  registeredAt: new Date('2026-01-01T00:00:00Z'),
  registrationSeq: 7n,
  updatedAt: new Date('2026-01-02T00:00:00Z'),
  usage: {
    vcpus: 8,
    vcpusUsed: 4,
    memoryMb: 100,
    memoryMbUsed: 10,
    diskGb: 10,
    diskGbUsed: 1,
    runningVms: 2,
    usedFraction: 0.5,
    reachable: true,
    reportedAt: new Date('2026-01-02T00:00:00Z'),
    error: null,
  },
};
const now = new Date('2026-02-01T00:00:00Z');
const position = { commit: 42n, prepare: 42n };

describe('podViewFromState (the answer while rm_pods lags)', () => {
  it('shows a deregistration over the stale row, keeping registration and usage', () => {
    const state: PodState = { status: 'deregistered', podId, name: 'Pod1', profile };
    const view = podViewFromState(state, stale, {
      events: [{ type: 'PodDeregistered', data: { podId, forced: true, reason: 'x' } }],
      occurredAt: now,
      position,
    });
    expect(view).toEqual({ ...stale, status: 'deregistered', updatedAt: now });
  });

  it('lays a usage report over the stale row without touching the profile times', () => {
    const state: PodState = {
      status: 'registered',
      podId,
      name: 'Pod1',
      profile,
      inMaintenance: true,
      maintenanceReason: 'drain',
    };
    const view = podViewFromState(state, stale, {
      events: [
        {
          type: 'PodUsageReported',
          data: { podId, reachable: false, usage: null, usedFraction: null, reportedAt: now.toISOString(), error: 'refused' },
        },
      ],
      occurredAt: now,
      position,
    });
    expect(view).toEqual({ ...stale, usage: { ...stale.usage, reachable: false, reportedAt: now, error: 'refused' } });
  });

  it('shows a re-registration with its own time and order, not the stale ones', () => {
    const state: PodState = { status: 'registered', podId, name: 'Pod1', profile, inMaintenance: false, maintenanceReason: null };
    const view = podViewFromState(
      state,
      { ...stale, status: 'deregistered' },
      { events: [{ type: 'PodRegistered', data: { podId, name: 'Pod1', ...profile } }], occurredAt: now, position },
    );
    expect(view).toMatchObject({
      status: 'active',
      inMaintenance: false,
      registeredAt: now,
      registrationSeq: 42n,
      usage: stale.usage,
    });
  });

  it('has nothing to show for a pod that was never registered', () => {
    expect(podViewFromState({ status: 'unregistered' }, undefined, { events: [], occurredAt: now })).toBeUndefined();
  });
});
