import { COMPUTE_API, VOLUME_API } from '../service-api';
import { forwardedMicroversionHeaders } from './forwarded-version';
import { ApiVersionNotNamedError, InvalidApiVersionStringError } from './microversion.errors';
import { microversionResponseHeaders, requestedVersionText } from './microversion-headers';

const STD = 'openstack-api-version';
const LEGACY = 'x-openstack-nova-api-version';

describe('requestedVersionText, as microversion_parse.get_version reads compute headers', () => {
  it.each<[string, Record<string, string | string[]>, string | undefined]>([
    ['no header', {}, undefined],
    ['the standard header', { [STD]: 'compute 2.30' }, '2.30'],
    ['the legacy header', { [LEGACY]: '2.5' }, '2.5'],
    ['both: the standard one wins', { [STD]: 'compute 2.30', [LEGACY]: '2.5' }, '2.30'],
    ['both, the standard one malformed: it still wins', { [STD]: 'compute junk', [LEGACY]: '2.5' }, 'junk'],
    ['both, the legacy one malformed: never read', { [STD]: 'compute 2.5', [LEGACY]: 'junk' }, '2.5'],
    ['a standard header for another service only: legacy counts', { [STD]: 'volume 3.5', [LEGACY]: '2.5' }, '2.5'],
    ['a standard header for another service only', { [STD]: 'volume 3.5' }, undefined],
    ['the service in upper case', { [STD]: 'COMPUTE 2.7' }, '2.7'],
    ['the service in mixed case', { [STD]: 'Compute 2.7' }, '2.7'],
    ['several services', { [STD]: 'volume 3.5, compute 2.7, image 2.1' }, '2.7'],
    ['several compute entries: the last wins', { [STD]: 'compute 2.7, compute 2.8' }, '2.8'],
    ['a trailing compute entry without version is skipped', { [STD]: 'compute 2.5, compute' }, '2.5'],
    ['a trailing malformed compute entry wins', { [STD]: 'compute 2.5, compute junk' }, 'junk'],
    ['a trailing comma', { [STD]: 'compute 2.5,' }, '2.5'],
    ['spaces around and between', { [STD]: '  compute   2.9  ' }, '2.9'],
    ['a tab between', { [STD]: 'compute\t2.5' }, '2.5'],
    ['Python whitespace JavaScript lacks (\\x85)', { [STD]: 'compute\x852.5' }, '2.5'],
    ['two versions after the service: kept whole, to be refused', { [STD]: 'compute 2.30 2.31' }, '2.30 2.31'],
    ['no space after the service: skipped', { [STD]: 'compute2.30' }, undefined],
    ['no service at all: skipped', { [STD]: '2.30' }, undefined],
    ['a bare service: skipped', { [STD]: 'compute' }, undefined],
    ['an empty standard header: skipped', { [STD]: '' }, undefined],
    ['latest in the standard header', { [STD]: 'compute latest' }, 'latest'],
    ['latest in the legacy header', { [LEGACY]: 'latest' }, 'latest'],
    ['a legacy list: the last value', { [LEGACY]: '2.5, 2.6' }, '2.6'],
    ['a legacy value with spaces', { [LEGACY]: ' 2.5 ' }, '2.5'],
    ['an empty legacy header: an empty version, not none', { [LEGACY]: '' }, ''],
    ['a header sent twice (array): folded, the last wins', { [STD]: ['compute 2.5', 'compute 2.6'] }, '2.6'],
    ['header names in any case', { 'OpenStack-API-Version': 'compute 2.4' }, '2.4'],
    ['legacy header name in any case', { 'X-OpenStack-Nova-API-Version': '2.4' }, '2.4'],
  ])('%s', (_, headers, expected) => {
    expect(requestedVersionText(COMPUTE_API, headers)).toBe(expected);
  });
});

describe('microversionResponseHeaders', () => {
  it('names the version in both headers and varies on both request headers', () => {
    expect(microversionResponseHeaders(COMPUTE_API, '2.79')).toEqual({
      'OpenStack-API-Version': 'compute 2.79',
      'X-OpenStack-Nova-API-Version': '2.79',
      Vary: 'OpenStack-API-Version, X-OpenStack-Nova-API-Version',
    });
  });
});

describe('requestedVersionText for the volume API, as Cinder’s set_api_version_request reads it', () => {
  it.each<[string, Record<string, string | string[]>, string | undefined]>([
    ['no header', {}, undefined],
    ['the standard header', { [STD]: 'volume 3.42' }, '3.42'],
    ['among other services', { [STD]: 'compute 2.1, volume 3.5' }, '3.5'],
    ['several volume entries: the FIRST wins', { [STD]: 'volume 3.5, volume 3.6' }, '3.5'],
    ['the service is never checked, only that it contains “volume”', { [STD]: 'volumev3 3.7' }, '3.7'],
    ['spaces and tabs around', { [STD]: ' volume\t3.5 ' }, '3.5'],
    ['latest', { [STD]: 'volume latest' }, 'latest'],
    ['Nova’s legacy header is not read', { 'X-OpenStack-Nova-API-Version': '3.5' }, undefined],
    ['a header sent twice (array): folded', { [STD]: ['compute 2.1', 'volume 3.9'] }, '3.9'],
  ])('%s', (_, headers, expected) => {
    expect(requestedVersionText(VOLUME_API, headers)).toBe(expected);
  });

  it.each<[string, string]>([
    ['another service only', 'compute 2.1'],
    ['the service in upper case (Cinder’s test is case-sensitive)', 'Volume 3.5'],
    ['an empty header', ''],
  ])('a header without a volume entry is Cinder’s bare 400: %s', (_, value) => {
    expect(() => requestedVersionText(VOLUME_API, { [STD]: value })).toThrow(ApiVersionNotNamedError);
    expect(() => requestedVersionText(VOLUME_API, { [STD]: value })).toThrow(
      'The server could not comply with the request since it is either malformed or otherwise incorrect.',
    );
  });

  it.each(['volume', 'volume 3.5 3.6'])('an entry that is not <service> <version> is a malformed version: %j', (value) => {
    expect(() => requestedVersionText(VOLUME_API, { [STD]: value })).toThrow(new InvalidApiVersionStringError(value).message);
  });

  it('answers with the standard header alone and varies on it', () => {
    expect(microversionResponseHeaders(VOLUME_API, '3.42')).toEqual({
      'OpenStack-API-Version': 'volume 3.42',
      Vary: 'OpenStack-API-Version',
    });
  });
});

describe('forwardedMicroversionHeaders', () => {
  it('sends Nova both headers, Cinder the standard one', () => {
    expect(forwardedMicroversionHeaders(COMPUTE_API, { major: 2, minor: 79 })).toEqual({
      'OpenStack-API-Version': 'compute 2.79',
      'X-OpenStack-Nova-API-Version': '2.79',
    });
    expect(forwardedMicroversionHeaders(VOLUME_API, { major: 3, minor: 64 })).toEqual({ 'OpenStack-API-Version': 'volume 3.64' });
  });
});
