import { resolveConnection } from './connection-settings';

describe('resolveConnection', () => {
  const openrc = {
    OS_AUTH_URL: 'http://keystone:5000/v3',
    OS_USERNAME: 'admin',
    OS_PASSWORD: 'secret',
    OS_PROJECT_NAME: 'admin',
    OS_REGION_NAME: 'RegionOne',
  };

  it('reads an openrc with the openstack CLI defaults: Default domains, public interface', () => {
    expect(resolveConnection({}, openrc)).toEqual({
      url: undefined,
      authUrl: 'http://keystone:5000/v3',
      username: 'admin',
      password: 'secret',
      projectName: 'admin',
      projectId: undefined,
      userDomain: { name: 'Default' },
      projectDomain: { name: 'Default' },
      token: undefined,
      interface: 'public',
      regionName: 'RegionOne',
      debug: false,
    });
  });

  it('lets options override the environment, and treats empty variables as unset', () => {
    const settings = resolveConnection(
      { url: 'http://gw:19999', osUsername: 'bob', osInterface: 'internal', debug: true },
      { ...openrc, PODGATE_URL: 'http://elsewhere', OS_TOKEN: '', OS_PROJECT_NAME: '' },
    );
    expect(settings).toMatchObject({ url: 'http://gw:19999', username: 'bob', interface: 'internal', debug: true });
    expect(settings.token).toBeUndefined();
    expect(settings.projectName).toBeUndefined();
  });

  it('prefers domain ids over names, and reads old-style publicURL interfaces', () => {
    const settings = resolveConnection(
      {},
      {
        OS_USER_DOMAIN_ID: 'default',
        OS_USER_DOMAIN_NAME: 'Ignored',
        OS_PROJECT_DOMAIN_NAME: 'Corp',
        OS_INTERFACE: 'internalURL',
      },
    );
    expect(settings).toMatchObject({ userDomain: { id: 'default' }, projectDomain: { name: 'Corp' }, interface: 'internal' });
  });

  it('takes PODGATE_URL and OS_TOKEN for a noauth gateway', () => {
    expect(resolveConnection({}, { PODGATE_URL: 'http://127.0.0.1:19999', OS_TOKEN: 'admin:admin' })).toMatchObject({
      url: 'http://127.0.0.1:19999',
      token: 'admin:admin',
    });
  });
});
