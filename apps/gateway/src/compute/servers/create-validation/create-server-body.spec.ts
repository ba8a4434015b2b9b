// Nova's own verdicts (python3-nova 26.2, ServersController.create up to its cloud calls, run by
// testing/nova_create_body.py) on bodies chosen for the microversion-dependent parts and the wording; the
// differential system spec compares many more with Nova live.
import { parseApiVersion } from '../../../api/microversion/api-version';
import { InvalidCreateServerBodyError, validateCreateServerBody } from './create-server-body';

function verdict(version: string, body: unknown): string | null {
  try {
    validateCreateServerBody(body, parseApiVersion(version));
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidCreateServerBodyError);
    return (error as Error).message;
  }
}

/** [microversion, body, Nova's 400 message or null when Nova accepts it]. */
const NOVA_VERDICTS: readonly (readonly [string, unknown, string | null])[] = [
  ['2.1', { server: { name: 'vm', flavorRef: '1' } }, null],
  [
    '2.37',
    { server: { name: 'vm', flavorRef: '1' } },
    "Invalid input for field/attribute server. Value: {'name': 'vm', 'flavorRef': '1'}. 'networks' is a required property",
  ],
  [
    '2.36',
    { server: { name: 'vm', flavorRef: '1', networks: 'auto' } },
    "Invalid input for field/attribute networks. Value: auto. 'auto' is not of type 'array'",
  ],
  ['2.37', { server: { name: 'vm', flavorRef: '1', networks: 'auto' } }, null],
  [
    '2.37',
    { server: { name: 'vm', flavorRef: '1', networks: 'all' } },
    "Invalid input for field/attribute networks. Value: all. 'all' is not valid under any of the given schemas",
  ],
  ['2.36', { server: { name: 'vm', flavorRef: '1', networks: [{ uuid: 'not-a-uuid' }] } }, null],
  [
    '2.37',
    { server: { name: 'vm', flavorRef: '1', networks: [{ uuid: 'not-a-uuid' }] } },
    "Invalid input for field/attribute networks. Value: [{'uuid': 'not-a-uuid'}]. [{'uuid': 'not-a-uuid'}] is not valid under any of the given schemas",
  ],
  ['2.32', { server: { name: 'vm', flavorRef: '1', block_device_mapping_v2: [{ tag: 't' }] } }, null],
  [
    '2.33',
    { server: { name: 'vm', flavorRef: '1', block_device_mapping_v2: [{ tag: 't' }] } },
    "Invalid input for field/attribute 0. Value: {'tag': 't'}. Additional properties are not allowed ('tag' was unexpected)",
  ],
  ['2.42', { server: { name: 'vm', flavorRef: '1', networks: 'none', block_device_mapping_v2: [{ tag: 't' }] } }, null],
  [
    '2.51',
    { server: { name: 'vm', flavorRef: '1', networks: 'none', tags: ['a'] } },
    "Invalid input for field/attribute server. Value: {'name': 'vm', 'flavorRef': '1', 'networks': 'none', 'tags': ['a']}. Additional properties are not allowed ('tags' was unexpected)",
  ],
  [
    '2.52',
    { server: { name: 'vm', flavorRef: '1', networks: 'none', tags: ['a', 'b/c'] } },
    "Invalid input for field/attribute 1. Value: b/c. 'b/c' does not match '^[^,/]*$'",
  ],
  [
    '2.57',
    { server: { name: 'vm', flavorRef: '1', networks: 'none', personality: [] } },
    "Invalid input for field/attribute server. Value: {'name': 'vm', 'flavorRef': '1', 'networks': 'none', 'personality': []}. Additional properties are not allowed ('personality' was unexpected)",
  ],
  [
    '2.62',
    { server: { name: 'vm', flavorRef: '1', networks: 'none', trusted_image_certificates: ['c'] } },
    "Invalid input for field/attribute server. Value: {'name': 'vm', 'flavorRef': '1', 'networks': 'none', 'trusted_image_certificates': ['c']}. Additional properties are not allowed ('trusted_image_certificates' was unexpected)",
  ],
  [
    '2.63',
    { server: { name: 'vm', flavorRef: '1', networks: 'none', trusted_image_certificates: ['c', 'c'] } },
    "Invalid input for field/attribute trusted_image_certificates. Value: ['c', 'c']. ['c', 'c'] has non-unique elements",
  ],
  [
    '2.66',
    { server: { name: 'vm', flavorRef: '1', networks: 'none', block_device_mapping_v2: [{ volume_type: 'ssd' }] } },
    "Invalid input for field/attribute 0. Value: {'volume_type': 'ssd'}. Additional properties are not allowed ('volume_type' was unexpected)",
  ],
  ['2.67', { server: { name: 'vm', flavorRef: '1', networks: 'none', block_device_mapping_v2: [{ volume_type: 'ssd' }] } }, null],
  [
    '2.73',
    { server: { name: 'vm', flavorRef: '1', networks: 'none', host: 'compute-1' } },
    "Invalid input for field/attribute server. Value: {'name': 'vm', 'flavorRef': '1', 'networks': 'none', 'host': 'compute-1'}. Additional properties are not allowed ('host' was unexpected)",
  ],
  [
    '2.74',
    { server: { name: 'vm', flavorRef: '1', networks: 'none', host: 'compute 1' } },
    "Invalid input for field/attribute host. Value: compute 1. 'compute 1' does not match '^[a-zA-Z0-9-._]*$'",
  ],
  ['2.74', { server: { name: 'vm', flavorRef: '1', networks: 'none', hypervisor_hostname: 'node_1.example' } }, null],
  [
    '2.18',
    { server: { name: 'vm', flavorRef: '1', description: 'd' } },
    "Invalid input for field/attribute server. Value: {'name': 'vm', 'flavorRef': '1', 'description': 'd'}. Additional properties are not allowed ('description' was unexpected)",
  ],
  ['2.19', { server: { name: 'vm', flavorRef: '1', description: null } }, null],
  [
    '2.89',
    { server: { name: 'vm', flavorRef: '1', networks: 'none', hostname: 'vm-1' } },
    "Invalid input for field/attribute server. Value: {'name': 'vm', 'flavorRef': '1', 'networks': 'none', 'hostname': 'vm-1'}. Additional properties are not allowed ('hostname' was unexpected)",
  ],
  [
    '2.90',
    { server: { name: 'vm', flavorRef: '1', networks: 'none', hostname: '-vm' } },
    "Invalid input for field/attribute hostname. Value: -vm. '-vm' does not match '^[a-zA-Z0-9]+[a-zA-Z0-9-]*[a-zA-Z0-9]+$'",
  ],
  [
    '2.1',
    { server: { name: ' vm', flavorRef: '1' } },
    "An invalid 'name' value was provided. The name must be: printable characters. Can not start or end with whitespace.",
  ],
  ['2.1', { server: { name: 'vm\n', flavorRef: '1' } }, null],
  [
    '2.1',
    { server: { name: 5, flavorRef: true, bogus: 1 } },
    "Invalid input for field/attribute name. Value: 5. 5 is not of type 'string'",
  ],
  ['2.1', { server: { name: 'vm', flavorRef: '' } }, "Invalid input for field/attribute flavorRef. Value: . '' is too short"],
  [
    '2.1',
    { server: { name: 'vm', flavorRef: '1', min_count: '0' } },
    'Invalid input for field/attribute min_count. Value: 0. 0 is less than the minimum of 1',
  ],
  ['2.1', { server: { name: 'vm', flavorRef: '1', min_count: 3, max_count: '2' } }, 'min_count must be <= max_count'],
  [
    '2.1',
    { server: { name: 'vm', flavorRef: '1', max_count: 1.5 } },
    "Invalid input for field/attribute max_count. Value: 1.5. 1.5 is not of type 'integer', 'string'",
  ],
  [
    '2.1',
    { server: { name: 'vm', flavorRef: '1', metadata: { 'bad key!': 'x', ok: 'y' } } },
    "Invalid input for field/attribute metadata. Value: {'bad key!': 'x', 'ok': 'y'}. 'bad key!' does not match any of the regexes: '^[a-zA-Z0-9-_:. ]{1,255}$'",
  ],
  [
    '2.1',
    { server: { name: 'vm', flavorRef: '1', metadata: { k: true } } },
    "Invalid input for field/attribute k. Value: True. True is not of type 'string'",
  ],
  [
    '2.1',
    { server: { name: 'vm', flavorRef: '1', config_drive: 'maybe' } },
    "Invalid input for field/attribute config_drive. Value: maybe. 'maybe' is not one of [True, 'True', 'TRUE', 'true', '1', 'ON', 'On', 'on', 'YES', 'Yes', 'yes', False, 'False', 'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', 'No', 'no']",
  ],
  [
    '2.1',
    { server: { name: 'vm', flavorRef: '1', accessIPv4: '01.2.3.4' } },
    "Invalid input for field/attribute accessIPv4. Value: 01.2.3.4. '01.2.3.4' is not a 'ipv4'",
  ],
  [
    '2.1',
    { server: { name: 'vm', flavorRef: '1', networks: [{ fixed_ip: 'fe80::1%eth0' }] } },
    "Invalid input for field/attribute fixed_ip. Value: fe80::1%eth0. 'fe80::1%eth0' is not valid under any of the given schemas",
  ],
  ['2.1', { server: { name: 'vm', flavorRef: '1', imageRef: '' } }, null],
  [
    '2.1',
    { server: { name: 'vm', flavorRef: '1', imageRef: 'cirros' } },
    "Invalid input for field/attribute imageRef. Value: cirros. 'cirros' is not valid under any of the given schemas",
  ],
  [
    '2.1',
    { server: { name: 'vm', flavorRef: '1', block_device_mapping_v2: [{ boot_index: 'x1', volume_size: '0' }] } },
    'Invalid input for field/attribute volume_size. Value: 0. 0 is less than the minimum of 1',
  ],
  [
    '2.1',
    { server: { name: 'vm', flavorRef: '1', block_device_mapping_v2: [{ volume_size: '99999999999999999999' }] } },
    'Invalid input for field/attribute volume_size. Value: 99999999999999999999. 99999999999999999999 is greater than the maximum of 2147483647',
  ],
  [
    '2.1',
    { server: { name: 'vm', flavorRef: '1', security_groups: [{ name: 'default', id: 1 }] } },
    "Invalid input for field/attribute 0. Value: {'name': 'default', 'id': 1}. Additional properties are not allowed ('id' was unexpected)",
  ],
  [
    '2.1',
    { server: { name: 'vm', flavorRef: '1' }, 'os:scheduler_hints': { group: 'g', anything: 1 } },
    "Invalid input for field/attribute group. Value: g. 'g' is not a 'uuid'",
  ],
  [
    '2.1',
    { server: { name: 'vm', flavorRef: '1' }, 'os:scheduler_hints': { same_host: ['x'] } },
    "Invalid input for field/attribute 0. Value: x. 'x' is not a 'uuid'",
  ],
  [
    '2.1',
    { server: { name: 'vm', flavorRef: '1' }, hints: {} },
    "Additional properties are not allowed ('hints' was unexpected)",
  ],
  ['2.1', { servers: {} }, "'server' is a required property"],
  ['2.1', [1], "[1] is not of type 'object'"],
  [
    '2.1',
    { server: { name: 'vm', flavorRef: '1', availability_zone: 'az1:host:node:x' } },
    'Invalid input received: Unable to parse availability_zone',
  ],
  ['2.1', { server: { name: 'vm', flavorRef: '1', availability_zone: 'az1::node' } }, null],
  [
    '2.1',
    { server: { name: 'vm', flavorRef: '1', metadata: { "it's": 'say "hi"' }, bogus: 'x' } },
    'Invalid input for field/attribute metadata. Value: {"it\'s": \'say "hi"\'}. "it\'s" does not match any of the regexes: \'^[a-zA-Z0-9-_:. ]{1,255}$\'',
  ],
];

