import { podLinkRewriter, publicServiceUrl, rewritePodLinks, rewritePodLocation } from './pod-links';

const POD = 'http://10.0.0.5:8774/v2.1';
const PUBLIC = 'https://podgate.example/compute/v2.1';

/** A server as Nova shows it (shortened), links built from the URL podgate called. */
const server = (root: string) => ({
  server: {
    id: 's-1',
    links: [
      { rel: 'self', href: `${root}/v2.1/servers/s-1` },
      { rel: 'bookmark', href: `${root}/servers/s-1` },
    ],
    image: { id: 'i-1', links: [{ rel: 'bookmark', href: `${root}/images/i-1` }] },
    flavor: { vcpus: 1, ram: 512 },
    // User data: never rewritten, even where it looks like a link.
    metadata: { href: 'http://10.0.0.5:8774/servers/s-1' },
    description: 'http://10.0.0.5:8774/v2.1/servers/s-1',
    addresses: {},
  },
});

describe('rewritePodLinks', () => {
  it('points self, bookmark and nested links at podgate, leaving everything else as it is', () => {
    const body = server('http://10.0.0.5:8774');
    const rewritten = rewritePodLinks(body, POD, PUBLIC);
    expect(rewritten).toEqual(server('https://podgate.example/compute'));
    expect(rewritten.server.flavor).toBe(body.server.flavor);
    expect(rewritten.server.addresses).toBe(body.server.addresses);
    expect(rewritten.server.metadata).toBe(body.server.metadata);
    expect(body).toEqual(server('http://10.0.0.5:8774'));
  });

  it('keeps a project segment and the query of next links; a pod below a path prefix works alike', () => {
    const pod = 'http://127.0.0.1:4001/compute/v2.1/p-1';
    const body = {
      servers: [],
      servers_links: [{ rel: 'next', href: 'http://127.0.0.1:4001/compute/v2.1/p-1/servers/detail?limit=2&marker=s-2' }],
      flavor: { links: [{ rel: 'bookmark', href: 'http://127.0.0.1:4001/compute/p-1/flavors/1' }] },
      other: [{ href: 'http://127.0.0.1:4001/compute/p-1/flavors/1' }],
    };
    expect(rewritePodLinks(body, pod, PUBLIC)).toEqual({
      servers: [],
      servers_links: [{ rel: 'next', href: 'https://podgate.example/compute/v2.1/p-1/servers/detail?limit=2&marker=s-2' }],
      flavor: { links: [{ rel: 'bookmark', href: 'https://podgate.example/compute/p-1/flavors/1' }] },
      other: [{ href: 'http://127.0.0.1:4001/compute/p-1/flavors/1' }],
    });
  });

  it('leaves links to other origins and to sibling paths alone, and matches host names case-insensitively', () => {
    const pod = 'http://pod-a.example:8774/compute/v2.1';
    const rewrite = podLinkRewriter(pod, PUBLIC);
    expect(rewrite('http://glance.example:9292/images/i-1')).toBe('http://glance.example:9292/images/i-1');
    expect(rewrite('http://pod-a.example:6080/vnc_auto.html?token=x')).toBe('http://pod-a.example:6080/vnc_auto.html?token=x');
    expect(rewrite('http://pod-a.example:8774/computer/x')).toBe('http://pod-a.example:8774/computer/x');
    expect(rewrite('HTTP://POD-A.example:8774/compute/v2.1/servers/S-1')).toBe(
      'https://podgate.example/compute/v2.1/servers/S-1',
    );
    expect(rewrite('http://pod-a.example:8774/compute')).toBe('https://podgate.example/compute');
  });

  it('maps Cinder links the same way', () => {
    const pod = 'http://10.0.0.6:8776/v3/p-1';
    const body = { volume: { links: [{ rel: 'bookmark', href: 'http://10.0.0.6:8776/p-1/volumes/v-1' }] } };
    expect(rewritePodLinks(body, pod, publicServiceUrl('https://podgate.example/', 'volume'))).toEqual({
      volume: { links: [{ rel: 'bookmark', href: 'https://podgate.example/volume/p-1/volumes/v-1' }] },
    });
  });

  it('returns bodies without links, and non-objects, unchanged', () => {
    const body = { servers: [{ id: 'a', name: 'b' }] };
    expect(rewritePodLinks(body, POD, PUBLIC)).toBe(body);
    expect(rewritePodLinks('text', POD, PUBLIC)).toBe('text');
    expect(rewritePodLinks(undefined, POD, PUBLIC)).toBeUndefined();
  });
});

describe('rewritePodLocation', () => {
  it('rewrites an absolute Location and a path-only one', () => {
    expect(rewritePodLocation('http://10.0.0.5:8774/v2.1/servers/s-1', POD, PUBLIC)).toBe(`${PUBLIC}/servers/s-1`);
    expect(rewritePodLocation('/compute/v2.1/servers/s-1', 'http://10.0.0.5/compute/v2.1', PUBLIC)).toBe(`${PUBLIC}/servers/s-1`);
    expect(rewritePodLocation(undefined, POD, PUBLIC)).toBeUndefined();
  });
});

describe('publicServiceUrl', () => {
  it("names podgate's service root for each API", () => {
    expect(publicServiceUrl('http://gw:8080', 'compute')).toBe('http://gw:8080/compute/v2.1');
    expect(publicServiceUrl('http://gw:8080/', 'volume')).toBe('http://gw:8080/volume/v3');
  });
});

describe('podLinkRewriter', () => {
  it('works the roots out once per pod and public URL (every item of a list shares them)', () => {
    const rewrite = podLinkRewriter(POD, PUBLIC);
    expect(podLinkRewriter(POD, PUBLIC)).toBe(rewrite);
    expect(podLinkRewriter(POD, 'https://other.example/compute/v2.1')).not.toBe(rewrite);
    expect(rewrite('http://10.0.0.5:8774/v2.1/servers/s-1')).toBe(`${PUBLIC}/servers/s-1`);
  });
});
