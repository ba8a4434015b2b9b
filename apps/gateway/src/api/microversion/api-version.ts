import { InvalidApiVersionStringError } from './microversion.errors';

/**
 * An API microversion (Nova's 2.x, Cinder's 3.x), compared as both compare them: as the tuple
 * (major, minor), so 2.10 is above 2.9 (api/openstack/api_version_request.py APIVersionRequest).
 */
export interface ApiVersion {
  readonly major: number;
  readonly minor: number;
}

export interface ApiVersionRange {
  readonly min: ApiVersion;
  readonly max: ApiVersion;
}

/**
 * Nova's and Cinder's pattern `^([1-9]\d*)\.([1-9]\d*|0)$`: no sign, no leading zero (`2.01`, `02.1` are
 * malformed), a minor of exactly `0` allowed (`2.0` is well-formed, then refused as out of range).
 * `[0-9]` stands for Python's `\d`: header values are latin-1, where 0-9 are the only decimal digits.
 */
const VERSION_PATTERN = /^([1-9][0-9]*)\.([1-9][0-9]*|0)$/;

/**
 * Parses a requested version. Digits beyond 2^53 lose precision but never their order against
 * real bounds, so comparisons stay right; messages quote the text the client sent, which is
 * exactly what Nova prints since leading zeros are refused.
 */
export function parseApiVersion(text: string): ApiVersion {
  const match = VERSION_PATTERN.exec(text);
  if (!match) throw new InvalidApiVersionStringError(text);
  return { major: Number(match[1]), minor: Number(match[2]) };
}

export function formatApiVersion(version: ApiVersion): string {
  return `${version.major}.${version.minor}`;
}

/** A version as code names it: an `ApiVersion`, or a literal such as `'2.69'`. */
export type VersionLike = ApiVersion | string;

function toApiVersion(version: VersionLike): ApiVersion {
  if (typeof version !== 'string') return version;
  // A malformed literal is a bug in podgate, not the client's fault: never answer it with a 400.
  if (!VERSION_PATTERN.test(version)) throw new RangeError(`not a microversion literal: ${JSON.stringify(version)}`);
  return parseApiVersion(version);
}

/** Negative, zero or positive as `a` is below, equal to or above `b`. */
export function compareApiVersions(a: VersionLike, b: VersionLike): number {
  const x = toApiVersion(a);
  const y = toApiVersion(b);
  return x.major !== y.major ? Math.sign(x.major - y.major) : Math.sign(x.minor - y.minor);
}

/** `atLeast(v, '2.69')`: what Nova's `api_version_request.is_supported(req, min_version='2.69')` asks. */
export function atLeast(version: VersionLike, minimum: VersionLike): boolean {
  return compareApiVersions(version, minimum) >= 0;
}

export function atMost(version: VersionLike, maximum: VersionLike): boolean {
  return compareApiVersions(version, maximum) <= 0;
}

/** Both bounds inclusive, as Nova's `APIVersionRequest.matches`. */
export function isWithin(version: VersionLike, range: ApiVersionRange): boolean {
  return atLeast(version, range.min) && atMost(version, range.max);
}
