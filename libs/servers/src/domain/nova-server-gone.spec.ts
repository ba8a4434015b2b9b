import { isNovaServerGone } from './nova-server-gone';

describe('isNovaServerGone', () => {
  it('takes only Nova’s own 404 body as "the server is gone"', () => {
    const nova = { itemNotFound: { code: 404, message: 'Instance 7f3c could not be found.' } };
    expect(isNovaServerGone(404, nova)).toBe(true);
  });

  it('says nothing about the server for any other 404 or status', () => {
    expect(isNovaServerGone(404, '<html><body>404 Not Found</body></html>')).toBe(false); // a proxy in front of the pod
    expect(isNovaServerGone(404, undefined)).toBe(false);
    expect(isNovaServerGone(404, { error: { code: 404, message: 'not found' } })).toBe(false);
    expect(isNovaServerGone(404, { itemNotFound: 'x' })).toBe(false);
    expect(isNovaServerGone(404, [{ itemNotFound: {} }])).toBe(false);
    expect(isNovaServerGone(200, { itemNotFound: { code: 404 } })).toBe(false);
    expect(isNovaServerGone(410, { itemNotFound: { code: 410 } })).toBe(false);
  });
});
