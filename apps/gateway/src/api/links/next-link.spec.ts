import { COMPUTE_API, VOLUME_API } from '../service-api';
import { apiLinkBase, resourceLinks } from './api-link-base';
import { collectionLinks, compareCodePoints, nextLink, queryPairsOf, quotePlus } from './next-link';

const plain = apiLinkBase(COMPUTE_API, 'http://gw/');
const projectForm = apiLinkBase(COMPUTE_API, 'http://gw', 'f00d');

// Expected values are what Nova's common.ViewBuilder answers (Python: OrderedDict(sorted(params)), urlencode).
describe('nextLink (Nova’s _get_next_link)', () => {
  it('sorts the parameters by name, sets marker in its place or last, and quotes as quote_plus', () => {
    const pairs: [string, string][] = [
      ['sort_key', 'display_name'],
      ['limit', '2'],
      ['name', "web 1's"],
      ['marker', 'old'],
    ];
    expect(nextLink(plain, 'servers/detail', pairs, 'b')).toBe(
      'http://gw/compute/v2.1/servers/detail?limit=2&marker=b&name=web+1%27s&sort_key=display_name',
    );
    expect(nextLink(plain, 'flavors', [['limit', '2']], 'x')).toBe('http://gw/compute/v2.1/flavors?limit=2&marker=x');
  });

  it('keeps one value per repeated name: the greatest, at the name’s place (Python sorts the pairs)', () => {
    const pairs: [string, string][] = [
      ['sort_key', 'zeta'],
      ['limit', '7'],
      ['sort_key', 'alpha'],
      ['limit', '3'],
    ];
    expect(nextLink(plain, 'servers', pairs, 'm')).toBe('http://gw/compute/v2.1/servers?limit=7&sort_key=zeta&marker=m');
  });

  it('quotes like Python’s quote_plus: ~ kept, !*() and non-ASCII encoded, space as +', () => {
    expect(quotePlus("a~b*c!(d) e/f'ü")).toBe('a~b%2Ac%21%28d%29+e%2Ff%27%C3%BC');
    expect(quotePlus('\ud800x')).toBe('%EF%BF%BDx');
  });

  it('links in the project form when the client used it', () => {
    expect(nextLink(projectForm, 'servers', [], 'm')).toBe('http://gw/compute/v2.1/f00d/servers?marker=m');
    expect(resourceLinks(projectForm, 'flavors', '1')).toEqual([
      { rel: 'self', href: 'http://gw/compute/v2.1/f00d/flavors/1' },
      { rel: 'bookmark', href: 'http://gw/compute/f00d/flavors/1' },
    ]);
  });

  it('orders by code point as Python does, not by UTF-16 unit', () => {
    expect(compareCodePoints('\u{1F600}', '\uFF21')).toBeGreaterThan(0);
    expect(compareCodePoints('a', 'ab')).toBeLessThan(0);
    expect(
      nextLink(
        plain,
        'servers',
        [
          ['q', '\u{1F600}'],
          ['q', '\uFF21'],
        ],
        'm',
      ),
    ).toBe('http://gw/compute/v2.1/servers?q=%F0%9F%98%80&marker=m');
  });
});

describe('collectionLinks (Nova’s _get_collection_links)', () => {
  it('links the next page exactly when the page is full, never for limit 0', () => {
    expect(collectionLinks(plain, 'servers', [], { length: 2, maxItems: 2, lastId: 'b' })).toEqual([
      { rel: 'next', href: 'http://gw/compute/v2.1/servers?marker=b' },
    ]);
    expect(collectionLinks(plain, 'servers', [], { length: 1, maxItems: 2, lastId: 'a' })).toEqual([]);
    expect(collectionLinks(plain, 'servers', [], { length: 0, maxItems: 0, lastId: undefined })).toEqual([]);
  });
});

describe('queryPairsOf', () => {
  it('decodes the query after the first ? as webob does', () => {
    expect(queryPairsOf('/compute/v2.1/servers?name=a+b&x=%7E&all_tenants&q=1?2')).toEqual([
      ['name', 'a b'],
      ['x', '~'],
      ['all_tenants', ''],
      ['q', '1?2'],
    ]);
    expect(queryPairsOf('/compute/v2.1/servers')).toEqual([]);
  });
});

describe('nextLink for the volume API (Cinder’s _get_next_link)', () => {
  const volumes = apiLinkBase(VOLUME_API, 'http://gw');

  it('keeps the client’s order and repeated names, drops every marker and puts the new one last', () => {
    const pairs: [string, string][] = [
      ['sort', 'name:asc'],
      ['marker', 'old'],
      ['limit', '2'],
      ['status', 'available'],
      ['status', 'in-use'],
      ['name', "web 1's"],
    ];
    expect(nextLink(volumes, 'volumes/detail', pairs, 'v2')).toBe(
      'http://gw/volume/v3/volumes/detail?sort=name%3Aasc&limit=2&status=available&status=in-use&name=web+1%27s&marker=v2',
    );
  });

  it('links in the project form, and a full page only', () => {
    const projectVolumes = apiLinkBase(VOLUME_API, 'http://gw', 'f00d');
    expect(collectionLinks(projectVolumes, 'snapshots', [['limit', '1']], { length: 1, maxItems: 1, lastId: 's' })).toEqual([
      { rel: 'next', href: 'http://gw/volume/v3/f00d/snapshots?limit=1&marker=s' },
    ]);
    expect(collectionLinks(projectVolumes, 'snapshots', [], { length: 1, maxItems: 2, lastId: 's' })).toEqual([]);
    expect(resourceLinks(projectVolumes, 'volumes', 'v1')).toEqual([
      { rel: 'self', href: 'http://gw/volume/v3/f00d/volumes/v1' },
      { rel: 'bookmark', href: 'http://gw/volume/f00d/volumes/v1' },
    ]);
  });
});
