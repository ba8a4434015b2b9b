import { type ApiVersion, formatApiVersion } from './api-version';
import { API_VERSION_HEADER, LEGACY_API_VERSION_HEADER, SERVICE_TYPE } from './microversion-headers';

/**
 * The request headers that make a pod serve exactly the version podgate negotiated: both, since a
 * pod may be old enough to read only the legacy one. Every pod understands it (the range is capped
 * by the lowest pod maximum), so the pod's answer has the shape the client asked for.
 */
export function forwardedMicroversionHeaders(version: ApiVersion): Record<string, string> {
  const text = formatApiVersion(version);
  return { [API_VERSION_HEADER]: `${SERVICE_TYPE} ${text}`, [LEGACY_API_VERSION_HEADER]: text };
}
