import type { ServiceApi } from '../service-api';
import { ApiVersion, ApiVersionRange, compareApiVersions, formatApiVersion, isWithin, parseApiVersion } from './api-version';
import { LATEST, RequestHeaders, microversionResponseHeaders, requestedVersionText } from './microversion-headers';
import { UnsupportedApiVersionError } from './microversion.errors';

/**
 * What podgate can promise for `api`: every pod must understand a version before podgate accepts
 * it, since a tenant's request may go to any of them. So the maximum is the lowest maximum among
 * registered pods, capped at what podgate implements (`api.implementedMax`); with no pods, that.
 * The minimum is the service's (Nova 2.1, Cinder 3.0). A pod whose maximum is below the minimum
 * yields an empty range: every explicit version and `latest`'s answer are then out of it (see
 * negotiateMicroversion for the default).
 */
export function supportedRange(api: ServiceApi, podMaxima: readonly ApiVersion[]): ApiVersionRange {
  const max = podMaxima.reduce((lowest, pod) => (compareApiVersions(pod, lowest) < 0 ? pod : lowest), api.implementedMax);
  return { min: api.minVersion, max };
}

/**
 * The version a request of `api` is served at (Nova's and Cinder's wsgi.py set_api_version_request):
 * no version asked -> the minimum, unchecked; `latest` (lower case only) -> the maximum, unchecked;
 * otherwise the parsed version, which must lie within the range. Both services range-check only
 * explicit versions, so the two keywords cannot fail.
 *
 * @throws InvalidApiVersionStringError (400) for a malformed version
 * @throws ApiVersionNotNamedError (400, volume only) for a version header naming no volume version
 * @throws UnsupportedApiVersionError (406) for a well-formed one outside the range
 */
export function negotiateMicroversion(api: ServiceApi, headers: RequestHeaders, range: ApiVersionRange): ApiVersion {
  const requested = requestedVersionText(api, headers);
  if (requested === undefined) return range.min;
  if (requested === LATEST) return range.max;
  const version = parseApiVersion(requested);
  if (!isWithin(version, range)) {
    throw new UnsupportedApiVersionError(requested, formatApiVersion(range.min), formatApiVersion(range.max));
  }
  return version;
}

/**
 * Cinder's `_is_legacy_endpoint`: a version whose text contains `1.0` or `2.0` (say a refused
 * `2.0` or `11.0`) is taken for the v1/v2 API and its answer carries no version header.
 */
const cinderTakesForLegacy = (version: string): boolean => version.includes('1.0') || version.includes('2.0');

/**
 * The version headers for an answer to a request whose negotiation failed, as Nova's and Cinder's
 * `Fault` set them: a 406 echoes the refused version the client asked for (Cinder: unless it looks
 * legacy); a 400 carries none, because no version was ever parsed. Any other error is not a
 * negotiation failure and gets nothing here.
 */
export function negotiationErrorHeaders(api: ServiceApi, error: unknown): Record<string, string> {
  if (!(error instanceof UnsupportedApiVersionError)) return {};
  if (api.serviceType === 'volume' && cinderTakesForLegacy(error.requested)) return {};
  return microversionResponseHeaders(api, error.requested);
}

/** `version` and `min_version` of a version document entry (Nova's v2.1, Cinder's v3.0): the range. */
export function versionDocumentValues(range: ApiVersionRange): { version: string; min_version: string } {
  return { version: formatApiVersion(range.max), min_version: formatApiVersion(range.min) };
}
