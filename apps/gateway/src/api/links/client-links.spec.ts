import { COMPUTE_API, VOLUME_API } from '../service-api';
import { apiLinkBase } from './api-link-base';
import { clientLinks, clientLocation } from './client-links';

const PROJECT = '0123abcd';
/** A pod's server body; `project` is the segment the pod puts after its roots (`/<id>` or ''). */
const server = (root: string, project = '') => ({
  server: {
    id: 's1',
    links: [
      { rel: 'self', href: `${root}/v2.1${project}/servers/s1` },
      { rel: 'bookmark', href: `${root}${project}/servers/s1` },
    ],
    image: { id: 'i', links: [{ rel: 'bookmark', href: `${root}${project}/images/i` }] },
    metadata: { links: `${root}/v2.1/servers/s1` },
  },
});

describe('clientLinks', () => {
  it('puts the pod’s links on podgate’s URL in the client’s plain form, without the pod’s project segment', () => {
    const base = apiLinkBase(COMPUTE_API, 'https://gw');
    const fromTemplatedPod = server('http://pod:8774/compute', `/${PROJECT}`);
    const seen = clientLinks(fromTemplatedPod, `http://pod:8774/compute/v2.1/${PROJECT}`, base, PROJECT);
    expect(seen.server.links).toEqual([
      { rel: 'self', href: 'https://gw/compute/v2.1/servers/s1' },
      { rel: 'bookmark', href: 'https://gw/compute/servers/s1' },
    ]);
    expect(seen.server.image.links[0].href).toBe('https://gw/compute/images/i');
  });

  it('links in the project form when the client used it, as Nova builds links from the request URL', () => {
    const base = apiLinkBase(COMPUTE_API, 'https://gw', PROJECT);
    const seen = clientLinks(server('http://pod/compute'), 'http://pod/compute/v2.1', base, PROJECT);
    expect(seen.server.links).toEqual([
      { rel: 'self', href: `https://gw/compute/v2.1/${PROJECT}/servers/s1` },
      { rel: 'bookmark', href: `https://gw/compute/${PROJECT}/servers/s1` },
    ]);
    expect(seen.server.image.links[0].href).toBe(`https://gw/compute/${PROJECT}/images/i`);
    expect(seen.server.metadata).toEqual({ links: 'http://pod/compute/v2.1/servers/s1' });
    expect(clientLocation('http://pod/compute/v2.1/servers/s1', 'http://pod/compute/v2.1', base, PROJECT)).toBe(
      `https://gw/compute/v2.1/${PROJECT}/servers/s1`,
    );
  });

  it('leaves links elsewhere alone and copies nothing when nothing changes', () => {
    const base = apiLinkBase(COMPUTE_API, 'https://gw');
    const body = {
      server: {
        links: [{ rel: 'self', href: 'https://gw/compute/v2.1/servers/s1' }],
        console: { links: [{ href: 'http://vnc/x' }] },
      },
    };
    expect(clientLinks(body, 'https://gw/compute/v2.1', base, PROJECT)).toBe(body);
    expect(clientLocation(undefined, 'http://pod/compute/v2.1', base, PROJECT)).toBeUndefined();
  });
});

describe('clientLinks for the volume API', () => {
  const volume = (root: string, project = '') => ({
    volume: {
      id: 'v1',
      links: [
        { rel: 'self', href: `${root}/v3${project}/volumes/v1` },
        { rel: 'bookmark', href: `${root}${project}/volumes/v1` },
      ],
      metadata: { links: `${root}/v3/volumes/v1` },
    },
  });

  it('puts a templated pod’s links (with its project) on podgate’s URL in the plain form', () => {
    const base = apiLinkBase(VOLUME_API, 'https://gw');
    expect(base).toMatchObject({ root: 'https://gw/volume', self: 'https://gw/volume/v3', bookmark: 'https://gw/volume' });
    const seen = clientLinks(volume('http://pod/volume', `/${PROJECT}`), `http://pod/volume/v3/${PROJECT}`, base, PROJECT);
    expect(seen.volume.links).toEqual([
      { rel: 'self', href: 'https://gw/volume/v3/volumes/v1' },
      { rel: 'bookmark', href: 'https://gw/volume/volumes/v1' },
    ]);
  });

  it('links in the project form when the client used it, as Cinder’s _get_project_id_in_url does', () => {
    const base = apiLinkBase(VOLUME_API, 'https://gw', PROJECT);
    const seen = clientLinks(volume('http://pod/volume'), 'http://pod/volume/v3', base, PROJECT);
    expect(seen.volume.links).toEqual([
      { rel: 'self', href: `https://gw/volume/v3/${PROJECT}/volumes/v1` },
      { rel: 'bookmark', href: `https://gw/volume/${PROJECT}/volumes/v1` },
    ]);
    expect(seen.volume.metadata).toEqual({ links: 'http://pod/volume/v3/volumes/v1' });
    expect(clientLocation('http://pod/volume/v3/backups/b1', 'http://pod/volume/v3', base, PROJECT)).toBe(
      `https://gw/volume/v3/${PROJECT}/backups/b1`,
    );
  });
});
