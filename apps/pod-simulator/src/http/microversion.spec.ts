import { OpenStackError } from './openstack-error';
import { VersionRange, microversionHeaders, mustParseVersion, negotiateMicroversion } from './microversion';

const range: VersionRange = { min: mustParseVersion('2.1'), max: mustParseVersion('2.79') };
const negotiate = (headers: Record<string, string>) => negotiateMicroversion(headers, 'compute', range);

describe('microversion negotiation', () => {
  it('defaults to the minimum without a header', () => {
    expect(negotiate({})).toEqual({ major: 2, minor: 1 });
  });

  it('reads OpenStack-API-Version among several services and prefers it to the legacy header', () => {
    expect(negotiate({ 'openstack-api-version': 'volume 3.5, compute 2.37' })).toEqual({ major: 2, minor: 37 });
    expect(negotiate({ 'openstack-api-version': 'compute 2.60', 'x-openstack-nova-api-version': '2.10' })).toEqual({
      major: 2,
      minor: 60,
    });
    expect(negotiate({ 'x-openstack-nova-api-version': '2.10' })).toEqual({ major: 2, minor: 10 });
  });

  it('maps latest to the configured maximum', () => {
    expect(negotiate({ 'openstack-api-version': 'compute latest' })).toEqual({ major: 2, minor: 79 });
  });

  it('answers 406 outside the range and 400 for garbage', () => {
    const fail = (value: string): OpenStackError => {
      try {
        negotiate({ 'openstack-api-version': `compute ${value}` });
      } catch (error) {
        return error as OpenStackError;
      }
      throw new Error('expected failure');
    };
    expect(fail('2.80').status).toBe(406);
    expect(fail('2.80').message).toBe('Version 2.80 is not supported by the API. Minimum is 2.1 and maximum is 2.79.');
    expect(fail('3.0').status).toBe(406);
    expect(fail('2.x').status).toBe(400);
  });

  it('ignores the legacy Nova header for volume', () => {
    expect(
      negotiateMicroversion({ 'x-openstack-nova-api-version': '3.50' }, 'volume', {
        min: mustParseVersion('3.0'),
        max: mustParseVersion('3.71'),
      }),
    ).toEqual({ major: 3, minor: 0 });
  });

  it('echoes the version with Vary, per service', () => {
    expect(microversionHeaders('compute', { major: 2, minor: 37 })).toEqual({
      'openstack-api-version': 'compute 2.37',
      'x-openstack-nova-api-version': '2.37',
      vary: 'OpenStack-API-Version, X-OpenStack-Nova-API-Version',
    });
    expect(microversionHeaders('volume', { major: 3, minor: 0 })).toEqual({
      'openstack-api-version': 'volume 3.0',
      vary: 'OpenStack-API-Version',
    });
  });
});
