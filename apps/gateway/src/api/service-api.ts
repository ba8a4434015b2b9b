import type { ForwardService } from '@podgate/openstack';
import type { ApiVersion } from './microversion/api-version';

/**
 * One OpenStack API podgate serves in front of the pods' own: what differs between Nova and Cinder
 * for the shared machinery (microversion headers, version documents, URL forms, links, forwarding).
 */
export interface ServiceApi {
  /** The service type of `OpenStack-API-Version: <type> <version>`. */
  readonly serviceType: 'compute' | 'volume';
  /** The pod endpoint forwarded to (PodProxy `service`). */
  readonly podService: ForwardService;
  /** podgate's public prefix, no trailing slash: `/compute`, `/volume`. */
  readonly root: string;
  /** The versioned segment under the root: `v2.1`, `v3`. */
  readonly versionSegment: string;
  /**
   * Requests at or below this path are negotiated (microversion hook). Nova: `/compute/v2.1` (its
   * unversioned root is a plain app); Cinder: `/volume` itself, since its root version router is a
   * wsgi.Resource that negotiates like every other.
   */
  readonly negotiatedPrefix: string;
  /** The id of that version in version documents: `v2.1`, `v3.0`. */
  readonly versionId: string;
  /** The lowest microversion, also the default when none is asked: 2.1, 3.0. */
  readonly minVersion: ApiVersion;
  /** The highest microversion podgate implements; pods' maxima cap it further: 2.96, 3.71. */
  readonly implementedMax: ApiVersion;
  /** A second request header read when the standard one names no version (Nova's), and echoed. */
  readonly legacyHeader?: string;
}

/** Nova v2.1 at /compute. */
export const COMPUTE_API: ServiceApi = Object.freeze({
  serviceType: 'compute',
  podService: 'compute',
  root: '/compute',
  versionSegment: 'v2.1',
  negotiatedPrefix: '/compute/v2.1',
  versionId: 'v2.1',
  minVersion: Object.freeze({ major: 2, minor: 1 }),
  implementedMax: Object.freeze({ major: 2, minor: 96 }),
  legacyHeader: 'X-OpenStack-Nova-API-Version',
});

/** Cinder v3 at /volume: no legacy header, `OpenStack-API-Version: volume 3.x` only. */
export const VOLUME_API: ServiceApi = Object.freeze({
  serviceType: 'volume',
  podService: 'volume',
  root: '/volume',
  versionSegment: 'v3',
  negotiatedPrefix: '/volume',
  versionId: 'v3.0',
  minVersion: Object.freeze({ major: 3, minor: 0 }),
  implementedMax: Object.freeze({ major: 3, minor: 71 }),
});

/** Every API podgate serves, for what must handle them all (URL rewrite, hooks). */
export const SERVICE_APIS: readonly ServiceApi[] = Object.freeze([COMPUTE_API, VOLUME_API]);
