// The one place the volume API translates availability zones between podgate and a pod (volumes,
// backups, any Cinder body with `availability_zone`), so every slice shows the same names.

/** What a body needs to know of its pod: the AZ users see and the pod's own. */
export interface PodAzNames {
  readonly azName: string;
  readonly podAzName: string;
}

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const AZ_FIELD = 'availability_zone';

/** One Cinder resource as users see it: the pod's own AZ replaced by podgate's. Not modified in place. */
export function withUserAz(item: Json, pod: PodAzNames): Json {
  return item[AZ_FIELD] === pod.podAzName && pod.podAzName !== pod.azName ? { ...item, [AZ_FIELD]: pod.azName } : item;
}

/**
 * A pod's answer as users see it: every resource directly under the envelope (`{"volume": {...}}`,
 * `{"backups": [...]}`) with the pod's own AZ replaced by podgate's. Other bodies come back as they were.
 */
export function viewPodAz(body: unknown, pod: PodAzNames): unknown {
  if (!isRecord(body)) return body;
  let copy: Json | undefined;
  for (const [key, value] of Object.entries(body)) {
    let next = value;
    if (isRecord(value)) next = withUserAz(value, pod);
    else if (Array.isArray(value)) {
      const items = value.map((item) => (isRecord(item) ? withUserAz(item, pod) : item));
      if (items.some((item, i) => item !== value[i])) next = items;
    }
    if (next !== value) (copy ??= { ...body })[key] = next;
  }
  return copy ?? body;
}

/**
 * A request's AZ as the pod must receive it: podgate's name of the pod's AZ becomes the pod's own;
 * any other value is passed on for the pod to judge (Cinder's own "not found" words).
 */
export function podAzOf(requested: unknown, pod: PodAzNames): unknown {
  return requested === pod.azName ? pod.podAzName : requested;
}
