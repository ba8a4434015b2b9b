import { decideBinding, evolveBinding, initialBindingState, type BindingCommand } from './binding.decider';
import { BINDING_EVENT_DEFINITIONS } from './binding.event-definitions';
import { BINDING_EVENT_TYPES, type BindingEvent, type BindingKey } from './binding.events';

const key: BindingKey = { projectId: 'tenant-a', azName: 'az1', affinityTag: 'gpu' };
const now = '2026-11-22T10:00:00.000Z';
const parserOf = (type: string) => BINDING_EVENT_DEFINITIONS.find((definition) => definition.type === type)!.parse;

function decided(commands: readonly BindingCommand[]): BindingEvent[] {
  let state = initialBindingState;
  return commands.flatMap((command) => {
    const events = decideBinding(command, state);
    state = events.reduce(evolveBinding, state);
    return events;
  });
}

describe('binding event definitions', () => {
  it('define a parser for every event type, once, in order', () => {
    expect(BINDING_EVENT_DEFINITIONS.map((definition) => definition.type)).toEqual(BINDING_EVENT_TYPES);
  });

  it('accept, unchanged, every event the decider emits', () => {
    const events = decided([
      { type: 'PlaceTenant', key, bindingId: 'b1', eligiblePodIds: ['pod1'], now },
      { type: 'BindTenant', key, bindingId: 'b2', podId: 'pod2', reason: 'admin-pin', now },
      { type: 'EndTenantBinding', key, reason: 'tenant left', now },
    ]);
    expect(events.map((event) => event.type)).toEqual([
      'TenantBoundToPod',
      'TenantBindingEnded',
      'TenantBoundToPod',
      'TenantBindingEnded',
    ]);
    for (const event of events) expect(parserOf(event.type)(event.data)).toEqual(event.data);
  });

  it('refuse a key nobody allowed and a bind reason the scheduler never gives', () => {
    const bound = { ...key, bindingId: 'b1', podId: 'pod1', reason: 'first-request', boundAt: now };
    expect(() => parserOf('TenantBoundToPod')({ ...bound, token: 'x' })).toThrow(/token/);
    expect(() => parserOf('TenantBoundToPod')({ ...bound, reason: 'whim' })).toThrow();
  });
});
