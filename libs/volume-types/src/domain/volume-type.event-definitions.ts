import type { EventTypeDefinition } from '@podgate/event-store';
import { z } from 'zod';
import type { VolumeTypeEvent, VolumeTypeEventType } from './volume-type.events';

const id = z.string().min(1);
const typeId = z.strictObject({ typeId: id });
const specs = z.record(z.string(), z.string());
const definition = { name: id, description: z.string().nullable(), isPublic: z.boolean() };
const podRecord = typeId.extend({ podId: id, generation: z.number().int().min(1) });

/** Each event's data schema, by its permanent name. */
const SCHEMAS: { readonly [T in VolumeTypeEventType]: z.ZodType<Extract<VolumeTypeEvent, { type: T }>['data']> } = {
  VolumeTypeDefined: typeId.extend({ ...definition, extraSpecs: specs }),
  VolumeTypeUpdated: typeId.extend(z.strictObject(definition).partial().shape),
  VolumeTypeDeleted: typeId,
  VolumeTypeExtraSpecsSet: typeId.extend({ specs }),
  VolumeTypeExtraSpecUnset: typeId.extend({ key: id }),
  VolumeTypeAccessAdded: typeId.extend({ projectId: id }),
  VolumeTypeAccessRemoved: typeId.extend({ projectId: id }),
  VolumeTypeSyncedToPod: podRecord.extend({ podTypeId: id.nullable() }),
  VolumeTypeSyncFailed: podRecord.extend({ status: z.number().int().min(100).max(599).optional(), message: z.string() }),
};

/** Parsers for the event-type registry and the volume types projection, in VOLUME_TYPE_EVENT_TYPES order. */
export const VOLUME_TYPE_EVENT_DEFINITIONS: readonly EventTypeDefinition<VolumeTypeEventType>[] = (
  Object.keys(SCHEMAS) as VolumeTypeEventType[]
).map((type) => ({ type, version: 1, parse: (data: unknown) => SCHEMAS[type].parse(data) }));
