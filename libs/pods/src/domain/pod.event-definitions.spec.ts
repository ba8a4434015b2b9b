import { decidePod, evolvePod, initialPodState, type PodCommand } from './pod.decider';
import { POD_EVENT_DEFINITIONS } from './pod.event-definitions';
import { POD_EVENT_TYPES, type PodEvent, type PodProfile } from './pod.events';

const podId = '6f1c1c9e-0000-5000-8000-000000000001';
const profile: PodProfile = {
  azName: 'az1',
  podAzName: 'nova',
  dcName: 'dc1',
  affinityTag: null,
  capacityThreshold: 0.9,
  endpoints: { compute: 'https://nova.pod1:8774/v2.1' },
};
const parserOf = (type: string) => POD_EVENT_DEFINITIONS.find((definition) => definition.type === type)!.parse;

/** What the decider emits for a run of commands, each decided on the state the previous ones left. */
function decided(commands: readonly PodCommand[]): PodEvent[] {
  let state = initialPodState;
  return commands.flatMap((command) => {
    const events = decidePod(command, state);
    state = events.reduce(evolvePod, state);
    return events;
  });
}

describe('pod event definitions', () => {
  it('define a parser for every event type, once, in order', () => {
    expect(POD_EVENT_DEFINITIONS.map((definition) => definition.type)).toEqual(POD_EVENT_TYPES);
  });

  it('accept, unchanged, every event the decider emits', () => {
    const events = decided([
      { type: 'RegisterPod', podId, name: 'Pod1', profile },
      { type: 'UpdatePod', podId, changes: { dcName: 'dc2', affinityTag: 'gpu', endpoints: {} }, maintenance: { enabled: true } },
      { type: 'EndPodMaintenance', podId },
      { type: 'StartPodMaintenance', podId, reason: 'drain' },
      { type: 'DeregisterPod', podId, force: true, reason: 'retired', activeBindings: 1, routedResources: 0 },
    ]);
    expect(events.map((event) => event.type)).toEqual([
      'PodRegistered',
      'PodUpdated',
      'PodMaintenanceStarted',
      'PodMaintenanceEnded',
      'PodMaintenanceStarted',
      'PodDeregistered',
    ]);
    for (const event of events) expect(parserOf(event.type)(event.data)).toEqual(event.data);
  });

  it('refuse a key nobody allowed, at any depth, and a threshold outside (0, 1]', () => {
    const data = { podId, name: 'Pod1', ...profile };
    expect(() => parserOf('PodRegistered')({ ...data, keystonePassword: 'x' })).toThrow(/keystonePassword/);
    expect(() => parserOf('PodRegistered')({ ...data, endpoints: { identity: 'https://k' } })).toThrow(/identity/);
    expect(() => parserOf('PodUpdated')({ podId, changes: { adminToken: 'x' } })).toThrow(/adminToken/);
    expect(() => parserOf('PodRegistered')({ ...data, capacityThreshold: 0 })).toThrow();
  });
});
