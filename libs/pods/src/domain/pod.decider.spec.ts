import { specify } from '@podgate/kernel';
import { decidePod, evolvePod, initialPodState } from './pod.decider';
import {
  InvalidPodNameError,
  InvalidPodProfileError,
  PodAlreadyRegisteredError,
  PodNotFoundError,
  PodStillInUseError,
} from './pod.errors';
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

  it('accepts a Keystone region id as name: 1..255 characters, no slash', () => {
    const named = (name: string) => pod.given([]).when({ type: 'RegisterPod', podId, name, profile });
    expect(named('RegionOne.pod-7 (east)').events).toHaveLength(1);
    expect(named('x'.repeat(255)).events).toHaveLength(1);
    expect(named('').error).toBeInstanceOf(InvalidPodNameError);
    expect(named('x'.repeat(256)).error).toBeInstanceOf(InvalidPodNameError);
    expect((named('pod/1').error as Error).message).toBe('invalid pod name "pod/1": it must not contain a slash');
  });

  it('refuses endpoints that are not http(s) URLs, unknown services and blank affinity tags', () => {
    const update = (changes: Partial<PodProfile>) => pod.given([registered]).when({ type: 'UpdatePod', podId, changes }).error;
    expect(update({ endpoints: { compute: 'ftp://pod1/compute' } })).toBeInstanceOf(InvalidPodProfileError);
    expect(update({ endpoints: { network: 'http://pod1/network' } as PodProfile['endpoints'] })).toBeInstanceOf(
      InvalidPodProfileError,
    );
    expect(update({ affinityTag: '  ' })).toBeInstanceOf(InvalidPodProfileError);
    expect(update({ endpoints: { compute: 'https://pod1:8774/v2.1', volume: 'http://pod1/v3/%(project_id)s' } })).toBeUndefined();
  });

  it('decides profile changes and maintenance in one update, in that order', () => {
    const when = pod.given([registered]).when({
      type: 'UpdatePod',
      podId,
      changes: { capacityThreshold: 0.8, dcName: undefined },
      maintenance: { enabled: true, reason: 'kernel upgrade' },
    });
    expect(when.events).toEqual([
      { type: 'PodUpdated', data: { podId, changes: { capacityThreshold: 0.8 } } },
      { type: 'PodMaintenanceStarted', data: { podId, reason: 'kernel upgrade' } },
    ]);
    const started: PodEvent = { type: 'PodMaintenanceStarted', data: { podId, reason: 'kernel upgrade' } };
    expect(
      pod.given([registered, started]).when({ type: 'UpdatePod', podId, changes: {}, maintenance: { enabled: false } }),
    ).toEqual({
      events: [{ type: 'PodMaintenanceEnded', data: { podId } }],
    });
    const invalid = pod.given([registered]).when({
      type: 'UpdatePod',
      podId,
      changes: { capacityThreshold: 0 },
      maintenance: { enabled: true },
    });
    expect(invalid.error).toBeInstanceOf(InvalidPodProfileError);
  });

  it('sees endpoints given in another key order as unchanged', () => {
    const withEndpoints: PodEvent = {
      type: 'PodRegistered',
      data: { ...registered.data, endpoints: { compute: 'http://a/compute', image: 'http://a/image' } },
    } as PodEvent;
    const reordered = { image: 'http://a/image', compute: 'http://a/compute' };
    expect(pod.given([withEndpoints]).when({ type: 'UpdatePod', podId, changes: { endpoints: reordered } })).toEqual({
      events: [],
    });
  });

  it('knows a deregistered pod no more: no update, no second deregistration', () => {
    const gone: PodEvent = { type: 'PodDeregistered', data: { podId, forced: false, reason: 'retired' } };
    expect(pod.given([registered, gone]).when({ type: 'UpdatePod', podId, changes: { dcName: 'x' } }).error).toBeInstanceOf(
      PodNotFoundError,
    );
    const again = { type: 'DeregisterPod', podId, force: false, reason: 'x', activeBindings: 0, routedResources: 0 } as const;
    expect(pod.given([registered, gone]).when(again).error).toBeInstanceOf(PodNotFoundError);
  });
});