describe('validateCreateServerBody', () => {
  it.each(NOVA_VERDICTS)('at %s, %j: as Nova', (version, body, expected) => {
    expect(verdict(version, body)).toBe(expected);
  });

  describe('SECURITY: secrets are never echoed (Nova echoes them; the rest of its message is kept)', () => {
    it.each([
      [
        { server: { name: 'vm', flavorRef: '1', user_data: 'not base64!' } },
        "Invalid input for field/attribute user_data. Value: ***. *** is not a 'base64'",
      ],
      [
        { server: { name: 'vm', flavorRef: '1', adminPass: 12345 } },
        "Invalid input for field/attribute adminPass. Value: ***. *** is not of type 'string'",
      ],
      [
        { server: { name: 'vm', adminPass: 'hunter2', user_data: 'c2VjcmV0' } },
        "Invalid input for field/attribute server. Value: {'name': 'vm', 'adminPass': '***', 'user_data': '***'}. 'flavorRef' is a required property",
      ],
      [
        { server: { name: 'vm', flavorRef: '1', personality: [{ path: '/p', contents: 's3cr3t!' }] } },
        "Invalid input for field/attribute contents. Value: ***. *** is not a 'base64'",
      ],
      [
        { server: { name: 'vm', flavorRef: '1', personality: [{ path: '/p', contents: 'czNjcjN0', mode: 1 }] } },
        "Invalid input for field/attribute 0. Value: {'path': '/p', 'contents': '***', 'mode': 1}. Additional properties are not allowed ('mode' was unexpected)",
      ],
    ])('%j', (body, expected) => {
      expect(verdict('2.1', body)).toBe(expected);
    });
  });

  it('returns what podgate routes on: the flavor id of a flavorRef link, the zone apart from a forced host, the counts', () => {
    const valid = validateCreateServerBody(
      {
        server: {
          name: 'vm',
          flavorRef: 'http://cloud/compute/v2.1/flavors/42',
          networks: 'auto',
          availability_zone: 'az1:host7',
          min_count: '2',
          max_count: 3,
        },
      },
      parseApiVersion('2.96'),
    );
    expect(valid).toMatchObject({
      flavorId: '42',
      requestedZone: { zone: 'az1', hostSuffix: ':host7' },
      minCount: 2,
      maxCount: 3,
    });
    expect(validateCreateServerBody({ server: { name: 'vm', flavorRef: 7 } }, parseApiVersion('2.1'))).toMatchObject({
      flavorId: '7',
      requestedZone: { zone: null, hostSuffix: '' },
      minCount: 1,
      maxCount: 1,
    });
  });

  it('refuses a count Nova lets past its schema and then fails on (a 500 in Nova)', () => {
    expect(verdict('2.1', { server: { name: 'vm', flavorRef: '1', max_count: '\n' } })).toBe(
      "Invalid input for field/attribute max_count. Value: \n. '\\n' is not a positive integer",
    );
  });
});
