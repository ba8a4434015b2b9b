import { type DefineFlavorInput, MAX_INT, SQL_SP_FLOAT_MAX } from '@podgate/flavors';
import { DomainError } from '@podgate/kernel';
import { type ApiVersion, atLeast } from '../../api/microversion';
// Nova's JSON-Schema walker and 400 wording, shared with the servers API (section E's module).
import { DESCRIPTION_PATTERN, firstViolation, type JsonSchema } from '../validation/nova-json-schema';
import { invalidInputDetail } from '../validation/invalid-input-detail';
import { boolean, name } from '../validation/nova-parameter-types';
import { pyRepr } from '../validation/python-repr';
import { DESCRIPTION_VERSION } from './flavor.wire';

/** A flavor request body Nova would refuse: 400 with Nova's detail. */
export class InvalidFlavorRequestError extends DomainError {
  readonly code = 'FLAVORS.INVALID_REQUEST';
  readonly kind = 'badRequest';
}

/** Nova's answer to a method its microversion does not have yet (PUT /flavors/{id} before 2.55). */
export class ResourceNotFoundForVersionError extends DomainError {
  readonly code = 'FLAVORS.NOT_IN_MICROVERSION';
  readonly kind = 'itemNotFound';
  constructor() {
    super('The resource could not be found.');
  }
}

// Schemas transcribed key for key from nova/api/openstack/compute/schemas/flavor_manage.py,
// flavors_extraspecs.py and flavor_access.py: the key order decides which error Nova reports first.
const flavorParam = (minimum: number): JsonSchema => ({
  type: ['integer', 'string'],
  pattern: '^[0-9]+$',
  minimum,
  maximum: MAX_INT,
});
const description: JsonSchema = { type: ['string', 'null'], minLength: 0, maxLength: 65535, pattern: DESCRIPTION_PATTERN };
/** Nova's `exclusiveMinimum: True` is checked after the walk (rxtxFactorProblem): the walker has no such keyword. */
const rxtxFactor: JsonSchema = { type: ['number', 'string'], pattern: '^[0-9]+(\\.[0-9]+)?$', maximum: SQL_SP_FLOAT_MAX };

function createSchema(version: ApiVersion): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    name,
    id: { type: ['string', 'number', 'null'], minLength: 1, maxLength: 255, pattern: '^(?! )[a-zA-Z0-9. _-]+(?<! )$' },
    ram: flavorParam(1),
    vcpus: flavorParam(1),
    disk: flavorParam(0),
    'OS-FLV-EXT-DATA:ephemeral': flavorParam(0),
    swap: flavorParam(0),
    rxtx_factor: rxtxFactor,
    'os-flavor-access:is_public': boolean,
    ...(atLeast(version, DESCRIPTION_VERSION) ? { description } : {}),
  };
  return {
    type: 'object',
    properties: {
      flavor: {
        type: 'object',
        properties,
        required: ['name', 'ram', 'vcpus', 'disk'],
        additionalProperties: false,
      },
    },
    required: ['flavor'],
    additionalProperties: false,
  };
}

const UPDATE_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    flavor: { type: 'object', properties: { description }, required: ['description'], additionalProperties: false },
  },
  required: ['flavor'],
  additionalProperties: false,
};

/** parameter_types.metadata with numbers allowed (Nova stringifies them). */
const EXTRA_SPECS: JsonSchema = {
  type: 'object',
  patternProperties: { '^[a-zA-Z0-9-_:. ]{1,255}$': { type: ['string', 'number'], maxLength: 255 } },
  additionalProperties: false,
};
const EXTRA_SPECS_CREATE: JsonSchema = {
  type: 'object',
  properties: { extra_specs: EXTRA_SPECS },
  required: ['extra_specs'],
  additionalProperties: false,
};
const tenantAction = (action: string): JsonSchema => ({
  type: 'object',
  properties: {
    [action]: {
      type: 'object',
      properties: { tenant: { type: 'string', minLength: 1, maxLength: 255 } },
      required: ['tenant'],
      additionalProperties: false,
    },
  },
  required: [action],
  additionalProperties: false,
});

