import type { EventTypeDefinition } from '@podgate/event-store';
import { z } from 'zod';
import type { BindingEvent } from './binding.events';

type BindingEventType = BindingEvent['type'];

const id = z.string().min(1);
const at = z.string().min(1);
const key = { projectId: id, azName: id, affinityTag: z.string().nullable() };

/**
 * SECURITY: every shape is strict, so a key nobody allowed fails to parse, loudly and by name,
 * instead of being carried into the log and the auditors' exports.
 */
const SCHEMAS: { readonly [T in BindingEventType]: z.ZodType<Extract<BindingEvent, { type: T }>['data']> } = {
  TenantBoundToPod: z.strictObject({
    ...key,
    bindingId: id,
    podId: id,
    reason: z.enum(['first-request', 'admin-pin', 'rebalanced']),
    boundAt: at,
  }),
  /** `reason` is the scheduler's (`rebalanced`) or the admin's own words. */
  TenantBindingEnded: z.strictObject({ ...key, bindingId: id, podId: id, reason: z.string(), endedAt: at }),
};

/** Parsers for the event-type registry, in BINDING_EVENT_TYPES order. */
export const BINDING_EVENT_DEFINITIONS: readonly EventTypeDefinition<BindingEventType>[] = (
  Object.keys(SCHEMAS) as BindingEventType[]
).map((type) => ({ type, version: 1, parse: (data: unknown) => SCHEMAS[type].parse(data) }));
