import { type ApiVersion, parseApiVersion } from '../microversion';
import type { ServiceApi } from '../service-api';

/**
 * Where a pod's version document for an API is: its endpoint without any project segment.
 * Catalogs may hold `.../v2.1/%(tenant_id)s`, `.../v3/%(project_id)s` or Keystone's `$(project_id)s`
 * spelling; the document is at `.../v2.1`, `.../v3`.
 */
export function versionDocumentUrl(endpoint: string): string {
  return endpoint.replace(/\/[%$]\([a-z_]+\)s/g, '').replace(/\/+$/, '');
}

/** The root one level up (`http://pod/compute/` for `http://pod/compute/v2.1`), which lists every version. */
export function versionRootUrl(documentUrl: string): string {
  return `${documentUrl.replace(/\/[^/]*$/, '')}/`;
}

interface VersionEntry {
  readonly id?: unknown;
  readonly version?: unknown;
}

/**
 * The maximum a pod announces for `api`: `version` of its `api.versionId` entry (`v2.1`, `v3.0`),
 * from any of the documents: Nova's `{"version": {...}}` of /v2.1, or a `{"versions": [...]}` list
 * (Nova's root, Cinder's root and its /v3/). Undefined when there is none, e.g. a Nova v2.0-only
 * endpoint whose `version` is "".
 */
export function maxVersionFromDocument(api: ServiceApi, body: unknown): ApiVersion | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { version, versions } = body as { version?: VersionEntry; versions?: VersionEntry[] };
  const entry = Array.isArray(versions) ? versions.find((v) => v?.id === api.versionId) : version;
  if (entry?.id !== undefined && entry.id !== api.versionId) return undefined;
  if (typeof entry?.version !== 'string' || entry.version === '') return undefined;
  try {
    return parseApiVersion(entry.version);
  } catch {
    return undefined;
  }
}
