import {
  ApiVersion,
  ApiVersionRange,
  MIN_API_VERSION,
  compareApiVersions,
  formatApiVersion,
  isWithin,
  parseApiVersion,
} from './api-version';
import { LATEST, RequestHeaders, microversionResponseHeaders, requestedVersionText } from './microversion-headers';
import { UnsupportedApiVersionError } from './microversion.errors';

/**
 * What podgate can promise: every pod must understand a version before podgate accepts it, since a
 * tenant's request may go to any of them. So the maximum is the lowest maximum among registered
 * pods, capped at what podgate implements; with no pods, what podgate implements. The minimum is
 * Nova's 2.1. A pod whose maximum is below 2.1 yields an empty range: every explicit version and
 * `latest`'s answer are then out of it (see negotiateMicroversion for the default).
 */
export function supportedRange(podMaxima: readonly ApiVersion[], implementedMax: ApiVersion): ApiVersionRange {
  const max = podMaxima.reduce((lowest, pod) => (compareApiVersions(pod, lowest) < 0 ? pod : lowest), implementedMax);
  return { min: MIN_API_VERSION, max };
}

/**
 * The version a compute request is served at (nova/api/openstack/wsgi.py set_api_version_request):
 * no version asked -> the minimum, unchecked; `latest` (lower case only) -> the maximum, unchecked;
 * otherwise the parsed version, which must lie within the range. Nova range-checks only explicit
 * versions, so the two keywords cannot fail.
 *
 * @throws InvalidApiVersionStringError (400) for a malformed version
 * @throws UnsupportedApiVersionError (406) for a well-formed one outside the range
 */
export function negotiateMicroversion(headers: RequestHeaders, range: ApiVersionRange): ApiVersion {
  const requested = requestedVersionText(headers);
  if (requested === undefined) return range.min;
  if (requested === LATEST) return range.max;
  const version = parseApiVersion(requested);
  if (!isWithin(version, range)) {
    throw new UnsupportedApiVersionError(requested, formatApiVersion(range.min), formatApiVersion(range.max));
  }
  return version;
}

/**
 * The version headers for an answer to a request whose negotiation failed, as Nova's `Fault` sets
 * them: a 406 echoes the refused version the client asked for; a 400 carries none, because no
 * version was ever parsed. Any other error is not a negotiation failure and gets nothing here.
 */
export function negotiationErrorHeaders(error: unknown): Record<string, string> {
  return error instanceof UnsupportedApiVersionError ? microversionResponseHeaders(error.requested) : {};
}

/** `version` and `min_version` of the v2.1 entry of GET /compute/ and GET /compute/v2.1 (nova/api/openstack/compute/versions.py). */
export function versionDocumentValues(range: ApiVersionRange): { version: string; min_version: string } {
  return { version: formatApiVersion(range.max), min_version: formatApiVersion(range.min) };
}
