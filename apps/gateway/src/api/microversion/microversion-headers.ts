/**
 * Where a compute microversion travels, read as Nova reads it: `microversion_parse.get_version(
 * headers, service_type='compute', legacy_headers=['X-OpenStack-Nova-API-Version'])`, called from
 * nova/api/openstack/wsgi.py `Request.set_api_version_request`.
 */
export const API_VERSION_HEADER = 'OpenStack-API-Version';
export const LEGACY_API_VERSION_HEADER = 'X-OpenStack-Nova-API-Version';
export const SERVICE_TYPE = 'compute';
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
 * The standard header is a comma-separated list of `<service> <version>`; the service is matched
 * case-insensitively and the LAST `compute` entry wins. Entries without a space (`compute2.30`,
 * a bare `2.30`, a bare `compute`) are skipped, not refused.
 */
function fromStandardHeader(value: string): string | undefined {
  for (const entry of value.split(',').reverse()) {
    const match = SERVICE_AND_VERSION.exec(pyStrip(entry));
    if (match && match[1].toLowerCase() === SERVICE_TYPE) return pyStrip(match[2]);
  }
  return undefined;
}

/**
 * The requested version as the client wrote it (`'2.30'`, `'latest'`, or junk to be refused),
 * or `undefined` when the client asked for none.
 *
 * Precedence: a `compute` entry in `OpenStack-API-Version` wins, even a malformed one, and the
 * legacy header is then not read at all. Only when the standard header is absent or names no
 * compute version does the legacy header count; its last comma-separated value is taken, and an
 * empty legacy header is a (malformed) empty version, not an absent one.
 */
export function requestedVersionText(headers: RequestHeaders): string | undefined {
  const standard = headerValue(headers, API_VERSION_HEADER);
  const fromStandard = standard === undefined ? undefined : fromStandardHeader(standard);
  if (fromStandard) return fromStandard;
  const legacy = headerValue(headers, LEGACY_API_VERSION_HEADER);
  return legacy === undefined ? undefined : pyStrip(legacy.split(',').at(-1) ?? '');
}

/**
 * What every compute answer carries once a version is known (success or error alike), as
 * nova/api/openstack/wsgi.py `Resource.__call__` and `Fault.__call__` set them. Nova adds `Vary`
 * twice; the single comma-joined value means the same (RFC 9110 5.3). Merge it with any `Vary`
 * another layer sets rather than overwriting it.
 */
export function microversionResponseHeaders(version: string): Record<string, string> {
  return {
    [API_VERSION_HEADER]: `${SERVICE_TYPE} ${version}`,
    [LEGACY_API_VERSION_HEADER]: version,
    Vary: `${API_VERSION_HEADER}, ${LEGACY_API_VERSION_HEADER}`,
  };
}
