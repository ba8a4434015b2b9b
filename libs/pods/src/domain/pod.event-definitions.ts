import type { EventTypeDefinition } from '@podgate/event-store';
import { z } from 'zod';
import type { PodEvent, PodEventType } from './pod.events';

const id = z.string().min(1);
const url = z.string().min(1);

/**
 * SECURITY: every shape is strict. An endpoint or profile field nobody allowed (a `password` for
 * the pod's Keystone, say) fails to parse, loudly and by name, instead of being carried into the
 * log, rm_audit and the auditors' exports, where nothing can be redacted later.
 */
const profile = {
  azName: id,
  podAzName: z.string(),
  dcName: z.string(),
  affinityTag: z.string().nullable(),
  /** assertProfile keeps it in (0, 1]. */
  capacityThreshold: z.number().gt(0).max(1),
  endpoints: z.strictObject({ compute: url.optional(), volume: url.optional(), image: url.optional() }),
};

/** Each event's data schema, by its permanent name. */
const SCHEMAS: { readonly [T in PodEventType]: z.ZodType<Extract<PodEvent, { type: T }>['data']> } = {
  PodRegistered: z.strictObject({ podId: id, name: id, ...profile }),
  /** Only the fields that changed (see pod.decider.ts); an empty change is never recorded. */
  PodUpdated: z.strictObject({ podId: id, changes: z.strictObject(profile).partial() }),
  PodMaintenanceStarted: z.strictObject({ podId: id, reason: z.string() }),
  PodMaintenanceEnded: z.strictObject({ podId: id }),
  PodDeregistered: z.strictObject({ podId: id, forced: z.boolean(), reason: z.string() }),
};

/** Parsers for the event-type registry, in POD_EVENT_TYPES order. */
export const POD_EVENT_DEFINITIONS: readonly EventTypeDefinition<PodEventType>[] = (Object.keys(SCHEMAS) as PodEventType[]).map(
  (type) => ({ type, version: 1, parse: (data: unknown) => SCHEMAS[type].parse(data) }),
);
