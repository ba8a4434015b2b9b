import type { ApiVersionRange } from '../../api/microversion';
import { versionDocumentValues } from '../../api/microversion';

/**
 * Nova's version documents (nova/api/openstack/compute/versions.py VERSIONS, views/versions.py),
 * field for field, with links to podgate. Only v2.1 is listed: Nova also lists v2.0 (the legacy
 * /v2 endpoint), which podgate does not serve, so advertising it would send clients nowhere.
 */
const UPDATED = '2013-07-23T11:33:21Z';
const DESCRIBED_BY = { rel: 'describedby', type: 'text/html', href: 'http://docs.openstack.org/' } as const;
const MEDIA_TYPES = [{ base: 'application/json', type: 'application/vnd.openstack.compute+json;version=2.1' }] as const;

/** GET /compute/ (Nova's `build_versions`): a summary of each version with its self link. */
export function versionList(range: ApiVersionRange, publicBase: string) {
  return {
    versions: [
      {
        id: 'v2.1',
        status: 'CURRENT',
        ...versionDocumentValues(range),
        updated: UPDATED,
        links: [{ rel: 'self', href: `${publicBase}/compute/v2.1/` }],
      },
    ],
  };
}

/** GET /compute/v2.1 (Nova's `build_version`): the full entry, self link first. */
export function versionDocument(range: ApiVersionRange, publicBase: string) {
  return {
    version: {
      id: 'v2.1',
      status: 'CURRENT',
      ...versionDocumentValues(range),
      updated: UPDATED,
      links: [{ rel: 'self', href: `${publicBase}/compute/v2.1/` }, DESCRIBED_BY],
      'media-types': MEDIA_TYPES,
    },
  };
}
