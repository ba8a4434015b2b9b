import type { EventTypeDefinition } from '@podgate/event-store';
import { deterministicId } from '@podgate/kernel';
import { z } from 'zod';

/**
 * Where a user-visible ("top") resource lives: which pod, under which id there ("bottom"), as in
 * Tricircle's resource routing table.
 *
 * Who appends them: the servers and volumes slices, into the resource's own stream (`server-<id>`,
 * `volume-<id>`), in the same append as their own facts (ServerCreated + ResourceRouted), so a
 * resource and its route can never disagree. Why they are routing's types all the same: the
 * rm_routings projection filters by these two event types only, so the routing table never needs
 * to know what a server or a volume is, and a new resource kind needs no change here beyond its
 * name in `ROUTED_RESOURCE_TYPES`.
 */
export const ROUTED_RESOURCE_TYPES = ['server', 'volume', 'snapshot', 'backup'] as const;
export type RoutedResourceType = (typeof ROUTED_RESOURCE_TYPES)[number];

export interface ResourceRoutedData {
  readonly resourceType: RoutedResourceType;
  /** The id users see (podgate's). */
  readonly topId: string;
  /** The id inside the pod. */
  readonly bottomId: string;
  readonly podId: string;
  readonly projectId: string;
  readonly azName: string;
}

export interface ResourceUnroutedData {
  readonly resourceType: RoutedResourceType;
  readonly topId: string;
  readonly podId: string;
}

export type RoutingEvent =
  | { readonly type: 'ResourceRouted'; readonly data: ResourceRoutedData }
  | { readonly type: 'ResourceUnrouted'; readonly data: ResourceUnroutedData };

export type RoutingEventType = RoutingEvent['type'];

export const ROUTING_EVENT_TYPES: readonly RoutingEventType[] = ['ResourceRouted', 'ResourceUnrouted'];

/** A route's id: one per (kind, top id, pod), so re-routing the same resource to the same pod updates the route. */
export const routingId = (resourceType: RoutedResourceType, topId: string, podId: string): string =>
  deterministicId('routing', resourceType, topId, podId);

const nonEmpty = z.string().min(1);
const resourceType = z.enum(ROUTED_RESOURCE_TYPES);

const resourceRouted = z.strictObject({
  resourceType,
  topId: nonEmpty,
  bottomId: nonEmpty,
  podId: nonEmpty,
  projectId: nonEmpty,
  azName: nonEmpty,
});

const resourceUnrouted = z.strictObject({ resourceType, topId: nonEmpty, podId: nonEmpty });

/** Parsers for the event-type registry; the projection decodes with them too, so bad data fails loudly, named. */
export const ROUTING_EVENT_DEFINITIONS = [
  { type: 'ResourceRouted', version: 1, parse: (data: unknown): ResourceRoutedData => resourceRouted.parse(data) },
  { type: 'ResourceUnrouted', version: 1, parse: (data: unknown): ResourceUnroutedData => resourceUnrouted.parse(data) },
] as const satisfies readonly EventTypeDefinition<RoutingEventType>[];
