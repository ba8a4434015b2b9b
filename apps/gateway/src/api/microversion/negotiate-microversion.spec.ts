import { COMPUTE_API, VOLUME_API } from '../service-api';
import { ApiVersion, formatApiVersion } from './api-version';
import { ApiVersionNotNamedError, InvalidApiVersionStringError, UnsupportedApiVersionError } from './microversion.errors';
import { negotiateMicroversion, negotiationErrorHeaders, supportedRange, versionDocumentValues } from './negotiate-microversion';

const v = (major: number, minor: number): ApiVersion => ({ major, minor });
const RANGE = { min: v(2, 1), max: v(2, 79) };
const STD = 'openstack-api-version';
const LEGACY = 'x-openstack-nova-api-version';

function negotiated(headers: Record<string, string>): string {
  return formatApiVersion(negotiateMicroversion(COMPUTE_API, headers, RANGE));
}

describe('supportedRange', () => {
  it.each<[string, ApiVersion[], ApiVersion, ApiVersion]>([
    ['no pods: the implemented maximum', [], v(2, 79), v(2, 79)],
    ['one pod below the implemented maximum', [v(2, 60)], v(2, 79), v(2, 60)],
    ['the lowest maximum among pods', [v(2, 93), v(2, 72), v(2, 88)], v(2, 96), v(2, 72)],
    ['never above the implemented maximum', [v(2, 93), v(2, 95)], v(2, 79), v(2, 79)],
    ['2.10 is above 2.9', [v(2, 10), v(2, 9)], v(2, 79), v(2, 9)],
  ])('%s', (_, pods, implemented, max) => {
    expect(supportedRange({ ...COMPUTE_API, implementedMax: implemented }, pods)).toEqual({ min: v(2, 1), max });
  });
});

describe('negotiateMicroversion', () => {
  it.each<[string, Record<string, string>, string]>([
    ['absent: the minimum', {}, '2.1'],
    ['the minimum itself', { [STD]: 'compute 2.1' }, '2.1'],
    ['the maximum itself', { [STD]: 'compute 2.79' }, '2.79'],
    ['standard header', { [STD]: 'compute 2.30' }, '2.30'],
    ['legacy header', { [LEGACY]: '2.5' }, '2.5'],
    ['both: the standard one wins', { [STD]: 'compute 2.30', [LEGACY]: '2.5' }, '2.30'],
    ['latest: the maximum', { [STD]: 'compute latest' }, '2.79'],
    ['legacy latest: the maximum', { [LEGACY]: 'latest' }, '2.79'],
    ['whitespace and case', { [STD]: '  COMPUTE   2.9  ' }, '2.9'],
    ['several services', { [STD]: 'volume 3.5, compute 2.7' }, '2.7'],
    ['no space after the service: ignored, the minimum', { [STD]: 'compute2.30' }, '2.1'],
  ])('%s -> %s', (_, headers, expected) => {
    expect(negotiated(headers)).toBe(expected);
  });

  it.each<[string, Record<string, string>, string]>([
    ['a leading zero (2.01)', { [STD]: 'compute 2.01' }, '2.01'],
    ['a leading zero (02.1)', { [STD]: 'compute 02.1' }, '02.1'],
    ['Latest in another case', { [STD]: 'compute Latest' }, 'Latest'],
    ['LATEST', { [STD]: 'compute LATEST' }, 'LATEST'],
    ['two versions', { [STD]: 'compute 2.30 2.31' }, '2.30 2.31'],
    ['a letter', { [STD]: 'compute 2.a' }, '2.a'],
    ['a major alone', { [LEGACY]: '2' }, '2'],
    ['an empty legacy header', { [LEGACY]: '' }, ''],
    ['a malformed standard header beats a good legacy one', { [STD]: 'compute junk', [LEGACY]: '2.5' }, 'junk'],
  ])('%s -> 400', (_, headers, requested) => {
    expect(() => negotiateMicroversion(COMPUTE_API, headers, RANGE)).toThrow(new InvalidApiVersionStringError(requested).message);
    expect(() => negotiateMicroversion(COMPUTE_API, headers, RANGE)).toThrow(InvalidApiVersionStringError);
  });

  it.each<[string, Record<string, string>, string]>([
    ['below the minimum (2.0)', { [STD]: 'compute 2.0' }, '2.0'],
    ['above the maximum', { [STD]: 'compute 2.80' }, '2.80'],
    ['major 3 (3.0)', { [STD]: 'compute 3.0' }, '3.0'],
    ['major 1', { [LEGACY]: '1.5' }, '1.5'],
    ['a number too big for a double', { [STD]: 'compute 2.99999999999999999999999' }, '2.99999999999999999999999'],
  ])('%s -> 406 with Nova’s message', (_, headers, requested) => {
    let caught: unknown;
    try {
      negotiateMicroversion(COMPUTE_API, headers, RANGE);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UnsupportedApiVersionError);
    expect(caught).toMatchObject({
      code: 'API.API_VERSION_NOT_SUPPORTED',
      kind: 'notAcceptable',
      requested,
      message: `Version ${requested} is not supported by the API. Minimum is 2.1 and maximum is 2.79.`,
    });
  });

  it('range-checks only explicit versions, as Nova does: with an empty range the default still passes', () => {
    const empty = supportedRange({ ...COMPUTE_API, implementedMax: v(2, 79) }, [v(2, 0)]);
    expect(formatApiVersion(negotiateMicroversion(COMPUTE_API, {}, empty))).toBe('2.1');
    expect(() => negotiateMicroversion(COMPUTE_API, { [STD]: 'compute 2.1' }, empty)).toThrow(
      'Version 2.1 is not supported by the API. Minimum is 2.1 and maximum is 2.0.',
    );
  });
});

