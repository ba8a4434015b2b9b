import type { EventTypeDefinition } from '@podgate/event-store';
import { z } from 'zod';
import { LIFECYCLE_SUFFIXES, type LifecycleSuffix, volumeEventType } from './volume-resource.events';
import { FLAG_KEYS, SOURCE_KEYS } from './volume-request-summary';

const id = z.string().min(1);
const status = z.number().int().min(100).max(599);
const kind = z.enum(['volume', 'snapshot', 'backup']);

/**
 * SECURITY: every shape is strict. A summary or an event with a key it does not know (a `password`,
 * a `metadata` someone "just added") fails to parse, loudly and by name, instead of being carried
 * into the log, rm_audit and the auditors' exports, where nothing can be redacted later.
 */
const requestSummary = z.strictObject({
  name: z.string().nullable(),
  size: z.number().int().min(0).nullable(),
  volumeType: z.string().nullable(),
  sources: z.strictObject(Object.fromEntries(SOURCE_KEYS.map((key) => [key, id.optional()]))),
  metadataKeys: z.array(z.string()),
  flags: z.array(z.enum(FLAG_KEYS)),
});

const identity = { resourceId: id, podId: id, projectId: id };

/** The one table of data shapes, the same for the three kinds. */
const SHAPES: Readonly<Record<LifecycleSuffix, z.ZodType>> = {
  ProvisioningRequested: z.strictObject({
    provisioningId: id,
    projectId: id,
    azName: id,
    podId: id,
    bindingId: id.nullable(),
    parent: z.strictObject({ kind, id }).nullable(),
    request: requestSummary,
  }),
  Created: z.strictObject({ ...identity, provisioningId: id, azName: id, name: z.string().nullable() }),
  ProvisioningFailed: z.strictObject({ provisioningId: id, podId: id, status, message: z.string() }),
  ActionRequested: z.strictObject({ ...identity, actionId: id, action: id }),
  ActionSucceeded: z.strictObject({ resourceId: id, projectId: id, actionId: id, status }),
  ActionFailed: z.strictObject({ resourceId: id, projectId: id, actionId: id, status, message: z.string() }),
  DeleteRequested: z.strictObject({ ...identity, deleteId: id }),
  DeleteFailed: z.strictObject({ ...identity, deleteId: id, status, message: z.string() }),
  Deleted: z.strictObject({ ...identity, deleteId: id.nullable() }),
};

/**
 * Parsers for the event-type registry and projections: 27 types, `<Kind><Suffix>` for each kind and
 * suffix; routing's two types are routing's to register.
 */
export const VOLUME_RESOURCE_EVENT_DEFINITIONS: readonly EventTypeDefinition[] = (
  ['volume', 'snapshot', 'backup'] as const
).flatMap((resourceKind) =>
  LIFECYCLE_SUFFIXES.map((suffix) => ({
    type: volumeEventType(resourceKind, suffix),
    version: 1,
    parse: (data: unknown) => SHAPES[suffix].parse(data),
  })),
);
