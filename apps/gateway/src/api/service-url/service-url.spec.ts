import type { IncomingMessage } from 'node:http';
import { urlProjectClaimOf } from '../../http/auth';
import { rewriteServiceUrl, urlProjectIdOf } from './service-url';

const PROJECT = '0123abcd-ef45';

function rewrite(url: string): { url: string; project: string | undefined } {
  const raw = { url } as IncomingMessage;
  return { url: rewriteServiceUrl(raw), project: urlProjectIdOf({ raw }) };
}

describe('rewriteServiceUrl', () => {
  it.each([
    [`/compute/v2.1/${PROJECT}/servers`, '/compute/v2.1/servers'],
    [`/compute/v2.1/${PROJECT}/servers/detail?limit=7&marker=x`, '/compute/v2.1/servers/detail?limit=7&marker=x'],
    [`/compute/v2.1/${PROJECT}/flavors/1/os-extra_specs`, '/compute/v2.1/flavors/1/os-extra_specs'],
    [`/compute/v2.1/${PROJECT}`, '/compute/v2.1/versions/v2.1'],
    [`/compute/v2.1/${PROJECT}/`, '/compute/v2.1/versions/v2.1'],
    [`/compute/v2.1/${PROJECT}/?a=1`, '/compute/v2.1/versions/v2.1?a=1'],
  ])('takes the project out of %s', (url, rewritten) => {
    expect(rewrite(url)).toEqual({ url: rewritten, project: PROJECT });
  });

  it.each([
    ['/compute/v2%2E1/flavors', '/compute/v2.1/flavors', undefined],
    ['/c%6f%6Dpute/v2%2e1/', '/compute/v2.1', undefined],
    [`/compute/v2%2E1/%30${PROJECT.slice(1)}/servers?q=%2E`, '/compute/v2.1/servers?q=%2E', PROJECT],
    [`/compute/v2.1/${PROJECT}%2Dff/servers`, '/compute/v2.1/servers', `${PROJECT}-ff`],
    ['/compute/v2.1/servers/a%2Fb%3F%41', '/compute/v2.1/servers/a%2Fb%3FA', undefined],
  ])('reads %s as the router will, percent-encoded unreserved characters decoded', (url, rewritten, project) => {
    expect(rewrite(url)).toEqual({ url: rewritten, project });
  });

  it.each(['/v1.0/pods/%41', '/%63ompute', '/compute%2Fv2.1/servers'])('leaves other URLs exactly as sent: %s', (url) => {
    expect(rewrite(url)).toEqual({ url, project: undefined });
  });

  it.each([
    ['/compute/v2.1/servers', '/compute/v2.1/servers'],
    ['/compute/v2.1/os-availability-zone', '/compute/v2.1/os-availability-zone'],
    ['/compute/v2.1/tenant-a/servers', '/compute/v2.1/tenant-a/servers'],
    ['/compute/v2.1/ABCDEF/servers', '/compute/v2.1/ABCDEF/servers'],
    ['/compute/', '/compute'],
    ['/compute/?x=1', '/compute?x=1'],
    ['/compute/v2.1/', '/compute/v2.1'],
    ['/compute/v2.1', '/compute/v2.1'],
    ['/v1.0/pods', '/v1.0/pods'],
    ['/compute/v2.10/abc', '/compute/v2.10/abc'],
  ])('leaves the plain form alone: %s', (url, rewritten) => {
    expect(rewrite(url)).toEqual({ url: rewritten, project: undefined });
  });
});

describe('rewriteServiceUrl for the volume API (Cinder v3)', () => {
  it.each([
    [`/volume/v3/${PROJECT}/volumes`, '/volume/v3/volumes'],
    [`/volume/v3/${PROJECT}/volumes/detail?limit=2&marker=x`, '/volume/v3/volumes/detail?limit=2&marker=x'],
    [`/volume/v3/${PROJECT}/volumes/v1/action`, '/volume/v3/volumes/v1/action'],
    [`/volume/v%33/${PROJECT}/snapshots`, '/volume/v3/snapshots'],
  ])('takes the project out of %s', (url, rewritten) => {
    expect(rewrite(url)).toEqual({ url: rewritten, project: PROJECT });
  });

  it.each([`/volume/v3/${PROJECT}`, `/volume/v3/${PROJECT}/`, `/volume/v3/${PROJECT}/?a=1`])(
    'leaves the project form’s root alone, unclaimed: Cinder routes nothing there (%s)',
    (url) => {
      expect(rewrite(url)).toEqual({ url, project: undefined });
    },
  );

  it.each([
    ['/volume/v3/volumes', '/volume/v3/volumes'],
    ['/volume/v3/', '/volume/v3'],
    ['/volume/v3', '/volume/v3'],
    ['/volume/', '/volume'],
    ['/volume/?x=1', '/volume?x=1'],
    ['/volume/v3/tenant-a/volumes', '/volume/v3/tenant-a/volumes'],
    ['/volume/v2/abc/volumes', '/volume/v2/abc/volumes'],
  ])('leaves the plain form alone: %s', (url, rewritten) => {
    expect(rewrite(url)).toEqual({ url: rewritten, project: undefined });
  });

  it('claims with Cinder’s words for a mismatch, compute with Nova’s', () => {
    const claimOf = (url: string) => {
      const raw = { url } as IncomingMessage;
      rewriteServiceUrl(raw);
      return urlProjectClaimOf(raw);
    };
    expect(claimOf(`/volume/v3/${PROJECT}/volumes`)?.mismatch('a', 'b').message).toBe('Malformed request url');
    expect(claimOf(`/compute/v2.1/${PROJECT}/servers`)?.mismatch('a', 'b').message).toBe(
      "Malformed request URL: URL's project_id 'a' doesn't match Context's project_id 'b'",
    );
  });
});
