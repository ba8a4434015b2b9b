import { type ApiVersion, parseApiVersion } from '../microversion';

/**
 * Where a pod's compute version document is: its compute endpoint without any project segment.
 * Catalogs may hold `.../v2.1/%(tenant_id)s` (or `%(project_id)s`); the document is at `.../v2.1`.
 */
export function versionDocumentUrl(computeEndpoint: string): string {
  return computeEndpoint.replace(/\/%\([a-z_]+\)s/g, '').replace(/\/+$/, '');
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
 * The compute maximum a pod announces: `version` of its v2.1 entry, from either Nova document
 * (`{"version": {...}}` of /v2.1, or `{"versions": [...]}` of the root). Undefined when there is
 * none, e.g. a v2.0-only endpoint whose `version` is "".
 */
export function maxVersionFromDocument(body: unknown): ApiVersion | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { version, versions } = body as { version?: VersionEntry; versions?: VersionEntry[] };
  const entry = Array.isArray(versions) ? versions.find((v) => v?.id === 'v2.1') : version;
  if (typeof entry?.version !== 'string' || entry.version === '') return undefined;
  try {
    return parseApiVersion(entry.version);
  } catch {
    return undefined;
  }
}
