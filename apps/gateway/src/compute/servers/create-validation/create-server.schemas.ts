import { type ApiVersion, atLeast } from '../../../api/microversion/api-version';
import type { JsonSchema } from '../../validation/nova-json-schema';
import * as types from '../../validation/nova-parameter-types';

/**
 * Nova's POST /servers body schemas (nova/api/openstack/compute/schemas/servers.py), built the way
 * Nova builds them: each microversion's schema is the previous one with a few keys changed, added
 * (at the end, as Python's dict.update) or removed, so key order, and with it the first error
 * reported, stays Nova's.
 */

type Properties = Readonly<Record<string, JsonSchema>>;

const legacyBlockDeviceMapping: Properties = {
  virtual_name: { type: 'string', maxLength: 255 },
  volume_id: types.volumeId,
  snapshot_id: types.imageId,
  volume_size: types.volumeSize,
  // Nova's own pattern, range `_-r` included.
  device_name: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[a-zA-Z0-9._-r/]*$' },
  delete_on_termination: types.boolean,
  no_device: {},
  connection_info: { type: 'string', maxLength: 16777215 },
};

const blockDeviceMappingV2: Properties = {
  ...legacyBlockDeviceMapping,
  source_type: { type: 'string', enum: ['volume', 'image', 'snapshot', 'blank'] },
  uuid: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[a-zA-Z0-9._-]*$' },
  image_id: types.imageId,
  destination_type: { type: 'string', enum: ['local', 'volume'] },
  guest_format: { type: 'string', maxLength: 255 },
  device_type: { type: 'string', maxLength: 255 },
  disk_bus: { type: 'string', maxLength: 255 },
  boot_index: { type: ['integer', 'string', 'null'], pattern: '^-?[0-9]+$' },
};

const closedObject = (properties: Properties): JsonSchema => ({ type: 'object', properties, additionalProperties: false });
const arrayOf = (properties: Properties): JsonSchema => ({ type: 'array', items: closedObject(properties) });

const hints: JsonSchema = {
  type: 'object',
  properties: {
    group: { type: 'string', format: 'uuid' },
    different_host: {
      oneOf: [
        { type: 'string', format: 'uuid' },
        { type: 'array', items: types.serverId },
      ],
    },
    same_host: { type: ['string', 'array'], items: types.serverId },
    query: { type: ['string', 'object'] },
    target_cell: types.name,
    different_cell: { type: ['string', 'array'], items: { type: 'string' } },
    build_near_host_ip: types.ipAddress,
    cidr: { type: 'string', pattern: '^/[0-9a-f.:]+$' },
  },
  // Nova relaxed the hints on purpose (any scheduler filter may read its own).
  additionalProperties: true,
};

const portOrNull: JsonSchema = { oneOf: [{ type: 'string', format: 'uuid' }, { type: 'null' }] };

const networksV21 = arrayOf({ fixed_ip: types.ipAddress, port: portOrNull, uuid: { type: 'string' } });

const networksOrKeyword = (item: Properties): JsonSchema => ({
  oneOf: [
    { type: 'array', items: closedObject(item) },
    { type: 'string', enum: ['none', 'auto'] },
  ],
});
const networkItemV237: Properties = { fixed_ip: types.ipAddress, port: portOrNull, uuid: { type: 'string', format: 'uuid' } };

const serverV21: Properties = {
  name: types.name,
  // Empty only for boot from volume; Nova's code (not its schema) checks that.
  imageRef: types.imageIdOrEmptyString,
  flavorRef: types.flavorRef,
  adminPass: types.adminPassword,
  metadata: types.metadata,
  networks: networksV21,
  'OS-DCF:diskConfig': types.diskConfig,
  accessIPv4: types.accessIPv4,
  accessIPv6: types.accessIPv6,
  personality: types.personality,
  availability_zone: types.name,
  block_device_mapping: arrayOf(legacyBlockDeviceMapping),
  block_device_mapping_v2: arrayOf(blockDeviceMappingV2),
  config_drive: types.boolean,
  key_name: types.name,
  min_count: types.positiveInteger,
  max_count: types.positiveInteger,
  return_reservation_id: types.boolean,
  security_groups: arrayOf({ name: types.name }),
  user_data: { type: 'string', format: 'base64', maxLength: 65535 },
};

