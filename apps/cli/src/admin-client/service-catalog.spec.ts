import { findEndpoint, gatewayBaseUrl, keystoneV3Url } from './service-catalog';

describe('findEndpoint', () => {
  const catalog = [
    { type: 'compute', endpoints: [{ interface: 'public', region_id: 'RegionOne', url: 'http://nova' }] },
    {
      type: 'podgate',
      endpoints: [
        { interface: 'admin', region_id: 'RegionOne', url: 'http://admin-one' },
        { interface: 'public', region_id: 'RegionOne', url: 'http://public-one' },
        { interface: 'public', region: 'RegionTwo', url: 'http://public-two' },
      ],
    },
  ];

  it('picks the service type on the interface, the first region when none is asked for', () => {
    expect(findEndpoint(catalog, { type: 'podgate', interface: 'public' })).toBe('http://public-one');
    expect(findEndpoint(catalog, { type: 'podgate', interface: 'admin' })).toBe('http://admin-one');
  });

  it('honours the region, by region_id or the older region field', () => {
    expect(findEndpoint(catalog, { type: 'podgate', interface: 'public', regionName: 'RegionTwo' })).toBe('http://public-two');
    expect(findEndpoint(catalog, { type: 'podgate', interface: 'admin', regionName: 'RegionTwo' })).toBeUndefined();
    expect(findEndpoint(catalog, { type: 'podgate', interface: 'internal' })).toBeUndefined();
  });
});

describe('URL normalisation', () => {
  it('drops trailing slashes and a versioned /v1.0 from the gateway URL', () => {
    expect(gatewayBaseUrl('http://gw:19999/')).toBe('http://gw:19999');
    expect(gatewayBaseUrl('https://cloud.example/podgate/v1.0/')).toBe('https://cloud.example/podgate');
  });

  it('speaks Keystone v3 whether or not the auth URL says so', () => {
    expect(keystoneV3Url('http://keystone:5000')).toBe('http://keystone:5000/v3');
    expect(keystoneV3Url('http://keystone/identity/v3/')).toBe('http://keystone/identity/v3');
  });
});
