import { AxiosError, AxiosHeaders } from 'axios';
import { CliError } from '../cli-errors';
import { ApiError, describeHttpFailure, displayUrl, openStackErrorMessage, redactedUrl } from './http-errors';

describe('openStackErrorMessage', () => {
  it('reads the Nova/Cinder/gateway envelope and the Keystone one, as objects or text', () => {
    expect(openStackErrorMessage({ itemNotFound: { code: 404, message: 'Pod x could not be found.' } })).toBe(
      'Pod x could not be found.',
    );
    expect(openStackErrorMessage('{"error": {"code": 401, "title": "Unauthorized", "message": "No."}}')).toBe('No.');
  });

  it('finds nothing in bodies of another shape', () => {
    expect(openStackErrorMessage('<html>502 Bad Gateway</html>')).toBeUndefined();
    expect(openStackErrorMessage({ message: 'flat' })).toBeUndefined();
    expect(openStackErrorMessage(null)).toBeUndefined();
  });
});

describe('describeHttpFailure', () => {
  const config = { headers: new AxiosHeaders({ 'X-Auth-Token': 'SECRET-TOKEN' }), data: '{"password":"SECRET-PASSWORD"}' };
  const answer = (status: number, data: unknown, headers: Record<string, string> = {}) =>
    new AxiosError('Request failed', 'ERR_BAD_REQUEST', config, undefined, {
      ...{ status, statusText: status === 502 ? 'Bad Gateway' : 'Conflict', data, config },
      headers: new AxiosHeaders(headers),
    });

  it('shows message, status and request id like the openstack CLI, and never the request', () => {
    const error = describeHttpFailure(
      answer(409, { conflictingRequest: { code: 409, message: 'Pod Pod1 is in use.' } }, { 'x-openstack-request-id': 'req-1' }),
      'the gateway at http://gw',
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe('Pod Pod1 is in use. (HTTP 409) (Request-ID: req-1)');
    expect(JSON.stringify({ ...error, message: error.message })).not.toMatch(/SECRET/);
  });

  it('falls back to the status text, and names Keystone when it refused', () => {
    expect(describeHttpFailure(answer(502, '<html/>'), 'the gateway at http://gw').message).toBe('Bad Gateway (HTTP 502)');
    const keystone = describeHttpFailure(answer(401, { error: { code: 401, message: 'Denied.' } }), 'Keystone at http://ks/v3');
    expect(keystone.message).toBe('Keystone at http://ks/v3: Denied. (HTTP 401)');
  });

  it('turns network failures into one readable line', () => {
    const refused = new AxiosError('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED', config);
    expect(describeHttpFailure(refused, 'the gateway at http://127.0.0.1:1')).toEqual(
      new CliError('cannot connect to the gateway at http://127.0.0.1:1: connection refused'),
    );
  });

  it('passes other errors through', () => {
    const bug = new TypeError('boom');
    expect(describeHttpFailure(bug, 'x')).toBe(bug);
  });
});

describe('displayUrl', () => {
  it('leaves out credentials embedded in a URL', () => {
    expect(displayUrl('http://user:pa55@gw:19999/')).toBe('http://gw:19999');
    expect(displayUrl('https://keystone.example/identity/v3')).toBe('https://keystone.example/identity/v3');
    expect(redactedUrl('http://user:pa55@gw:19999/v1.0/pods?name=Pod1')).toBe('http://gw:19999/v1.0/pods?name=Pod1');
  });
});
