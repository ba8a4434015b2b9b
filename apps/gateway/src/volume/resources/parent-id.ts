import { DomainError } from '@podgate/kernel';
import { invalidInputDetail } from '../../compute/validation/invalid-input-detail';
import { firstViolation, type JsonSchema } from '../../compute/validation/nova-json-schema';

/** A body Cinder's schema refuses before anything is looked up; Cinder's 400 in jsonschema's words. */
export class InvalidVolumeResourceBodyError extends DomainError {
  readonly code = 'VOLUME.INVALID_BODY';
  readonly kind = 'badRequest';
}

/** Cinder's `uuid` and `uuid_allow_null` parameter types (api/validation/parameter_types.py). */
export const UUID: JsonSchema = { type: 'string', format: 'uuid' };
export const UUID_ALLOW_NULL: JsonSchema = { oneOf: [{ type: 'null' }, { type: 'string', format: 'uuid' }] };

/**
 * The id of the resource a create hangs off (a snapshot's or backup's `volume_id`, an attachment's
 * `volume_uuid`), checked as far as Cinder's schema speaks of it, in its order: the body an object
 * with the envelope, the envelope an object with the field, the field of its type. The pod checks
 * the rest of the body with its own schema. A null id is Cinder's `None` (its 404 names it so).
 */
export function parentIdOf(body: unknown, envelope: string, field: string, type: JsonSchema = UUID_ALLOW_NULL): string {
  const schema: JsonSchema = {
    type: 'object',
    properties: { [envelope]: { type: 'object', properties: { [field]: type }, required: [field] } },
    required: [envelope],
  };
  const violation = firstViolation(schema, body ?? {});
  if (violation) throw new InvalidVolumeResourceBodyError(invalidInputDetail(violation));
  const id = ((body as Record<string, Record<string, unknown>>)[envelope] as Record<string, unknown>)[field];
  return id === null ? 'None' : String(id);
}

/** An optional id in the envelope (`instance_uuid`, a restore's `volume_id`): undefined when absent or null. */
export function optionalIdOf(body: unknown, envelope: string, field: string): string | undefined {
  const inner = (body as Record<string, unknown> | null | undefined)?.[envelope];
  const id = typeof inner === 'object' && inner !== null ? (inner as Record<string, unknown>)[field] : undefined;
  return typeof id === 'string' && id !== '' ? id : undefined;
}