function check(schema: JsonSchema, body: unknown): void {
  const violation = firstViolation(schema, body);
  if (violation) throw new InvalidFlavorRequestError(invalidInputDetail(violation));
}

const truthy = (value: unknown): boolean => value === true || (typeof value === 'string' && /^(true|1|on|yes)$/i.test(value));

/** POST /flavors: the definition, with Nova's defaults (ephemeral 0, swap 0, rxtx 1.0, public). */
export function parseCreateFlavor(body: unknown, version: ApiVersion): DefineFlavorInput {
  check(createSchema(version), body);
  const vals = (body as { flavor: Record<string, unknown> }).flavor;
  const rxtx = vals.rxtx_factor === undefined ? 1 : Number(vals.rxtx_factor);
  if (!(rxtx > 0)) {
    const detail = `${pyRepr(vals.rxtx_factor)} is less than or equal to the minimum of 0`;
    throw new InvalidFlavorRequestError(
      `Invalid input for field/attribute rxtx_factor. Value: ${String(vals.rxtx_factor)}. ${detail}`,
    );
  }
  const id = vals.id;
  return {
    // Nova generates an id for a missing, null, empty or zero one (`if not flavorid`); numbers become strings
    ...(id === undefined || id === null || id === '' || id === 0 ? {} : { flavorId: String(id) }),
    definition: {
      name: vals.name as string,
      ram: Number(vals.ram),
      vcpus: Number(vals.vcpus),
      disk: Number(vals.disk),
      ephemeral: Number(vals['OS-FLV-EXT-DATA:ephemeral'] ?? 0),
      swap: Number(vals.swap ?? 0),
      rxtxFactor: rxtx,
      isPublic: vals['os-flavor-access:is_public'] === undefined ? true : truthy(vals['os-flavor-access:is_public']),
      description: atLeast(version, DESCRIPTION_VERSION) ? ((vals.description as string | null | undefined) ?? null) : null,
    },
  };
}

/** PUT /flavors/{id} (2.55+): the new description (null clears it). */
export function parseUpdateFlavor(body: unknown): string | null {
  check(UPDATE_SCHEMA, body);
  return (body as { flavor: { description: string | null } }).flavor.description;
}

/** POST os-extra_specs: the specs, numbers stringified as Nova stores them. */
export function parseExtraSpecsCreate(body: unknown): Record<string, string> {
  check(EXTRA_SPECS_CREATE, body);
  return stringified((body as { extra_specs: Record<string, string | number> }).extra_specs);
}

/** PUT os-extra_specs/{key}: exactly one key, the one in the URL. */
export function parseExtraSpecUpdate(body: unknown, key: string): Record<string, string> {
  check(EXTRA_SPECS, body);
  const count = Object.keys(body as object).length;
  if (count < 1) throw new InvalidFlavorRequestError(`${pyRepr(body)} does not have enough properties`);
  if (count > 1) throw new InvalidFlavorRequestError(`${pyRepr(body)} has too many properties`);
  if (!Object.hasOwn(body as object, key)) throw new InvalidFlavorRequestError('Request body and URI mismatch');
  return stringified(body as Record<string, string | number>);
}

export type FlavorAccessAction = { readonly action: 'addTenantAccess' | 'removeTenantAccess'; readonly tenant: string };

/** POST /flavors/{id}/action: Nova picks the action by the body's one key. */
export function parseFlavorAction(body: unknown): FlavorAccessAction {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || Object.keys(body).length !== 1) {
    throw new InvalidFlavorRequestError('Malformed request body');
  }
  const [action] = Object.keys(body);
  if (action !== 'addTenantAccess' && action !== 'removeTenantAccess') {
    throw new InvalidFlavorRequestError(`There is no such action: ${action}`);
  }
  check(tenantAction(action), body);
  return { action, tenant: (body as Record<string, { tenant: string }>)[action].tenant };
}

const stringified = (specs: Record<string, string | number>): Record<string, string> =>
  Object.fromEntries(Object.entries(specs).map(([key, value]) => [key, String(value)]));