interface ServerSchema {
  readonly properties: Properties;
  readonly required: readonly string[];
}

const withTag = (networks: JsonSchema): JsonSchema => arrayOf({ ...networks.items?.properties, tag: types.tag });
const bdmV2With = (server: Properties, extra: Properties): JsonSchema =>
  arrayOf({ ...server.block_device_mapping_v2.items?.properties, ...extra });
const without = (properties: Properties, key: string): Properties =>
  Object.fromEntries(Object.entries(properties).filter(([name]) => name !== key));

const v21: ServerSchema = { properties: serverV21, required: ['name', 'flavorRef'] };
const v219: ServerSchema = { ...v21, properties: { ...v21.properties, description: types.description } };
// 2.32 alone has both tags; 2.33 (built on 2.19) keeps only the network one: Nova's historical accident.
const v232: ServerSchema = {
  ...v219,
  properties: {
    ...v219.properties,
    networks: withTag(v219.properties.networks),
    block_device_mapping_v2: bdmV2With(v219.properties, { tag: types.tag }),
  },
};
const v233: ServerSchema = { ...v219, properties: { ...v219.properties, networks: withTag(v219.properties.networks) } };
const v237: ServerSchema = {
  properties: { ...v233.properties, networks: networksOrKeyword(networkItemV237) },
  required: [...v233.required, 'networks'],
};
const v242: ServerSchema = {
  ...v237,
  properties: {
    ...v237.properties,
    networks: networksOrKeyword({ ...networkItemV237, tag: types.tag }),
    block_device_mapping_v2: bdmV2With(v237.properties, { tag: types.tag }),
  },
};
const v252: ServerSchema = {
  ...v242,
  properties: { ...v242.properties, tags: { type: 'array', items: types.tag, maxItems: 50 } },
};
const v257: ServerSchema = { ...v252, properties: without(v252.properties, 'personality') };
const v263: ServerSchema = { ...v257, properties: { ...v257.properties, trusted_image_certificates: types.trustedCerts } };
const v267: ServerSchema = {
  ...v263,
  properties: { ...v263.properties, block_device_mapping_v2: bdmV2With(v263.properties, { volume_type: types.volumeType }) },
};
const v274: ServerSchema = { ...v267, properties: { ...v267.properties, host: types.fqdn, hypervisor_hostname: types.fqdn } };
const v290: ServerSchema = { ...v274, properties: { ...v274.properties, hostname: types.hostname } };

const bodySchema = (server: ServerSchema): JsonSchema => ({
  type: 'object',
  properties: {
    server: { type: 'object', properties: server.properties, required: server.required, additionalProperties: false },
    'os:scheduler_hints': hints,
    'OS-SCH-HNT:scheduler_hints': hints,
  },
  required: ['server'],
  additionalProperties: false,
});

/** Nova's @validation.schema ranges on ServersController.create, newest first. */
const BY_VERSION: readonly (readonly [string, JsonSchema])[] = [
  ['2.90', bodySchema(v290)],
  ['2.74', bodySchema(v274)],
  ['2.67', bodySchema(v267)],
  ['2.63', bodySchema(v263)],
  ['2.57', bodySchema(v257)],
  ['2.52', bodySchema(v252)],
  ['2.42', bodySchema(v242)],
  ['2.37', bodySchema(v237)],
  ['2.33', bodySchema(v233)],
  ['2.32', bodySchema(v232)],
  ['2.19', bodySchema(v219)],
  ['2.1', bodySchema(v21)],
];

/** The schema Nova validates a create body with at `version` (2.1 and up: podgate never serves 2.0). */
export function createServerSchemaFor(version: ApiVersion): JsonSchema {
  const found = BY_VERSION.find(([since]) => atLeast(version, since));
  if (!found) throw new RangeError(`no server-create schema below 2.1`);
  return found[1];
}
