import type { PodView } from '@podgate/pods';

export interface ZoneHostService {
  readonly available: boolean;
  readonly active: boolean;
  readonly updated_at: string | null;
}

export interface AvailabilityZoneWire {
  readonly zoneName: string;
  readonly zoneState: { readonly available: boolean };
  readonly hosts: Record<string, Record<string, ZoneHostService>> | null;
}

/** The service each pod stands for in the detail view: to a Nova client a pod is a compute host of its zone. */
export const POD_SERVICE = 'nova-compute';

/** A pod can take new servers: not drained for maintenance, and not known to be unreachable. */
const isUsable = (pod: PodView): boolean => !pod.inMaintenance && (pod.usage?.reachable ?? true);

/** Nova prints service times naive, with microseconds (`2026-03-01T10:00:00.000000`). */
const naiveMicros = (at: Date): string => at.toISOString().replace(/\.(\d{3})Z$/, '.$1000');

/**
 * os-availability-zone from the active pods, in registration order: one zone per user-visible AZ
 * (podgate's `az_name`, never a pod's own), available while at least one of its pods is usable.
 * As Nova: available zones first, then the others; `hosts` null except in the detail view of an
 * available zone, where each pod is a host named after it with one service.
 */
export function availabilityZones(pods: readonly PodView[], detail: boolean): { availabilityZoneInfo: AvailabilityZoneWire[] } {
  const zones = new Map<string, PodView[]>();
  for (const pod of pods) zones.set(pod.azName, [...(zones.get(pod.azName) ?? []), pod]);
  const available: AvailabilityZoneWire[] = [];
  const unavailable: AvailabilityZoneWire[] = [];
  for (const [zoneName, members] of zones) {
    if (!members.some(isUsable)) {
      unavailable.push({ zoneName, zoneState: { available: false }, hosts: null });
      continue;
    }
    const hosts = detail
      ? Object.fromEntries(
          members.map((pod) => [
            pod.name,
            {
              [POD_SERVICE]: {
                available: pod.usage?.reachable ?? true,
                active: !pod.inMaintenance,
                updated_at: naiveMicros(pod.usage?.reportedAt ?? pod.updatedAt),
              },
            },
          ]),
        )
      : null;
    available.push({ zoneName, zoneState: { available: true }, hosts });
  }
  return { availabilityZoneInfo: [...available, ...unavailable] };
}
