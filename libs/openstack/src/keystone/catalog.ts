// The service catalog of a Keystone token, as plain data and pure look-ups.

export type EndpointInterface = 'public' | 'internal' | 'admin';

export interface CatalogEndpoint {
  readonly interface: string;
  readonly region: string;
  readonly url: string;
}

export interface CatalogService {
  readonly type: string;
  readonly endpoints: readonly CatalogEndpoint[];
}

export const PROJECT_ID_TEMPLATE = '%(project_id)s';

/** The spellings Keystone accepts in endpoint URLs for the project of the token. */
const PROJECT_PLACEHOLDERS = /%\(project_id\)s|\$\(project_id\)s|%\(tenant_id\)s|\$\(tenant_id\)s/g;

export function findEndpoint(
  catalog: readonly CatalogService[],
  region: string,
  serviceType: string,
  endpointInterface: EndpointInterface,
): string | undefined {
  for (const service of catalog) {
    if (service.type !== serviceType) continue;
    const endpoint = service.endpoints.find((e) => e.region === region && e.interface === endpointInterface);
    if (endpoint) return endpoint.url.replace(/\/+$/, '');
  }
  return undefined;
}

/**
 * Keystone renders a token's catalog with the token's own project id substituted into templates
 * such as Cinder's `/v3/%(project_id)s`. Ours is the service project's; callers act for other
 * projects, so the id goes back to a placeholder. Only whole path segments are replaced, so a
 * host name or a longer segment that merely contains the id is left alone.
 */
export function asProjectTemplate(url: string, serviceProjectId: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(.*)$/i.exec(url);
  if (!match || !serviceProjectId) return url;
  const path = match[2]
    .split('/')
    .map((segment) => (segment === serviceProjectId ? PROJECT_ID_TEMPLATE : segment))
    .join('/');
  return `${match[1]}${path}`;
}

/** Fills an endpoint template for one project; URLs without a placeholder come back unchanged. */
export function withProject(urlTemplate: string, projectId: string): string {
  return urlTemplate.replace(PROJECT_PLACEHOLDERS, encodeURIComponent(projectId));
}

/** Regions offering at least one of the service types on the interface, in catalog order. */
export function catalogRegions(
  catalog: readonly CatalogService[],
  endpointInterface: EndpointInterface,
  serviceTypes: readonly string[],
): string[] {
  const regions = new Set<string>();
  for (const service of catalog) {
    if (!serviceTypes.includes(service.type)) continue;
    for (const e of service.endpoints) if (e.interface === endpointInterface) regions.add(e.region);
  }
  return [...regions];
}
