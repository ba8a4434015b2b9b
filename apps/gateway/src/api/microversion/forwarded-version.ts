import type { ServiceApi } from '../service-api';
import { type ApiVersion, formatApiVersion } from './api-version';
import { API_VERSION_HEADER } from './microversion-headers';

/**
 * The request headers that make a pod serve exactly the version podgate negotiated for `api`: the
 * standard header, and Nova's legacy one too since a pod may be old enough to read only that.
 * Every pod understands the version (the range is capped by the lowest pod maximum), so the pod's
 * answer has the shape the client asked for.
 */
export function forwardedMicroversionHeaders(api: ServiceApi, version: ApiVersion): Record<string, string> {
  const text = formatApiVersion(version);
  const headers: Record<string, string> = { [API_VERSION_HEADER]: `${api.serviceType} ${text}` };
  if (api.legacyHeader !== undefined) headers[api.legacyHeader] = text;
  return headers;
}
