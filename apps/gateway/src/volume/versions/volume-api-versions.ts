import type { PodApiVersions } from '../../api/pod-versions';

/**
 * The injection token of the volume API's PodApiVersions (the supported Cinder range, following the
 * pods' volume version documents): `@Inject(VOLUME_API_VERSIONS) versions: PodApiVersions`.
 * Compute's instance is the PodApiVersions class token itself, so the volume one needs its own.
 */
export const VOLUME_API_VERSIONS = Symbol('VOLUME_API_VERSIONS');

export type VolumeApiVersions = PodApiVersions;
