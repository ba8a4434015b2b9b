import type { ApiVersion } from '../../../api/microversion';
import { atLeast } from '../../../api/microversion';
import type { JsonSchema } from '../../../compute/validation/nova-json-schema';

/**
 * Cinder's volume-create schemas (cinder/api/schemas/volumes.py and the parameter types it uses,
 * api/validation/parameter_types.py), key for key in Cinder's order: the walker reports the first
 * violation in that order, as Cinder's jsonschema does. The `*_remove_white_spaces` formats are
 * checked after the schema (see create-volume-body.ts): Cinder's checkers raise InvalidInput
 * themselves instead of failing the format.
 */

const optionalUuid: JsonSchema = { oneOf: [{ type: 'null' }, { type: 'string', format: 'uuid' }] };

const cinderBoolean: JsonSchema = {
  type: ['boolean', 'string'],
  enum: [
    true, 'True', 'TRUE', 'true', '1', 'ON', 'On', 'on', 'YES', 'Yes', 'yes', 'y', 't',
    false, 'False', 'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', 'No', 'no', 'n', 'f',
  ], // prettier-ignore
};

/** Cinder's `metadata_allows_null` (keys and values as its extra specs); also checked before podgate adds its tag to a write. */
export const metadataAllowsNull: JsonSchema = {
  type: ['object', 'null'],
  patternProperties: { '^[a-zA-Z0-9-_:. /]{1,255}$': { type: 'string', maxLength: 255 } },
  additionalProperties: false,
};

const nullableString = (maxLength: number): JsonSchema => ({ type: ['string', 'null'], minLength: 0, maxLength });

const volumeProperties = (version: ApiVersion): Record<string, JsonSchema> => ({
  name: { type: ['string', 'null'] },
  description: { type: ['string', 'null'] },
  display_name: { type: ['string', 'null'] },
  display_description: { type: ['string', 'null'] },
  volume_type: nullableString(255),
  metadata: metadataAllowsNull,
  snapshot_id: optionalUuid,
  source_volid: optionalUuid,
  consistencygroup_id: optionalUuid,
  size: { type: ['integer', 'string', 'null'], pattern: '^[0-9]+$', minimum: 1, maximum: 0x7fffffff },
  availability_zone: { type: ['string', 'null'], minLength: 1, maxLength: 255 },
  multiattach: { oneOf: [{ type: 'null' }, cinderBoolean] },
  image_id: nullableString(255),
  imageRef: nullableString(255),
  ...(atLeast(version, '3.13') ? { group_id: nullableString(255) } : {}),
  ...(atLeast(version, '3.47') ? { backup_id: optionalUuid } : {}),
});

/** The schema Cinder validates POST /volumes with at this microversion (3.13 group_id, 3.47 backup_id, 3.53 strict). */
export function createVolumeSchema(version: ApiVersion): JsonSchema {
  return {
    type: 'object',
    properties: {
      volume: {
        type: 'object',
        properties: volumeProperties(version),
        additionalProperties: !atLeast(version, '3.53'),
      },
      'OS-SCH-HNT:scheduler_hints': { type: ['object', 'null'] },
    },
    required: ['volume'],
    additionalProperties: false,
  };
}

/** Cinder's 3.47: a volume may be created from a backup (`backup_id`). */
export const CREATE_FROM_BACKUP_VERSION = '3.47';
