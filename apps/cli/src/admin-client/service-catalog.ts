/** A Keystone v3 catalog entry, as in a token or `GET /v3/auth/catalog`. */
export interface CatalogService {
  readonly type: string;
  readonly endpoints: readonly {
    readonly interface: string;
    readonly region?: string;
    readonly region_id?: string;
    readonly url: string;
  }[];
}

export const PODGATE_SERVICE_TYPE = 'podgate';

export interface EndpointFilter {
  readonly type: string;
  readonly interface: string;
  readonly regionName?: string;
}

/** The first endpoint of the service type on the interface (and region, when one is given), like keystoneauth. */
export function findEndpoint(catalog: readonly CatalogService[], filter: EndpointFilter): string | undefined {
  for (const service of catalog) {
    if (service.type !== filter.type) continue;
    const endpoint = service.endpoints.find(
      (candidate) =>
        candidate.interface === filter.interface &&
        (filter.regionName === undefined || (candidate.region_id ?? candidate.region) === filter.regionName),
    );
    if (endpoint) return endpoint.url;
  }
  return undefined;
}

/**
 * The API's paths start with /v1.0, so the base is the server root. Deployers often register
 * the versioned URL in the catalog (Tricircle did), so a trailing /v1.0 is dropped.
 */
export function gatewayBaseUrl(url: string): string {
  return url.replace(/\/+$/, '').replace(/\/v1\.0$/, '');
}

/** Keystone v3 is what we speak; `http://keystone:5000` and `.../v3/` both mean `.../v3`. */
export function keystoneV3Url(authUrl: string): string {
  const trimmed = authUrl.replace(/\/+$/, '');
  return /\/v3$/.test(trimmed) ? trimmed : `${trimmed}/v3`;
}
