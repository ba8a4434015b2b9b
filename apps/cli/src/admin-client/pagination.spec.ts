import { pathWithQuery } from './admin-http';
import { nextPageQuery } from './pagination';

describe('nextPageQuery', () => {
  it("takes the next link's query only, whatever host it names", () => {
    const links = [
      { rel: 'self', href: 'http://a/v1.0/pods' },
      { rel: 'next', href: 'http://proxy.example/v1.0/pods?az_name=az1&limit=2&marker=abc' },
    ];
    expect(nextPageQuery(links)).toEqual({ az_name: 'az1', limit: '2', marker: 'abc' });
    expect(nextPageQuery([{ rel: 'next', href: '/v1.0/pods?marker=1%2F2' }])).toEqual({ marker: '1/2' });
  });

  it('finds no next page without a next link', () => {
    expect(nextPageQuery(undefined)).toBeUndefined();
    expect(nextPageQuery([{ rel: 'self', href: 'http://a/v1.0/pods' }])).toBeUndefined();
    expect(nextPageQuery([{ rel: 'next' }])).toBeUndefined();
  });
});

describe('pathWithQuery', () => {
  it('leaves out unset values, writes booleans as true/false and escapes the rest', () => {
    expect(pathWithQuery('/v1.0/pods', { az_name: undefined, in_maintenance: false, name: 'Pod 1&2' })).toBe(
      '/v1.0/pods?in_maintenance=false&name=Pod+1%262',
    );
    expect(pathWithQuery('/v1.0/pods', {})).toBe('/v1.0/pods');
  });
});
