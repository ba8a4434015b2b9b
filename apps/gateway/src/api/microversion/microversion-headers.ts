import type { ServiceApi } from '../service-api';
import { ApiVersionNotNamedError, InvalidApiVersionStringError } from './microversion.errors';

/**
 * Where a microversion travels, read as each service reads it. Nova:
 * `microversion_parse.get_version(headers, service_type='compute', legacy_headers=[
 * 'X-OpenStack-Nova-API-Version'])` (nova/api/openstack/wsgi.py `Request.set_api_version_request`).
 * Cinder: its own loop over `OpenStack-API-Version` (cinder/api/openstack/wsgi.py, same method name).
 */
export const API_VERSION_HEADER = 'OpenStack-API-Version';
export const LATEST = 'latest';

/** Request headers as Node and Fastify give them; a header sent twice may arrive as an array. */
export type RequestHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

// Python's str.split()/str.strip() whitespace, which is wider than JavaScript's \s (it has
// \x1c-\x1f and \x85, and lacks \ufeff). Header values are matched with Python's rules.
const PY_WS = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const PY_STRIP = new RegExp(`^[${PY_WS}]+|[${PY_WS}]+$`, 'g');
const SERVICE_AND_VERSION = new RegExp(`^([^${PY_WS}]+)[${PY_WS}]+([\\s\\S]+)$`);

function pyStrip(text: string): string {
  return text.replace(PY_STRIP, '');
}

/** A header by name in any case; repeated headers are folded with commas, as a WSGI server folds them. */
function headerValue(headers: RequestHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const key in headers) {
    // Length first: read on every compute request, and most names differ in length (no lower-casing, no entries array).
    if (key.length !== wanted.length || key.toLowerCase() !== wanted) continue;
    const value = headers[key];
    if (value === undefined) continue;
    return typeof value === 'string' ? value : value.join(',');
  }
  return undefined;
}

/**
 * Nova's standard header: a comma-separated list of `<service> <version>`; the service is matched
 * case-insensitively and the LAST `compute` entry wins. Entries without a space (`compute2.30`,
 * a bare `2.30`, a bare `compute`) are skipped, not refused.
 */
function fromStandardHeader(value: string, serviceType: string): string | undefined {
  for (const entry of value.split(',').reverse()) {
    const match = SERVICE_AND_VERSION.exec(pyStrip(entry));
    if (match && match[1].toLowerCase() === serviceType) return pyStrip(match[2]);
  }
  return undefined;
}

/**
 * Nova's reading. Precedence: a `compute` entry in `OpenStack-API-Version` wins, even a malformed
 * one, and the legacy header is then not read at all. Only when the standard header is absent or
 * names no compute version does the legacy header count; its last comma-separated value is taken,
 * and an empty legacy header is a (malformed) empty version, not an absent one.
 */
function novaRequestedVersion(api: ServiceApi, headers: RequestHeaders): string | undefined {
  const standard = headerValue(headers, API_VERSION_HEADER);
  const fromStandard = standard === undefined ? undefined : fromStandardHeader(standard, api.serviceType);
  if (fromStandard || api.legacyHeader === undefined) return fromStandard;
  const legacy = headerValue(headers, api.legacyHeader);
  return legacy === undefined ? undefined : pyStrip(legacy.split(',').at(-1) ?? '');
}

const PY_SPLIT = new RegExp(`[${PY_WS}]+`);

/**
 * Cinder's reading, quirks kept: the FIRST comma-separated entry that contains `volume` anywhere
 * (case-sensitive, so `Volume 3.5` is not one) is split on whitespace into service and version,
 * the service never checked. A header present without such an entry is Cinder's
 * VersionNotFoundForAPIMethod, which its FaultWrapper answers as a bare 400. An entry that does
 * not split in two makes Cinder unpack-fail into a 500; podgate answers the 400 of a malformed
 * version instead, quoting the entry.
 */
function cinderRequestedVersion(headers: RequestHeaders): string | undefined {
  const standard = headerValue(headers, API_VERSION_HEADER);
  if (standard === undefined) return undefined;
  const entry = standard.split(',').find((part) => part.includes('volume'));
  if (entry === undefined) throw new ApiVersionNotNamedError();
  const parts = pyStrip(entry).split(PY_SPLIT);
  if (parts.length !== 2) throw new InvalidApiVersionStringError(pyStrip(entry));
  return parts[1];
}

/**
 * The version the client asked `api` for, as written (`'2.30'`, `'latest'`, or junk to be
 * refused), or `undefined` when it asked for none.
 *
 * @throws ApiVersionNotNamedError (volume only) for an `OpenStack-API-Version` naming no volume version
 * @throws InvalidApiVersionStringError (volume only) for a volume entry that is not `<service> <version>`
 */
export function requestedVersionText(api: ServiceApi, headers: RequestHeaders): string | undefined {
  return api.serviceType === 'volume' ? cinderRequestedVersion(headers) : novaRequestedVersion(api, headers);
}

/**
 * What every answer of `api` carries once a version is known (success or error alike), as Nova's
 * and Cinder's `Resource.__call__` and `Fault.__call__` set them: the standard header, Nova's
 * legacy one too, and `Vary` on the request headers read. Nova adds `Vary` twice; the single
 * comma-joined value means the same (RFC 9110 5.3). Merge it with any `Vary` another layer sets
 * rather than overwriting it.
 */
export function microversionResponseHeaders(api: ServiceApi, version: string): Record<string, string> {
  const standard = { [API_VERSION_HEADER]: `${api.serviceType} ${version}` };
  if (api.legacyHeader === undefined) return { ...standard, Vary: API_VERSION_HEADER };
  return { ...standard, [api.legacyHeader]: version, Vary: `${API_VERSION_HEADER}, ${api.legacyHeader}` };
}
