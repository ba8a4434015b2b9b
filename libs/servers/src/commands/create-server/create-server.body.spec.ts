import { PROVISIONING_METADATA_KEY } from '../../domain/server.stream';
import { requestSecrets } from '@podgate/routed-resources';
import { podCreateBody } from './create-server.body';

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
});

describe('the one secret policy (create, actions, delete)', () => {
  it('knows which values of a create must never reach an event: passwords, user data, file contents, metadata values, the token', () => {
    const body = {
      server: {
        name: 'vm',
        adminPass: 'root-pw',
        user_data: 'I2Nsb3VkLWNvbmZpZw==',
        personality: [{ path: '/etc/x', contents: 'c2VjcmV0' }],
        metadata: { db: 'db-password', on: '1' },
      },
    };
    expect(requestSecrets(body, 'token-abc').sort()).toEqual(
      ['I2Nsb3VkLWNvbmZpZw==', 'c2VjcmV0', 'db-password', 'root-pw', 'token-abc'].sort(),
    );
  });

  it('finds the secrets of action bodies wherever Nova puts them, metadata values included', () => {
    expect(requestSecrets({ changePassword: { adminPass: 'new-pw' } })).toEqual(['new-pw']);
    expect(
      requestSecrets({ rebuild: { imageRef: 'img', adminPass: 'pw', user_data: 'ud', personality: [{ contents: 'f' }] } }),
    ).toEqual(['pw', 'ud', 'f']);
    expect(requestSecrets({ reboot: { type: 'HARD' } })).toEqual([]);
    expect(requestSecrets({ createImage: { name: 'snap', metadata: { api_key: 'sk-live-123', n: '1' } } })).toEqual([
      'sk-live-123',
    ]);
    expect(requestSecrets({ rebuild: { imageRef: 'img', metadata: { db: 'hunter22' } } }, 'tok')).toEqual(['tok', 'hunter22']);
    expect(requestSecrets({ meta: { db_password: 'hunter22' } })).toEqual(['hunter22']); // PUT /servers/{id}/metadata/{key}
    expect(requestSecrets(undefined, 'tok')).toEqual(['tok']); // a delete: the token only
  });
});
