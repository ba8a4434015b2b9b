import type { FastifyRequest } from 'fastify';
import { publicBaseUrl } from './public-url';

const requestFor = (host: string, protocol = 'http') => ({ host, protocol }) as unknown as FastifyRequest;

describe('publicBaseUrl', () => {
  it('is PODGATE_PUBLIC_URL when set, whatever the Host', () => {
    expect(publicBaseUrl(requestFor('evil.example'), 'https://podgate.example')).toBe('https://podgate.example');
  });

  it('is the scheme and Host the client used, each host its own (remembered origins never mix)', () => {
    expect(publicBaseUrl(requestFor('gw.example:8774'), null)).toBe('http://gw.example:8774');
    expect(publicBaseUrl(requestFor('gw.example:8774', 'https'), null)).toBe('https://gw.example:8774');
    expect(publicBaseUrl(requestFor('other.example'), null)).toBe('http://other.example');
    expect(publicBaseUrl(requestFor('gw.example:8774'), null)).toBe('http://gw.example:8774');
  });

  it('gives relative links for a malformed Host, again and again', () => {
    expect(publicBaseUrl(requestFor('bad host/x'), null)).toBe('');
    expect(publicBaseUrl(requestFor('bad host/x'), null)).toBe('');
  });

  it('stays correct past the bound of remembered origins', () => {
    for (let i = 0; i < 600; i += 1) expect(publicBaseUrl(requestFor(`h${i}.example`), null)).toBe(`http://h${i}.example`);
  });
});
