import type { EventTypeDefinition } from '@podgate/event-store';
import { z } from 'zod';
import type {
  FlavorAccessData,
  FlavorDefinedData,
  FlavorDeletedData,
  FlavorDescriptionUpdatedData,
  FlavorEventType,
  FlavorExtraSpecDeletedData,
  FlavorExtraSpecsSetData,
  FlavorSyncedToPodData,
  FlavorSyncFailedData,
} from './flavor.events';

const id = z.string().min(1);
const count = z.number().int().min(0);
const generation = z.number().int().min(1);

const defined = z.strictObject({
  flavorId: id,
  name: id,
  ram: count,
  vcpus: count,
  disk: count,
  ephemeral: count,
  swap: count,
  rxtxFactor: z.number().positive(),
  isPublic: z.boolean(),
  description: z.string().nullable(),
});
const deleted = z.strictObject({ flavorId: id });
const described = z.strictObject({ flavorId: id, description: z.string().nullable() });
const specsSet = z.strictObject({ flavorId: id, specs: z.record(z.string(), z.string()) });
const specDeleted = z.strictObject({ flavorId: id, key: id });
const access = z.strictObject({ flavorId: id, projectId: id });
const synced = z.strictObject({ flavorId: id, podId: id, generation });
const syncFailed = z.strictObject({
  flavorId: id,
  podId: id,
  generation,
  status: z.number().int().min(100).max(599).optional(),
  message: z.string(),
});

/** Parsers for the event-type registry and the flavors projections. */
export const FLAVOR_EVENT_DEFINITIONS = [
  { type: 'FlavorDefined', version: 1, parse: (data: unknown): FlavorDefinedData => defined.parse(data) },
  { type: 'FlavorDeleted', version: 1, parse: (data: unknown): FlavorDeletedData => deleted.parse(data) },
  {
    type: 'FlavorDescriptionUpdated',
    version: 1,
    parse: (data: unknown): FlavorDescriptionUpdatedData => described.parse(data),
  },
  { type: 'FlavorExtraSpecsSet', version: 1, parse: (data: unknown): FlavorExtraSpecsSetData => specsSet.parse(data) },
  { type: 'FlavorExtraSpecDeleted', version: 1, parse: (data: unknown): FlavorExtraSpecDeletedData => specDeleted.parse(data) },
  { type: 'FlavorAccessAdded', version: 1, parse: (data: unknown): FlavorAccessData => access.parse(data) },
  { type: 'FlavorAccessRemoved', version: 1, parse: (data: unknown): FlavorAccessData => access.parse(data) },
  { type: 'FlavorSyncedToPod', version: 1, parse: (data: unknown): FlavorSyncedToPodData => synced.parse(data) },
  { type: 'FlavorSyncFailed', version: 1, parse: (data: unknown): FlavorSyncFailedData => syncFailed.parse(data) },
] as const satisfies readonly EventTypeDefinition<FlavorEventType>[];