describe('negotiationErrorHeaders, as Nova’s Fault sets them', () => {
  it('echoes the refused version on a 406', () => {
    expect(negotiationErrorHeaders(COMPUTE_API, new UnsupportedApiVersionError('3.0', '2.1', '2.79'))).toEqual({
      'OpenStack-API-Version': 'compute 3.0',
      'X-OpenStack-Nova-API-Version': '3.0',
      Vary: 'OpenStack-API-Version, X-OpenStack-Nova-API-Version',
    });
  });

  it('sends no version header on a 400: nothing was negotiated', () => {
    expect(negotiationErrorHeaders(COMPUTE_API, new InvalidApiVersionStringError('2.01'))).toEqual({});
  });

  it('leaves other errors to the negotiated version', () => {
    expect(negotiationErrorHeaders(COMPUTE_API, new Error('boom'))).toEqual({});
  });
});

describe('versionDocumentValues', () => {
  it('gives the range as version and min_version', () => {
    expect(versionDocumentValues({ min: v(2, 1), max: v(2, 72) })).toEqual({ version: '2.72', min_version: '2.1' });
  });
});

describe('the volume API (Cinder 3.x)', () => {
  const VOLUME_RANGE = supportedRange(VOLUME_API, [v(3, 66), v(3, 60)]);
  const volume = (value: string) => ({ [STD]: value });

  it('ranges from Cinder’s 3.0 to the lowest pod maximum, capped at 3.71', () => {
    expect(VOLUME_RANGE).toEqual({ min: v(3, 0), max: v(3, 60) });
    expect(supportedRange(VOLUME_API, [])).toEqual({ min: v(3, 0), max: v(3, 71) });
    expect(supportedRange(VOLUME_API, [v(3, 80)])).toEqual({ min: v(3, 0), max: v(3, 71) });
  });

  it.each<[string, Record<string, string>, string]>([
    ['absent: 3.0', {}, '3.0'],
    ['latest: the maximum', volume('volume latest'), '3.60'],
    ['within the range', volume('volume 3.27'), '3.27'],
    ['a compute header beside it changes nothing', volume('compute 2.90, volume 3.10'), '3.10'],
  ])('%s -> %s', (_, headers, expected) => {
    expect(formatApiVersion(negotiateMicroversion(VOLUME_API, headers, VOLUME_RANGE))).toBe(expected);
  });

  it.each(['3.61', '2.0', '4.0'])('%s is out of range: 406 with Cinder’s words', (requested) => {
    expect(() => negotiateMicroversion(VOLUME_API, volume(`volume ${requested}`), VOLUME_RANGE)).toThrow(
      `Version ${requested} is not supported by the API. Minimum is 3.0 and maximum is 3.60.`,
    );
  });

  it('refuses a malformed version and a header without a volume entry with 400s', () => {
    expect(() => negotiateMicroversion(VOLUME_API, volume('volume 3.05'), VOLUME_RANGE)).toThrow(InvalidApiVersionStringError);
    expect(() => negotiateMicroversion(VOLUME_API, volume('compute 2.1'), VOLUME_RANGE)).toThrow(ApiVersionNotNamedError);
  });

  it('echoes a refused version as Cinder’s Fault does, except those it takes for v1/v2 (“1.0”, “2.0” inside)', () => {
    const refused = (requested: string) => new UnsupportedApiVersionError(requested, '3.0', '3.60');
    expect(negotiationErrorHeaders(VOLUME_API, refused('4.5'))).toEqual({
      'OpenStack-API-Version': 'volume 4.5',
      Vary: 'OpenStack-API-Version',
    });
    expect(negotiationErrorHeaders(VOLUME_API, refused('2.0'))).toEqual({});
    expect(negotiationErrorHeaders(VOLUME_API, refused('11.0'))).toEqual({});
    expect(negotiationErrorHeaders(VOLUME_API, new ApiVersionNotNamedError())).toEqual({});
  });
});
