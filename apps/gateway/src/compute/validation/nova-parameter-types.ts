import { DESCRIPTION_PATTERN, type JsonSchema } from './nova-json-schema';

/**
 * Nova's parameter types (nova/api/validation/parameter_types.py) that its server and flavor schemas
 * use, transcribed key for key in Nova's order (the order decides which error Nova reports first).
 * servers/create-validation/create-server-body.nova.system-spec.ts compares the server-create schemas
 * built from these with Nova's own.
 */

export const boolean: JsonSchema = {
  type: ['boolean', 'string'],
  enum: [
    true, 'True', 'TRUE', 'true', '1', 'ON', 'On', 'on', 'YES', 'Yes', 'yes',
    false, 'False', 'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', 'No', 'no',
  ], // prettier-ignore
};

export const positiveInteger: JsonSchema = { type: ['integer', 'string'], pattern: '^[0-9]*$', minimum: 1, minLength: 1 };

/** RFC 952/1123 host names (2.90 `hostname`). */
export const hostname: JsonSchema = {
  type: 'string',
  minLength: 2,
  maxLength: 63,
  pattern: '^[a-zA-Z0-9]+[a-zA-Z0-9-]*[a-zA-Z0-9]+$',
};

/** `host` and `hypervisor_hostname` (2.74): underscores allowed, as real hosts have them. */
export const fqdn: JsonSchema = { type: 'string', minLength: 1, maxLength: 255, pattern: '^[a-zA-Z0-9-._]*$' };

export const name: JsonSchema = { type: 'string', minLength: 1, maxLength: 255, format: 'name' };

export const description: JsonSchema = { type: ['string', 'null'], minLength: 0, maxLength: 255, pattern: DESCRIPTION_PATTERN };

export const serverId: JsonSchema = { type: 'string', format: 'uuid' };
export const imageId: JsonSchema = { type: 'string', format: 'uuid' };
export const volumeId: JsonSchema = { type: 'string', format: 'uuid' };

export const imageIdOrEmptyString: JsonSchema = {
  oneOf: [
    { type: 'string', format: 'uuid' },
    { type: 'string', maxLength: 0 },
  ],
};

export const volumeType: JsonSchema = { type: ['string', 'null'], minLength: 0, maxLength: 255 };

/** SECURITY: never stored by Nova, never echoed by podgate (see invalid-input-detail.ts). */
export const adminPassword: JsonSchema = { type: 'string' };

export const flavorRef: JsonSchema = { type: ['string', 'integer'], minLength: 1 };

export const metadata: JsonSchema = {
  type: 'object',
  patternProperties: { '^[a-zA-Z0-9-_:. ]{1,255}$': { type: 'string', maxLength: 255 } },
  additionalProperties: false,
};

export const ipAddress: JsonSchema = { type: 'string', oneOf: [{ format: 'ipv4' }, { format: 'ipv6' }] };

export const volumeSize: JsonSchema = { type: ['integer', 'string'], pattern: '^[0-9]+$', minimum: 1, maximum: 0x7fffffff };

export const diskConfig: JsonSchema = { type: 'string', enum: ['AUTO', 'MANUAL'] };

export const accessIPv4: JsonSchema = { type: 'string', format: 'ipv4' };
export const accessIPv6: JsonSchema = { type: 'string', format: 'ipv6' };

/** Injected files (removed at 2.57); SECURITY: their contents are never echoed. */
export const personality: JsonSchema = {
  type: 'array',
  items: {
    type: 'object',
    properties: { path: { type: 'string' }, contents: { type: 'string', format: 'base64' } },
    additionalProperties: false,
  },
};

/** nova.objects.tag.MAX_TAG_LENGTH. */
export const tag: JsonSchema = { type: 'string', minLength: 1, maxLength: 60, pattern: '^[^,/]*$' };

export const trustedCerts: JsonSchema = {
  type: ['array', 'null'],
  minItems: 1,
  maxItems: 50,
  uniqueItems: true,
  items: { type: 'string', minLength: 1 },
};
