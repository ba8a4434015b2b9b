import { PodUnreachableError, UpstreamError } from './pod-http.errors';
import { mapUpstreamFailure, openStackErrorMessage } from './upstream-failure';

const upstream = 'Pod1 compute';

describe('mapUpstreamFailure', () => {
  it.each([
    ['ECONNREFUSED', 'Pod1 compute is unreachable: connection refused.'],
    ['ETIMEDOUT', 'Pod1 compute is unreachable: no answer in time.'],
    ['ECONNABORTED', 'Pod1 compute is unreachable: no answer in time.'],
    ['ECONNRESET', 'Pod1 compute is unreachable: connection reset.'],
    ['ENOTFOUND', 'Pod1 compute is unreachable: host name not resolved.'],
    ['EHOSTUNREACH', 'Pod1 compute is unreachable: host unreachable.'],
    ['ERR_WEIRD', 'Pod1 compute is unreachable: network error ERR_WEIRD.'],
  ])('network error %s -> PodUnreachableError "%s"', (networkCode, message) => {
    const error = mapUpstreamFailure({ upstream, networkCode });
    expect(error).toBeInstanceOf(PodUnreachableError);
    expect(error).toMatchObject({ kind: 'serviceUnavailable', message, networkCode });
  });

  it.each([
    [400, 'badRequest'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'itemNotFound'],
    [409, 'conflict'],
    [413, 'serviceUnavailable'],
    [429, 'serviceUnavailable'],
    [500, 'serviceUnavailable'],
    [502, 'serviceUnavailable'],
    [503, 'serviceUnavailable'],
  ])('status %i -> UpstreamError of kind %s', (status, kind) => {
    const error = mapUpstreamFailure({ upstream, status, body: { computeFault: { code: status, message: 'it broke' } } });
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({
      kind,
      status,
      upstreamMessage: 'it broke',
      message: `Pod1 compute answered HTTP ${status}: it broke`,
    });
  });

  it('says only the status when the body has no message', () => {
    expect(mapUpstreamFailure({ upstream, status: 502, body: '<html><body>Bad Gateway</body></html>' })).toMatchObject({
      message: 'Pod1 compute answered HTTP 502',
      upstreamMessage: undefined,
    });
  });

  it('blanks the secrets out of the upstream message', () => {
    const token = 'gAAAAAB-secret-token';
    const error = mapUpstreamFailure({
      upstream,
      status: 404,
      body: { error: { message: `Could not find token: ${token}.` } },
      secrets: [token],
    });
    expect(error.message).toBe('Pod1 compute answered HTTP 404: Could not find token: ***.');
  });
});

describe('openStackErrorMessage', () => {
  it.each([
    [
      'Nova/Cinder fault',
      { itemNotFound: { code: 404, message: 'Instance x could not be found.' } },
      'Instance x could not be found.',
    ],
    [
      'Keystone',
      { error: { code: 401, message: 'The request you have made requires authentication.', title: 'Unauthorized' } },
      'The request you have made requires authentication.',
    ],
    [
      'Neutron',
      { NeutronError: { type: 'NetworkNotFound', message: 'Network n could not be found.', detail: '' } },
      'Network n could not be found.',
    ],
    ['Placement', { errors: [{ status: 409, title: 'Conflict', detail: 'There was a conflict.' }] }, 'There was a conflict.'],
    ['top-level message', { message: 'Bad thing' }, 'Bad thing'],
    ['Glance text', '404 Not Found\n\nImage i not found.\n\n   ', 'Image i not found.'],
    ['HTML page', '<html>oops</html>', undefined],
    ['two unknown keys', { a: { message: 'x' }, b: {} }, undefined],
    ['nothing', undefined, undefined],
    ['empty message', { badRequest: { message: '' } }, undefined],
  ])('%s', (_name, body, message) => {
    expect(openStackErrorMessage(body)).toBe(message);
  });

  it('clips long messages after blanking secrets', () => {
    const secret = 's'.repeat(20);
    const text = `${'x'.repeat(490)}${secret}`;
    const message = openStackErrorMessage({ message: text }, [secret]) ?? '';
    expect(message).toBe(`${'x'.repeat(490)}***`);
    expect(openStackErrorMessage({ message: 'y'.repeat(2000) })).toHaveLength(500);
  });
});
