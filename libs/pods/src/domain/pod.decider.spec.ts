import { specify } from '@podgate/kernel';
import { decidePod, evolvePod, initialPodState } from './pod.decider';
import { InvalidPodProfileError, PodAlreadyRegisteredError, PodNotFoundError, PodStillInUseError } from './pod.errors';
import type { PodEvent, PodProfile } from './pod.events';

const podId = '6f1c1c9e-0000-5000-8000-000000000001';
const profile: PodProfile = {
  azName: 'az1',
  podAzName: 'nova',
  dcName: 'dc1',
  affinityTag: null,
  capacityThreshold: 0.9,
  endpoints: {},
};
const registered: PodEvent = { type: 'PodRegistered', data: { podId, name: 'Pod1', ...profile } };
const pod = specify({ decide: decidePod, evolve: evolvePod, initialState: initialPodState });

describe('pod decider', () => {
  it('registers a new pod', () => {
    expect(pod.given([]).when({ type: 'RegisterPod', podId, name: 'Pod1', profile })).toEqual({ events: [registered] });
  });

  it('refuses to register a name twice, but allows it again after deregistration', () => {
    const again = { type: 'RegisterPod', podId, name: 'Pod1', profile } as const;
    expect(pod.given([registered]).when(again).error).toBeInstanceOf(PodAlreadyRegisteredError);
    const gone: PodEvent = { type: 'PodDeregistered', data: { podId, forced: false, reason: 'retired' } };
    expect(pod.given([registered, gone]).when(again)).toEqual({ events: [registered] });
  });

  it('refuses a capacity threshold outside (0, 1] and an empty AZ', () => {
    expect(
      pod.given([]).when({ type: 'RegisterPod', podId, name: 'Pod1', profile: { ...profile, capacityThreshold: 1.5 } }).error,
    ).toBeInstanceOf(InvalidPodProfileError);
    expect(pod.given([registered]).when({ type: 'UpdatePod', podId, changes: { azName: ' ' } }).error).toBeInstanceOf(
      InvalidPodProfileError,
    );
  });

  it('records only what an update really changes', () => {
    expect(pod.given([registered]).when({ type: 'UpdatePod', podId, changes: { azName: 'az1', dcName: 'dc2' } })).toEqual({
      events: [{ type: 'PodUpdated', data: { podId, changes: { dcName: 'dc2' } } }],
    });
    expect(pod.given([registered]).when({ type: 'UpdatePod', podId, changes: { azName: 'az1' } })).toEqual({ events: [] });
  });

  it('starts and ends maintenance once each', () => {
    const started: PodEvent = { type: 'PodMaintenanceStarted', data: { podId, reason: 'drain' } };
    expect(pod.given([registered]).when({ type: 'StartPodMaintenance', podId, reason: 'drain' })).toEqual({ events: [started] });
    expect(pod.given([registered, started]).when({ type: 'StartPodMaintenance', podId, reason: 'drain' })).toEqual({
      events: [],
    });
    expect(pod.given([registered, started]).when({ type: 'EndPodMaintenance', podId })).toEqual({
      events: [{ type: 'PodMaintenanceEnded', data: { podId } }],
    });
    expect(pod.given([registered]).when({ type: 'EndPodMaintenance', podId })).toEqual({ events: [] });
  });

  it('refuses to deregister a pod in use unless forced', () => {
    const inUse = {
      type: 'DeregisterPod',
      podId,
      force: false,
      reason: 'retired',
      activeBindings: 2,
      routedResources: 5,
    } as const;
    expect(pod.given([registered]).when(inUse).error).toBeInstanceOf(PodStillInUseError);
    expect(pod.given([registered]).when({ ...inUse, force: true })).toEqual({
      events: [{ type: 'PodDeregistered', data: { podId, forced: true, reason: 'retired' } }],
    });
    expect(pod.given([registered]).when({ ...inUse, activeBindings: 0, routedResources: 0 }).events).toHaveLength(1);
  });

  it('knows no pod that was never registered', () => {
    expect(pod.given([]).when({ type: 'StartPodMaintenance', podId, reason: 'x' }).error).toBeInstanceOf(PodNotFoundError);
  });
});
