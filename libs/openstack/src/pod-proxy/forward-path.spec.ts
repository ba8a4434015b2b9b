import { ForwardPathInvalidError, forwardablePath, forwardableQuery } from './forward-path';

const refusal = (run: () => string): unknown => {
  try {
    return run();
  } catch (error) {
    return error;
  }
};

describe('forwardablePath', () => {
  it.each([
    '/servers',
    '/servers/detail',
    '/servers/0b2e/os-interface/port-1',
    '/servers/0b2e/metadata/a%20key',
    "/servers/0b2e/tags/a-b_c.d~e!$&'()*+,;=:@",
    '/servers/0b2e/metadata/%25',
    '/servers/.hidden/x..y/...',
  ])('sends %s as it is', (path) => {
    expect(forwardablePath(path)).toBe(path);
  });

  it('percent-encodes non-ASCII characters as UTF-8 (Nova tags and metadata keys may be unicode)', () => {
    expect(forwardablePath('/servers/s-1/tags/café')).toBe('/servers/s-1/tags/caf%C3%A9');
    expect(forwardablePath('/servers/s-1/tags/€😀')).toBe('/servers/s-1/tags/%E2%82%AC%F0%9F%98%80');
  });

  it.each([
    ['servers', "it must start with '/'"],
    ['/servers/x/../../os-hypervisors', "'.' and '..' segments are not allowed"],
    ['/servers/x/..', "'.' and '..' segments are not allowed"],
    ['/servers/./x', "'.' and '..' segments are not allowed"],
    ['/servers/%2E%2e/y', "'.' and '..' segments are not allowed"],
    ['/servers/.%2E/y', "'.' and '..' segments are not allowed"],
    ['/servers/%252e%252e/y', "'.' and '..' segments are not allowed"],
    ['/servers/x/os-interface/..%2F..%2Fos-hypervisors', "it holds an encoded '/', '\\' or NUL"],
    ['/servers/x/os-interface/%2e%2e%2f%2e%2e%2fos-hypervisors', "it holds an encoded '/', '\\' or NUL"],
    ['/servers/x/%252F', "it holds an encoded '/', '\\' or NUL"],
    ['/servers/x/..%5C..%5Cos-hypervisors', "it holds an encoded '/', '\\' or NUL"],
    ['/servers/x/a%00b', "it holds an encoded '/', '\\' or NUL"],
    ['/servers/x\\..\\os-hypervisors', 'it holds a character that must be percent-encoded'],
    ['/servers?all_tenants=1', 'it holds a character that must be percent-encoded'],
    ['/servers#x', 'it holds a character that must be percent-encoded'],
    ['/a b', 'it holds a character that must be percent-encoded'],
    ['/a\tb', 'it holds a character that must be percent-encoded'],
    ['/a"b', 'it holds a character that must be percent-encoded'],
    ['/a%zzb', 'it holds a malformed percent-encoding'],
    ['/a%2', 'it holds a malformed percent-encoding'],
    ['/tags/\ud800', 'it holds text that is not valid Unicode'],
  ])('refuses %j: %s', (path, reason) => {
    const error = refusal(() => forwardablePath(path));
    expect(error).toBeInstanceOf(ForwardPathInvalidError);
    expect(error).toMatchObject({ kind: 'badRequest', message: `The request path is not valid: ${reason}.` });
  });
});

describe('forwardableQuery', () => {
  it.each(['', 'limit=7&marker=abc', 'a=1&a=2&b=%20x', 'name=%5Eweb%2F1$&changes-since=2024-05-01T00:00:00Z', 'x=/?:@'])(
    'sends %j as it is',
    (query) => {
      expect(forwardableQuery(query)).toBe(query);
    },
  );

  it('percent-encodes what a query may not hold raw, the same characters once decoded', () => {
    expect(forwardableQuery('name=café')).toBe('name=caf%C3%A9');
    expect(forwardableQuery('name=^web|db [1]')).toBe('name=%5Eweb%7Cdb%20%5B1%5D');
    expect(forwardableQuery('name=100%')).toBe('name=100%25');
  });

  it.each(['a=%00', 'a=b#c', 'a=b\nc', 'a=\u007f', 'a=\ud800'])('refuses %j', (query) => {
    expect(refusal(() => forwardableQuery(query))).toMatchObject({
      kind: 'badRequest',
      message: expect.stringMatching(/^The request query is not valid: /),
    });
  });
});
