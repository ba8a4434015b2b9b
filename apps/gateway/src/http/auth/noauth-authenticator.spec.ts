import { systemClock } from '@podgate/kernel';
import { AuthenticationRequiredError } from './auth.errors';
import { Authenticator } from './authenticator';
import { globalRequestIdFrom } from './global-request-id';
import { noauthCaller } from './noauth-caller';

const REQUEST_ID = 'req-0b8e5bb4-1c1f-4a4e-9f43-0f6c8a1c0a11';

describe('noauth callers (Nova noauth2)', () => {
  it('reads <user_id>:<project_id> and the X-Roles list', () => {
    expect(noauthCaller('alice:tenant-a', ' member, reader ,,')).toEqual({
      userId: 'alice',
      projectId: 'tenant-a',
      roles: ['member', 'reader'],
      userName: 'alice',
      projectName: 'tenant-a',
      domainId: 'default',
    });
  });

  it('makes user admin an admin, without repeating the role', () => {
    expect(noauthCaller('admin:admin', undefined).roles).toEqual(['admin']);
    expect(noauthCaller('admin:ops', 'reader,admin').roles).toEqual(['reader', 'admin']);
    expect(noauthCaller('administrator:ops', undefined).roles).toEqual([]);
  });

  it('splits at the first colon only', () => {
    expect(noauthCaller('u:p:q', undefined)).toMatchObject({ userId: 'u', projectId: 'p:q' });
  });

  it.each(['alice', ':tenant-a', 'alice:', ':'])('refuses %j with a 401', (token) => {
    expect(() => noauthCaller(token, 'admin')).toThrow(AuthenticationRequiredError);
  });
});

describe('global request id (oslo.middleware rule)', () => {
  it.each([
    [REQUEST_ID, REQUEST_ID],
    [[REQUEST_ID, 'req-other'], REQUEST_ID],
    ['req-0B8E5BB4-1C1F-4A4E-9F43-0F6C8A1C0A11', undefined],
    ['0b8e5bb4-1c1f-4a4e-9f43-0f6c8a1c0a11', undefined],
    [`${REQUEST_ID}x`, undefined],
    ['req-------------------------------------', undefined],
    ['req-0b8e5bb4-1c1f-4a4e-9f43-0f6c8a1c0a11\n', undefined],
    [undefined, undefined],
  ])('takes %j as %j', (header, expected) => {
    expect(globalRequestIdFrom(header)).toBe(expected);
  });
});

describe('Authenticator in noauth mode', () => {
  const authenticator = new Authenticator({ strategy: 'noauth', forced: false }, systemClock);
  const headers = { 'x-auth-token': 'bob:tenant-b', 'x-roles': 'member' };

  it('builds the request context: ids, caller and the token for forwarding', async () => {
    const context = await authenticator.authenticate({
      requestId: 'req-local',
      headers: { ...headers, 'x-openstack-request-id': REQUEST_ID },
    });
    expect(context).toEqual({
      requestId: 'req-local',
      globalRequestId: REQUEST_ID,
      caller: {
        userId: 'bob',
        projectId: 'tenant-b',
        roles: ['member'],
        userName: 'bob',
        projectName: 'tenant-b',
        domainId: 'default',
      },
      token: 'bob:tenant-b',
    });
  });

  it('leaves a malformed global request id out instead of recording it', async () => {
    const context = await authenticator.authenticate({
      requestId: 'req-local',
      headers: { ...headers, 'x-openstack-request-id': 'req-<script>' },
    });
    expect(Object.keys(context)).not.toContain('globalRequestId');
  });

  it.each([undefined, '', '   '])('refuses a missing or empty token %j, and sends no challenge', async (token) => {
    await expect(authenticator.authenticate({ requestId: 'req-local', headers: { 'x-auth-token': token } })).rejects.toThrow(
      AuthenticationRequiredError,
    );
    expect(authenticator.challenge).toBeUndefined();
  });

  it('cannot be built in Keystone mode without a validator', () => {
    const keystone = {
      strategy: 'keystone' as const,
      url: 'http://keystone:5000/v3',
      service: {
        username: 'podgate',
        password: 'x',
        projectName: 'service',
        userDomainName: 'Default',
        projectDomainName: 'Default',
      },
      endpointInterface: 'public' as const,
      tokenCacheSeconds: 300,
    };
    expect(() => new Authenticator(keystone, systemClock)).toThrow('Keystone authentication needs a TokenValidator');
  });
});
