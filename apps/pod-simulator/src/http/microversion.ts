// Microversion negotiation as Nova and Cinder do it (OpenStack-API-Version, plus Nova's legacy
// X-OpenStack-Nova-API-Version). Each pod can have its own maximum so a gateway can be tested
// negotiating the lowest common version.
import { OpenStackError, badRequest } from './openstack-error';

export interface ApiVersion {
  readonly major: number;
  readonly minor: number;
}

export type MicroversionService = 'compute' | 'volume';

export interface VersionRange {
  readonly min: ApiVersion;
  readonly max: ApiVersion;
}

export function parseVersion(text: string): ApiVersion | undefined {
  const match = /^(\d+)\.(\d+)$/.exec(text.trim());
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : undefined;
}

export function mustParseVersion(text: string): ApiVersion {
  const version = parseVersion(text);
  if (!version) throw new Error(`invalid microversion "${text}"`);
  return version;
}

export const formatVersion = (v: ApiVersion): string => `${v.major}.${v.minor}`;

export const compareVersions = (a: ApiVersion, b: ApiVersion): number => a.major - b.major || a.minor - b.minor;

/** True when `v` is at least `required` ("2.47"). */
export const atLeast = (v: ApiVersion, required: string): boolean => compareVersions(v, mustParseVersion(required)) >= 0;

const headerValue = (headers: Record<string, string | string[] | undefined>, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
};

/** Finds "compute 2.37" in `OpenStack-API-Version: compute 2.37, volume 3.0`. */
function requestedVersion(
  headers: Record<string, string | string[] | undefined>,
  service: MicroversionService,
): string | undefined {
  const generic = headerValue(headers, 'openstack-api-version');
  if (generic) {
    for (const part of generic.split(',')) {
      const [name, value] = part.trim().split(/\s+/, 2);
      if (name?.toLowerCase() === service && value) return value;
    }
  }
  // The legacy header only ever existed for Nova.
  return service === 'compute' ? headerValue(headers, 'x-openstack-nova-api-version') : undefined;
}

export function negotiateMicroversion(
  headers: Record<string, string | string[] | undefined>,
  service: MicroversionService,
  range: VersionRange,
): ApiVersion {
  const requested = requestedVersion(headers, service);
  if (requested === undefined) return range.min;
  if (requested.trim().toLowerCase() === 'latest') return range.max;
  const version = parseVersion(requested);
  if (!version) {
    throw badRequest(`API Version String ${requested} is of invalid format. Must be of format MajorNum.MinorNum.`);
  }
  if (compareVersions(version, range.min) < 0 || compareVersions(version, range.max) > 0) {
    throw new OpenStackError(
      406,
      `Version ${formatVersion(version)} is not supported by the API. Minimum is ${formatVersion(range.min)} and maximum is ${formatVersion(range.max)}.`,
    );
  }
  return version;
}

/** Headers echoed on every versioned response, exactly the set Nova/Cinder send. */
export function microversionHeaders(service: MicroversionService, version: ApiVersion): Record<string, string> {
  const text = formatVersion(version);
  if (service === 'compute') {
    return {
      'openstack-api-version': `compute ${text}`,
      'x-openstack-nova-api-version': text,
      vary: 'OpenStack-API-Version, X-OpenStack-Nova-API-Version',
    };
  }
  return { 'openstack-api-version': `volume ${text}`, vary: 'OpenStack-API-Version' };
}
