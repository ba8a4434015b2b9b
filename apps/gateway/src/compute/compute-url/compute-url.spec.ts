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
