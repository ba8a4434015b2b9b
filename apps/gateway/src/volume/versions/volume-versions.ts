import { type ApiVersionRange, versionDocumentValues } from '../../api/microversion';
import { VOLUME_API } from '../../api/service-api';

/**
 * Cinder's version list (cinder/api/versions.py _KNOWN_VERSIONS, views/versions.py ViewBuilder),
 * field for field and key order kept, with podgate's range and a self link to podgate. `updated`
 * is the date Cinder gives the 3.71 API, podgate's implemented maximum.
 */
const UPDATED = '2023-08-31T00:00:00Z';
const DESCRIBED_BY = { rel: 'describedby', type: 'text/html', href: 'https://docs.openstack.org/' } as const;
const MEDIA_TYPES = [{ base: 'application/json', type: 'application/vnd.openstack.volume+json;version=3' }] as const;

/**
 * The body of GET /volume/ (Cinder's `all`, answered 300) and GET /volume/v3/ (its `index`, 200):
 * the same list of one entry, `describedby` first then `self` (`_build_links` appends it).
 */
export function volumeVersionList(range: ApiVersionRange, publicBase: string) {
  return {
    versions: [
      {
        id: VOLUME_API.versionId,
        status: 'CURRENT',
        ...versionDocumentValues(range),
        updated: UPDATED,
        links: [DESCRIBED_BY, { rel: 'self', href: `${publicBase}${VOLUME_API.root}/${VOLUME_API.versionSegment}/` }],
        'media-types': MEDIA_TYPES,
      },
    ],
  };
}
