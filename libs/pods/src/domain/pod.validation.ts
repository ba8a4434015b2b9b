import { InvalidPodNameError, InvalidPodProfileError } from './pod.errors';
import type { PodEndpoints, PodProfile } from './pod.events';

const MAX_TEXT = 255;

/** Keystone's rule for region ids, which pod names are: 1..255 characters, and no slash. */
export function assertPodName(name: string): void {
  if (name.length === 0) throw new InvalidPodNameError(name, 'it must not be empty');
  if (name.length > MAX_TEXT) throw new InvalidPodNameError(name, `it is longer than ${MAX_TEXT} characters`);
  if (name.includes('/')) throw new InvalidPodNameError(name, 'it must not contain a slash');
}

export function assertProfile(profile: PodProfile): void {
  const { capacityThreshold, azName, affinityTag } = profile;
  if (!(Number.isFinite(capacityThreshold) && capacityThreshold > 0 && capacityThreshold <= 1)) {
    throw new InvalidPodProfileError(`capacity threshold must be in (0, 1], got ${capacityThreshold}`);
  }
  if (azName.trim() === '') throw new InvalidPodProfileError('az_name must not be empty');
  for (const [field, value] of [
    ['az_name', azName],
    ['pod_az_name', profile.podAzName],
    ['dc_name', profile.dcName],
    ['affinity_tag', affinityTag ?? ''],
  ] as const) {
    if (value.length > MAX_TEXT) throw new InvalidPodProfileError(`${field} is longer than ${MAX_TEXT} characters`);
  }
  if (affinityTag !== null && affinityTag.trim() === '') {
    throw new InvalidPodProfileError('affinity_tag must be null or a non-empty tag');
  }
  assertEndpoints(profile.endpoints);
}

function assertEndpoints(endpoints: PodEndpoints): void {
  for (const [service, url] of Object.entries(endpoints)) {
    if (!['compute', 'volume', 'image'].includes(service)) {
      throw new InvalidPodProfileError(`endpoints.${service} is not a known service (compute, volume, image)`);
    }
    if (url === undefined) continue;
    if (!isHttpUrl(url))
      throw new InvalidPodProfileError(`endpoints.${service} must be an http(s) URL, got ${JSON.stringify(url)}`);
  }
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
