import { apiLinkBase } from '../../../api/links';
import { VOLUME_API } from '../../../api/service-api';
import { cinderNextLink } from './cinder-next-link';

describe('cinderNextLink (Cinder’s _get_next_link)', () => {
  it('keeps the client’s order and repeated names, moves marker last, quotes as urlencode', () => {
    const base = apiLinkBase(VOLUME_API, 'http://gw/');
    const pairs: [string, string][] = [
      ['sort', 'name:asc'],
      ['marker', 'old'],
      ['limit', '2'],
      ['status', 'in use'],
      ['limit', '3'],
    ];
    expect(cinderNextLink(base, 'volumes/detail', pairs, 'v2')).toBe(
      'http://gw/volume/v3/volumes/detail?sort=name%3Aasc&limit=2&status=in+use&limit=3&marker=v2',
    );
  });

  it('links in the project form when the client used it', () => {
    expect(cinderNextLink(apiLinkBase(VOLUME_API, 'http://gw', 'f00d'), 'volumes', [], 'm')).toBe(
      'http://gw/volume/v3/f00d/volumes?marker=m',
    );
  });
});
