import { DomainError } from '@podgate/kernel';
import type { DefineVolumeTypeInput, VolumeTypeDefinition } from '@podgate/volume-types';
// The OpenStack JSON-Schema walker and 400 wording: Cinder validates as Nova does (jsonschema, the
// same "Invalid input for field/attribute" detail), so the compute API's walker serves both.
import { firstViolation, type JsonSchema } from '../../compute/validation/nova-json-schema';
import { invalidInputDetail } from '../../compute/validation/invalid-input-detail';
import { description } from '../../compute/validation/nova-parameter-types';
import { pyRepr } from '../../compute/validation/python-repr';

/** A volume type request Cinder would refuse: 400 with Cinder's detail. */
export class InvalidVolumeTypeRequestError extends DomainError {
  readonly code = 'VOLUME_TYPES.INVALID_REQUEST';
  readonly kind = 'badRequest';
}

// Transcribed key for key from cinder/api/schemas/volume_types.py, types_extra_specs.py,
// volume_type_access.py and api/validation/parameter_types.py (key order decides the first error).
const TRUE = [true, 'True', 'TRUE', 'true', '1', 'ON', 'On', 'on', 'YES', 'Yes', 'yes', 'y', 't'];
const FALSE = [false, 'False', 'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', 'No', 'no', 'n', 'f'];
const boolean: JsonSchema = { type: ['boolean', 'string'], enum: [...TRUE, ...FALSE] };
const specs = (keyPattern: string, nullable: boolean): JsonSchema => ({
  type: 'object',
  patternProperties: { [keyPattern]: { type: nullable ? ['string', 'null'] : 'string', minLength: 0, maxLength: 255 } },
  additionalProperties: false,
});
/** extra_specs_with_null (create) and extra_specs_with_no_spaces_key (the extra specs API). */
const CREATE_SPECS = specs('^[a-zA-Z0-9-_:. /]{1,255}$', true);
const SPECS = specs('^[a-zA-Z0-9-_:.]{1,255}$', true);

const envelope = (key: string, properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({
  type: 'object',
  properties: { [key]: { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false } },
  required: [key],
  additionalProperties: false,
});
const CREATE = envelope(
  'volume_type',
  {
    name: { type: 'string', minLength: 1, maxLength: 255 },
    description,
    extra_specs: CREATE_SPECS,
    'os-volume-type-access:is_public': boolean,
  },
  ['name'],
);
const UPDATE = envelope('volume_type', {
  name: { type: ['string', 'null'], minLength: 1, maxLength: 255 },
  description,
  is_public: boolean,
});
const SPECS_CREATE: JsonSchema = {
  type: 'object',
  properties: { extra_specs: SPECS },
  required: ['extra_specs'],
  additionalProperties: false,
};
const projectAction = (action: string) => envelope(action, { project: { type: 'string', format: 'uuid' } }, ['project']);

function check(schema: JsonSchema, body: unknown): void {
  const violation = firstViolation(schema, body);
  if (violation) throw new InvalidVolumeTypeRequestError(invalidInputDetail(violation));
}

const truthy = (value: unknown): boolean => TRUE.includes(value as never);

/** Cinder stores a null spec value as given; podgate keeps specs as text, so null is the empty string. */
const textSpecs = (specs: Record<string, string | null> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(specs ?? {}).map(([key, value]) => [key, value ?? '']));

/** POST /types: Cinder's `name` format refuses a blank name in its own words. */
export function parseCreateVolumeType(body: unknown): DefineVolumeTypeInput {
  check(CREATE, body);
  const vals = (body as { volume_type: Record<string, unknown> }).volume_type;
  const name = vals.name as string;
  if (name.trim().length === 0)
    throw new InvalidVolumeTypeRequestError("An invalid 'name' value was provided. The 'name' can not be empty.");
  const isPublic = vals['os-volume-type-access:is_public'];
  return {
    definition: {
      name,
      description: (vals.description as string | null | undefined) ?? null,
      isPublic: isPublic === undefined ? true : truthy(isPublic),
    },
    extraSpecs: textSpecs(vals.extra_specs as Record<string, string | null> | undefined),
  };
}

/** PUT /types/{id}: at least one of name, description, is_public (Cinder's own 400s). */
export function parseUpdateVolumeType(body: unknown): Partial<VolumeTypeDefinition> {
  check(UPDATE, body);
  const vals = (body as { volume_type: Record<string, unknown> }).volume_type;
  const name = vals.name as string | null | undefined;
  const text = vals.description as string | null | undefined;
  const isPublic = vals.is_public;
  if (name && name.trim().length === 0) throw new InvalidVolumeTypeRequestError('Volume type name can not be empty.');
  if ((name ?? null) === null && (text ?? null) === null && (isPublic ?? null) === null) {
    throw new InvalidVolumeTypeRequestError('Specify volume type name, description, is_public or a combination thereof.');
  }
  return {
    ...(name ? { name } : {}),
    // Cinder reads null as "unchanged"; an empty description clears it.
    ...(typeof text === 'string' ? { description: text === '' ? null : text } : {}),
    ...(isPublic === undefined || isPublic === null ? {} : { isPublic: truthy(isPublic) }),
  };
}

/** POST /types/{id}/extra_specs. */
export function parseExtraSpecsCreate(body: unknown): Record<string, string> {
  check(SPECS_CREATE, body);
  return textSpecs((body as { extra_specs: Record<string, string | null> }).extra_specs);
}

/** PUT /types/{id}/extra_specs/{key}: exactly one key, the one in the URL. */
export function parseExtraSpecUpdate(body: unknown, key: string): Record<string, string> {
  check(SPECS, body);
  const count = Object.keys(body as object).length;
  if (count < 1) throw new InvalidVolumeTypeRequestError(`${pyRepr(body)} does not have enough properties`);
  if (count > 1) throw new InvalidVolumeTypeRequestError(`${pyRepr(body)} has too many properties`);
  if (!Object.hasOwn(body as object, key)) throw new InvalidVolumeTypeRequestError('Request body and URI mismatch');
  return textSpecs(body as Record<string, string | null>);
}

export type VolumeTypeAccessAction = {
  readonly action: 'addProjectAccess' | 'removeProjectAccess';
  readonly project: string;
};

/** POST /types/{id}/action: the action is the body's one key. */
export function parseVolumeTypeAction(body: unknown): VolumeTypeAccessAction {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || Object.keys(body).length !== 1) {
    throw new InvalidVolumeTypeRequestError('Malformed request body');
  }
  const [action] = Object.keys(body);
  if (action !== 'addProjectAccess' && action !== 'removeProjectAccess') {
    throw new InvalidVolumeTypeRequestError(`There is no such action: ${action}`);
  }
  check(projectAction(action), body);
  return { action, project: (body as Record<string, { project: string }>)[action].project };
}

/** `is_public` of GET /types, as Cinder's _parse_is_public reads it (admins only; absent: true). */
export function parseIsPublicFilter(value: string | undefined): boolean | null {
  if (value === undefined) return true;
  if (value.toLowerCase() === 'none') return null;
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw new InvalidVolumeTypeRequestError(`Invalid is_public filter [${value}]`);
}
