/**
 * Nova's legacy `availability_zone` forms (nova/compute/api.py parse_availability_zone): `az`,
 * `az:host`, `az::node`, `az:host:node`, with an empty zone meaning "the default zone". podgate
 * routes on the zone and hands the rest to the pod unchanged.
 */
export interface RequestedZone {
  /** The user-visible AZ, or null for "podgate's default". */
  readonly zone: string | null;
  /** `:host`, `::node`, `:host:node` or '' : what follows the zone, for the pod. */
  readonly hostSuffix: string;
}

/** Nova's message for more than two colons, an InvalidInput ("Invalid input received: ..."). */
export const UNPARSABLE_ZONE_MESSAGE = 'Invalid input received: Unable to parse availability_zone';

/** Null when Nova could not parse it either (more than two colons). */
export function parseRequestedZone(text: string | null | undefined): RequestedZone | null {
  if (!text) return { zone: null, hostSuffix: '' };
  const colon = text.indexOf(':');
  if (colon < 0) return { zone: text, hostSuffix: '' };
  if (text.split(':').length - 1 > 2) return null;
  return { zone: colon === 0 ? null : text.slice(0, colon), hostSuffix: text.slice(colon) };
}
