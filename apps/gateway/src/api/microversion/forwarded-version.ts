import { type ApiVersion, formatApiVersion } from './api-version';
import { API_VERSION_HEADER, LEGACY_API_VERSION_HEADER, SERVICE_TYPE } from './microversion-headers';

/**
 * The request headers that make a pod serve exactly the version podgate negotiated: both, since a
 * pod may be old enough to read only the legacy one. Every pod understands it (the range is capped
 * by the lowest pod maximum), so the pod's answer has the shape the client asked for.
 */
export function forwardedMicroversionHeaders(version: ApiVersion): Readonly<Record<string, string>> {
  // Built once per version (few: they lie in the supported range) rather than on every forwarded call.
  const key = version.major * 65_536 + version.minor;
  let headers = forwarded.get(key);
  if (!headers) {
    const text = formatApiVersion(version);
    forwarded.set(
      key,
      (headers = Object.freeze({ [API_VERSION_HEADER]: `${SERVICE_TYPE} ${text}`, [LEGACY_API_VERSION_HEADER]: text })),
    );
  }
  return headers;
}

const forwarded = new Map<number, Readonly<Record<string, string>>>();
