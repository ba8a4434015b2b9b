import { summarizeServerRequest } from './server-request-summary';

describe('server request summary', () => {
  const body = {
    name: 'vm1',
    imageRef: 'cirros',
    flavorRef: 'm1.tiny',
    min_count: 2,
    max_count: '3',
    networks: [{ uuid: 'net-1', fixed_ip: '10.0.0.5' }, { port: 'port-1' }],
    key_name: 'mykey',
    security_groups: [{ name: 'default' }, { name: 'web' }, {}],
    block_device_mapping_v2: [{ boot_index: 0, uuid: 'vol-1', source_type: 'volume', destination_type: 'volume' }],
    config_drive: true,
    metadata: { role: 'db', 'db-password': 'hunter2' },
    tags: ['a', 'b'],
    user_data: Buffer.from('#cloud-config\npassword: hunter2').toString('base64'),
    adminPass: 'hunter2',
    personality: [{ path: '/etc/secret', contents: 'aHVudGVyMg==' }],
  };

  it('keeps the shape of the request', () => {
    expect(summarizeServerRequest(body, { group: 'sg-1', same_host: ['s1'] })).toEqual({
      minCount: 2,
      maxCount: 3,
      networks: 'list',
      networkCount: 2,
      keyName: 'mykey',
      securityGroups: ['default', 'web'],
      blockDeviceMappings: 1,
      configDrive: true,
      metadataKeys: ['db-password', 'role'],
      tags: ['a', 'b'],
      schedulerHintKeys: ['group', 'same_host'],
      hasUserData: true,
      hasAdminPass: true,
      personalityFiles: 1,
    });
  });

  it('never carries user_data, adminPass, personality contents, metadata values or fixed IPs', () => {
    const json = JSON.stringify(summarizeServerRequest(body, { group: 'sg-1' }));
    for (const secret of ['hunter2', body.user_data, 'aHVudGVyMg==', '10.0.0.5', '/etc/secret', 'sg-1']) {
      expect(json).not.toContain(secret);
    }
  });

  it('defaults what a minimal body leaves out', () => {
    expect(summarizeServerRequest({ name: 'vm', networks: 'auto' })).toMatchObject({
      minCount: 1,
      maxCount: 1,
      networks: 'auto',
      networkCount: 0,
      keyName: null,
      securityGroups: [],
      configDrive: false,
      hasUserData: false,
      hasAdminPass: false,
    });
    expect(summarizeServerRequest({ min_count: 4 })).toMatchObject({ minCount: 4, maxCount: 4, networks: 'unspecified' });
  });
});
