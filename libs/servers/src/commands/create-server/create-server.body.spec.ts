import { PROVISIONING_METADATA_KEY } from '../../domain/server.stream';
import { secretsOfBody } from '../pod-failure';
import { createSecrets, podCreateBody } from './create-server.body';

describe('the create body sent to the pod', () => {
  it('carries the pod’s own AZ (keeping an admin’s host part) and the provisioning tag, leaving the caller’s body alone', () => {
    const body = { server: { name: 'vm', availability_zone: 'az1:host-7', metadata: { role: 'web' } }, 'os:scheduler_hints': {} };
    const sent = podCreateBody(body, 'nova-east', 'p-1');
    expect(sent).toEqual({
      server: {
        name: 'vm',
        availability_zone: 'nova-east:host-7',
        metadata: { role: 'web', [PROVISIONING_METADATA_KEY]: 'p-1' },
      },
      'os:scheduler_hints': {},
    });
    expect(body.server).toEqual({ name: 'vm', availability_zone: 'az1:host-7', metadata: { role: 'web' } });
    expect(podCreateBody({ server: { name: 'vm' } }, 'nova', 'p-2').server).toMatchObject({
      availability_zone: 'nova',
      metadata: { [PROVISIONING_METADATA_KEY]: 'p-2' },
    });
  });

  it('knows which values must never reach an event: passwords, user data, file contents, metadata values, the token', () => {
    const body = {
      server: {
        name: 'vm',
        adminPass: 'root-pw',
        user_data: 'I2Nsb3VkLWNvbmZpZw==',
        personality: [{ path: '/etc/x', contents: 'c2VjcmV0' }],
        metadata: { db: 'db-password', on: '1' },
      },
    };
    expect(createSecrets(body, 'token-abc').sort()).toEqual(
      ['I2Nsb3VkLWNvbmZpZw==', 'c2VjcmV0', 'db-password', 'root-pw', 'token-abc'].sort(),
    );
  });

  it('finds the secrets of action bodies wherever Nova puts them', () => {
    expect(secretsOfBody({ changePassword: { adminPass: 'new-pw' } })).toEqual(['new-pw']);
    expect(
      secretsOfBody({ rebuild: { imageRef: 'img', adminPass: 'pw', user_data: 'ud', personality: [{ contents: 'f' }] } }),
    ).toEqual(['pw', 'ud', 'f']);
    expect(secretsOfBody({ reboot: { type: 'HARD' } })).toEqual([]);
  });
});
