import type { IncomingMessage } from 'node:http';
import { rewriteComputeUrl, urlProjectIdOf } from './compute-url';

const PROJECT = '0123abcd-ef45';

function rewrite(url: string): { url: string; project: string | undefined } {
  const raw = { url } as IncomingMessage;
  return { url: rewriteComputeUrl(raw), project: urlProjectIdOf({ raw }) };
}

describe('rewriteComputeUrl', () => {
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
