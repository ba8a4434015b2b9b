import { BINDING_EVENT_DEFINITIONS } from '@podgate/bindings';
import { type EventTypeDefinition, EventTypeRegistry } from '@podgate/event-store';
import { FLAVOR_EVENT_DEFINITIONS } from '@podgate/flavors';
import { POD_EVENT_DEFINITIONS, POD_USAGE_EVENT_DEFINITIONS } from '@podgate/pods';
import { ROUTING_EVENT_DEFINITIONS } from '@podgate/routing';
import { SERVER_EVENT_DEFINITIONS } from '@podgate/servers';
import { VOLUME_RESOURCE_EVENT_DEFINITIONS } from '@podgate/volumes';
import { VOLUME_TYPE_EVENT_DEFINITIONS } from '@podgate/volume-types';

/**
 * Every event type podgate writes, with its parser. A slice adds its definitions here; an append
 * of a type missing from this list is refused (see checkedEventStore), and event-types.spec.ts
 * fails for a name in a slice's *_EVENT_TYPES that has no definition.
 */
export const ALL_EVENT_DEFINITIONS: readonly EventTypeDefinition[] = [
  ...POD_EVENT_DEFINITIONS,
  ...POD_USAGE_EVENT_DEFINITIONS,
  ...BINDING_EVENT_DEFINITIONS,
  ...ROUTING_EVENT_DEFINITIONS,
  ...SERVER_EVENT_DEFINITIONS,
  ...VOLUME_RESOURCE_EVENT_DEFINITIONS,
  ...FLAVOR_EVENT_DEFINITIONS,
  ...VOLUME_TYPE_EVENT_DEFINITIONS,
];

/** A registry of every definition; throws DuplicateEventTypeError when two slices claim one name. */
export const eventTypeRegistry = (): EventTypeRegistry => new EventTypeRegistry().register(...ALL_EVENT_DEFINITIONS);
