/**
 * Server-create bodies for the differential spec against Nova: a valid base body per microversion,
 * each field (and the fields inside networks, block devices, hints, metadata...) replaced in turn by
 * every value of a pool chosen for the edges of Nova's checks (types, lengths, formats, patterns,
 * Python's `$`, Unicode printability, quoting in reprs).
 */
export interface CreateBodyCase {
  readonly version: string;
  readonly body: unknown;
}

const UUID = '6e9f1e2c-3b1a-4c4e-9d52-0a4f3c2b1d00';

export const VALUE_POOL: readonly unknown[] = [
  '', 'a', ' a', 'a ', 'a\n', '\n', 'web-1', 'x'.repeat(255), 'x'.repeat(256), 'x'.repeat(61),
  UUID, UUID.toUpperCase(), UUID.replaceAll('-', ''), `{${UUID}}`, `urn:uuid:${UUID}`, '6e9f1e2c-3b1a', 'not-a-uuid',
  '1.2.3.4', '01.2.3.4', '256.1.1.1', '1.2.3', '::1', 'fe80::1%eth0', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7::', '::ffff:1.2.3.4', ':::',
  'AUTO', 'MANUAL', 'auto', 'none', 'true', 'True', 'yes', 'off', '0', '1', '07', '-1', '1.5', '2147483648', '9'.repeat(25),
  'aGVsbG8=', 'aGVsbG8', 'aGVsbA==x', 'aGVs bG8=', 'a', 'ab=', 'abc=', 'a===',
  'a b', 'a,b', 'a/b', 'é', 'name\u2028x', 'emoji😀', 'tab\tin', 'host_1.example', 'a:b', 'a::b', 'a:b:c', 'a:b:c:d', ':host',
  "it's", 'say "hi"', `both ' and "`, 'back\\slash', '\u00a0nbsp', 'zero\u200bwidth', '/10.0.0.0', 'vda', 'sda1', 'a_b',
  0, 1, 2, -1, 1.5, 1e20, 2147483648, 0.00001,
  true, false, null,
  [], ['a'], [1], ['a', 'a'], [{}], [{ uuid: UUID }], ['a/b'], [UUID], Array.from({ length: 51 }, (_, i) => `t${i}`),
  {}, { a: 'b' }, { a: 1 }, { 'bad key!': 'x' }, { name: 'x' },
]; // prettier-ignore

/** The first version of each of Nova's schemas (the spec of schemas covers every version in between). */
export const VERSIONS: readonly string[] = [
  '2.1',
  '2.19',
  '2.32',
  '2.33',
  '2.37',
  '2.42',
  '2.52',
  '2.57',
  '2.63',
  '2.67',
  '2.74',
  '2.90',
];

/** Where nested fields change: tags on networks and block devices, volume types, the 2.37 networks. */
const NESTED_VERSIONS: ReadonlySet<string> = new Set(['2.1', '2.32', '2.33', '2.37', '2.42', '2.67']);

const minorOf = (version: string): number => Number(version.split('.')[1]);

export const baseServer = (version: string): Record<string, unknown> => ({
  name: 'vm',
  flavorRef: '1',
  ...(minorOf(version) >= 37 ? { networks: 'none' } : {}),
});

const SERVER_FIELDS = [
  'name', 'imageRef', 'flavorRef', 'adminPass', 'metadata', 'networks', 'OS-DCF:diskConfig', 'accessIPv4',
  'accessIPv6', 'personality', 'availability_zone', 'block_device_mapping', 'block_device_mapping_v2',
  'config_drive', 'key_name', 'min_count', 'max_count', 'return_reservation_id', 'security_groups', 'user_data',
  'description', 'tags', 'trusted_image_certificates', 'host', 'hypervisor_hostname', 'hostname', 'unknown_field',
]; // prettier-ignore

/** Objects placed inside a list field: each of their keys replaced by every pooled value. */
const ITEM_FIELDS: Readonly<Record<string, readonly string[]>> = {
  networks: ['uuid', 'port', 'fixed_ip', 'tag', 'bogus'],
  block_device_mapping: ['virtual_name', 'volume_id', 'snapshot_id', 'volume_size', 'device_name', 'delete_on_termination', 'no_device', 'connection_info', 'uuid'],
  block_device_mapping_v2: ['source_type', 'uuid', 'image_id', 'destination_type', 'guest_format', 'boot_index', 'volume_size', 'device_name', 'tag', 'volume_type', 'bogus'],
  personality: ['path', 'contents', 'bogus'],
  security_groups: ['name', 'bogus'],
}; // prettier-ignore

const HINT_FIELDS = [
  'group',
  'different_host',
  'same_host',
  'query',
  'target_cell',
  'different_cell',
  'build_near_host_ip',
  'cidr',
  'anything',
];

type Patch = (server: Record<string, unknown>, root?: Record<string, unknown>) => unknown;

function* nestedCases(version: string, body: Patch): Generator<CreateBodyCase> {
  for (const [field, keys] of Object.entries(ITEM_FIELDS))
    for (const key of keys) for (const value of VALUE_POOL) yield { version, body: body({ [field]: [{ [key]: value }] }) };
  for (const key of ['a', 'bad key!', 'k'.repeat(256), 'podgate:provisioning_id', 'a\n'])
    for (const value of VALUE_POOL) yield { version, body: body({ metadata: { [key]: value } }) };
  for (const hints of ['os:scheduler_hints', 'OS-SCH-HNT:scheduler_hints'])
    for (const key of HINT_FIELDS)
      for (const value of VALUE_POOL) yield { version, body: body({}, { [hints]: { [key]: value } }) };
}

const COUNTS: readonly (readonly [unknown, unknown])[] = [
  [3, 2],
  ['3', '2'],
  [2, '10'],
  ['07', 7],
  [1, 1],
  [2, undefined],
  [undefined, 2],
];

function* cases(): Generator<CreateBodyCase> {
  for (const version of VERSIONS) {
    const server = baseServer(version);
    const body: Patch = (patch, root = {}) => ({ server: { ...server, ...patch }, ...root });
    yield { version, body: { server } };
    for (const field of SERVER_FIELDS) for (const value of VALUE_POOL) yield { version, body: body({ [field]: value }) };
    if (NESTED_VERSIONS.has(version)) yield* nestedCases(version, body);
    for (const value of VALUE_POOL) yield { version, body: value };
    for (const value of VALUE_POOL) yield { version, body: { server, extra: value } };
    for (const [min, max] of COUNTS) yield { version, body: body({ min_count: min, max_count: max }) };
    // Two problems at once: the one Nova reports first is decided by its schema's key order.
    yield { version, body: body({ name: 5, flavorRef: true, bogus: 1 }) };
    yield { version, body: { server: { name: 'vm', bogus: 1 } } };
    yield { version, body: { server: { flavorRef: 1 }, 'os:scheduler_hints': 5 } };
    yield { version, body: body({ adminPass: 'hunter2', user_data: 5 }, { bogus: 1 }) };
    yield { version, body: { server: { adminPass: 'hunter2', user_data: 'c2VjcmV0', personality: [{ contents: 'eA==' }] } } };
  }
}

/** Undefined values are dropped, as JSON would drop them. */
export const CREATE_BODY_CASES: readonly CreateBodyCase[] = [...cases()].map(
  (testCase) => JSON.parse(JSON.stringify(testCase)) as CreateBodyCase,
);
